package dev.attentive.reviewer;

import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.Map;

/** A real KRaft broker for the reviewer under test. */
public class ReviewerTestResource implements QuarkusTestResourceLifecycleManager {

  private static EmbeddedKafka kafka;

  @Override
  public Map<String, String> start() {
    kafka = EmbeddedKafka.start(3);
    try {
      return Map.of(
          "kafka.bootstrap.servers", kafka.bootstrapServers(),
          "kafka-streams.state.dir", Files.createTempDirectory("reviewer-streams").toString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void stop() {
    if (kafka != null) {
      kafka.close();
    }
  }

  public static EmbeddedKafka kafka() {
    return kafka;
  }
}
