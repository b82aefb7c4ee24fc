package dev.attentive.publisher;

import dev.attentive.publisher.review.SignedMarkers;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A real KRaft broker and the GitHub emulator for the publisher app under test; short waits so
 * retries are quick.
 */
public class PublisherTestResource implements QuarkusTestResourceLifecycleManager {

  public static final String TOKEN = "ghp_publisher_test_token";

  /** Attempts per GitHub request in the tests. */
  public static final int MAX_ATTEMPTS = 3;

  private static EmbeddedKafka kafka;
  private static GitHubEmulator github;

  @Override
  public Map<String, String> start() {
    kafka = EmbeddedKafka.start(3);
    github = GitHubEmulator.start();
    github.requireToken(TOKEN);
    github.authenticatedUser("attentive-bot");
    try {
      Path state = Files.createTempDirectory("publisher-streams");
      Map<String, String> config = new HashMap<>();
      config.put("attentive.publisher.marker-secret", SignedMarkers.SECRET);
      config.putAll(
          Map.of(
              "kafka.bootstrap.servers",
              kafka.bootstrapServers(),
              "attentive.publisher.github.api-url",
              github.baseUrl(),
              "attentive.publisher.github.token",
              TOKEN,
              "attentive.publisher.github.min-write-interval",
              "20ms",
              "attentive.publisher.github.initial-backoff",
              "20ms",
              "attentive.publisher.github.max-backoff",
              "100ms",
              "attentive.publisher.github.rate-limit-wait",
              "200ms",
              "attentive.publisher.github.max-attempts",
              String.valueOf(MAX_ATTEMPTS),
              "attentive.publisher.github.retry-budget",
              "30s",
              "kafka-streams.state.dir",
              state.toString()));
      return config;
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
