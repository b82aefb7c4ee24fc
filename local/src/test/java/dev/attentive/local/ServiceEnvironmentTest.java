package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

  /** A developer's shell pointed at real GitHub: every credential is in the environment. */
  static final Map<String, String> LAUNCHER =
      Map.of(
          "PATH", "/usr/bin:/bin",
          "HOME", "/srv/dev",
          "GITHUB_TOKEN", "ghp_from_the_shell",
          "GITHUB_APP_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----",
          "GITHUB_APP_PRIVATE_KEY_PATH", "/srv/dev/app.pem",
          "ATTENTIVE_WEBHOOK_SECRET", "shell-secret",
          "AWS_SECRET_ACCESS_KEY", "aws");

  static final Map<String, String> STACK =
      Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092",
          "ATTENTIVE_WEBHOOK_SECRET", "stack-secret",
          "GITHUB_API_URL", "https://api.github.com",
          "GITHUB_TOKEN", "ghp_stack",
          "ATTENTIVE_STATE_DIR", "/tmp/state");

  @Test
  void theReviewerGetsKafkaAndItsStateDirectoryOnly() {
    Map<String, String> env = ServiceEnvironment.of("reviewer", LAUNCHER, STACK);

    assertThat(env)
        .containsOnlyKeys("PATH", "HOME", "KAFKA_BOOTSTRAP_SERVERS", "ATTENTIVE_STATE_DIR");
    assertThat(String.join(" ", env.values()))
        .doesNotContain("ghp_", "secret", "PRIVATE KEY", "app.pem", "aws");
  }

  @Test
  void ingestAndPublisherGetWhatTheyReadAndNothingFromTheShell() {
    Map<String, String> ingest = ServiceEnvironment.of("ingest", LAUNCHER, STACK);
    Map<String, String> publisher = ServiceEnvironment.of("publisher", LAUNCHER, STACK);

    assertThat(ingest)
        .containsEntry("ATTENTIVE_WEBHOOK_SECRET", "stack-secret")
        .containsEntry("GITHUB_TOKEN", "ghp_stack")
        .doesNotContainKeys(
            "GITHUB_APP_PRIVATE_KEY", "GITHUB_APP_PRIVATE_KEY_PATH", "AWS_SECRET_ACCESS_KEY");
    assertThat(publisher)
        .containsEntry("GITHUB_TOKEN", "ghp_stack")
        .doesNotContainKeys(
            "ATTENTIVE_WEBHOOK_SECRET", "GITHUB_APP_PRIVATE_KEY", "AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void everyServiceGetsTheLaunchersPidToEndWithIt() {
    Map<String, String> stack = new HashMap<>(STACK);
    stack.put("ATTENTIVE_PARENT_PID", "4242");

    for (String service : Pipeline.SERVICES) {
      assertThat(ServiceEnvironment.of(service, LAUNCHER, stack))
          .as(service)
          .containsEntry("ATTENTIVE_PARENT_PID", "4242");
    }
    assertThat(ServiceEnvironment.of("reviewer", Map.of("ATTENTIVE_PARENT_PID", "1"), STACK))
        .as("taken from the stack, never from the launcher's own environment")
        .doesNotContainKey("ATTENTIVE_PARENT_PID");
  }

  @Test
  void aServiceProcessSeesExactlyItsEnvironmentNotTheLaunchers() throws Exception {
    Map<String, String> env = new HashMap<>(ServiceEnvironment.of("reviewer", LAUNCHER, STACK));
    // The test JVM's own environment (non-empty: at least PATH or HOME) must not leak through.
    assertThat(System.getenv()).isNotEmpty();

    Map<String, String> seen = environmentOf(env);

    Map<String, String> expected = new HashMap<>(env);
    expected.put("PORT", "8123");
    assertThat(seen).isEqualTo(expected);
  }

  /** Runs {@code env} as the launcher runs a service and reads what the child really got. */
  private static Map<String, String> environmentOf(Map<String, String> env)
      throws IOException, InterruptedException {
    Process process =
        ServiceProcess.processBuilder(List.of("/usr/bin/env", "-0"), env, 8123).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).isZero();
    Map<String, String> seen = new HashMap<>();
    for (String line : output.split("\0")) {
      if (!line.isEmpty()) {
        int eq = line.indexOf('=');
        seen.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return seen;
  }
}
