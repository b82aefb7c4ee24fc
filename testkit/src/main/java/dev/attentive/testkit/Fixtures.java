package dev.attentive.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Real GitHub webhook payloads from {@code shared/fixtures/github-webhooks/}, which sits beside the checkout. Found
 * by walking up from the working directory, so tests run from any module.
 */
public final class Fixtures {

  private static final Path RELATIVE = Path.of("shared", "fixtures", "github-webhooks");

  private Fixtures() {}

  public static Path webhookDirectory() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException("shared/fixtures/github-webhooks not found above " + Path.of("").toAbsolutePath()
        + "; the tests expect the shared/ folder beside the checkout");
  }

  public static byte[] webhook(String fileName) {
    try {
      return Files.readAllBytes(webhookDirectory().resolve(fileName));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
