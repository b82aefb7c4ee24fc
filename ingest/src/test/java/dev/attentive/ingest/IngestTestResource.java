package dev.attentive.ingest;

import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A real KRaft broker and the GitHub emulator for the ingest app under test. */
public class IngestTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String SECRET = "ingest-test-secret";
  public static final String TOKEN = "ghp_ingest_test_token";

  private static EmbeddedKafka kafka;
  private static GitHubEmulator github;

  @Override
  public Map<String, String> start() {
    kafka = EmbeddedKafka.start(3);
    github = GitHubEmulator.start();
    github.requireToken(TOKEN);
    try {
      Path state = Files.createTempDirectory("ingest-streams");
      return Map.of(
          "kafka.bootstrap.servers",
          kafka.bootstrapServers(),
          "attentive.ingest.webhook.secret",
          SECRET,
          "attentive.ingest.github.api-url",
          github.baseUrl(),
          "attentive.ingest.github.token",
          TOKEN,
          "attentive.ingest.github.initial-backoff",
          "50ms",
          "kafka-streams.state.dir",
          state.toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (github != null) {
      github.close();
    }
    if (kafka != null) {
      kafka.close();
    }
  }

  public static EmbeddedKafka kafka() {
    return kafka;
  }

  public static GitHubEmulator github() {
    return github;
  }
}
