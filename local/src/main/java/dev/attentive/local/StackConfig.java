package dev.attentive.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the local stack finds things and what it talks to. Real GitHub is used when {@code
 * GITHUB_TOKEN} is set (and {@code ATTENTIVE_GITHUB} is not {@code emulator}); otherwise the GitHub
 * emulator serves a demo PR.
 */
record StackConfig(
    Path root,
    String webhookSecret,
    Optional<String> githubToken,
    String githubApiUrl,
    int ingestPort) {

  static StackConfig fromEnvironment() {
    Path root = findRoot();
    String secret = env("ATTENTIVE_WEBHOOK_SECRET").orElse("attentive-local-secret");
    Optional<String> token = env("GITHUB_TOKEN");
    boolean emulator =
        env("ATTENTIVE_GITHUB").map("emulator"::equalsIgnoreCase).orElse(token.isEmpty());
    String api = emulator ? null : env("GITHUB_API_URL").orElse("https://api.github.com");
    int port = env("ATTENTIVE_INGEST_PORT").map(Integer::parseInt).orElse(8080);
    return new StackConfig(root, secret, emulator ? Optional.empty() : token, api, port);
  }

  boolean realGitHub() {
    return githubApiUrl != null;
  }

  Path ingestJar() {
    return root.resolve("ingest/target/quarkus-app/quarkus-run.jar");
  }

  Path workDir() {
    return root.resolve(".local-stack");
  }

  private static Optional<String> env(String name) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
  }

  private static Path findRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("ingest")) && Files.isDirectory(dir.resolve("events"))) {
        return dir;
      }
    }
    throw new IllegalStateException("run from inside the Attentive checkout");
  }
}
