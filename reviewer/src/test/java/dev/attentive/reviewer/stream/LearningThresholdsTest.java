package dev.attentive.reviewer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's topology holds every repository's learned kind thresholds (the global table of
 * {@link Topics#REPO_LEARNING}); unreadable learning, or learning under another repository's key,
 * is none.
 */
class LearningThresholdsTest {

  @TempDir Path stateDir;

  @Test
  void theNewestLearningOfARepositoryGivesItsThresholds() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reviewer-learning-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    try (TopologyTestDriver driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                List.of(),
                Duration.ofMinutes(10),
                new SimpleMeterRegistry(),
                new ReviewerTopologyTest.TestClock()),
            props)) {
      TestInputTopic<String, byte[]> learning =
          driver.createInputTopic(
              Topics.REPO_LEARNING, Serdes.String().serializer(), Serdes.ByteArray().serializer());
      learning.pipeInput("acme/shop", bytes(learned("acme/shop", 0.7)));
      learning.pipeInput("acme/shop", bytes(learned("acme/shop", 0.9)));
      learning.pipeInput("acme/other", bytes(learned("acme/shop", 0.6)));
      learning.pipeInput("acme/broken", "{not json".getBytes(StandardCharsets.UTF_8));

      LearningThresholds thresholds =
          new LearningThresholds(driver.getKeyValueStore(LearningThresholds.STORE));
      assertThat(thresholds.of("acme/shop")).isEqualTo(Map.of("add_not", 0.9));
      assertThat(thresholds.of("acme/other")).isEmpty();
      assertThat(thresholds.of("acme/broken")).isEmpty();
      assertThat(thresholds.of("acme/never")).isEmpty();

      learning.pipeInput("acme/shop", (byte[]) null);
      assertThat(thresholds.of("acme/shop")).isEmpty();
    }
  }

  static RepositoryLearning learned(String repository, double addNot) {
    return new RepositoryLearning(
        RepositoryLearning.SCHEMA_VERSION,
        repository,
        null,
        null,
        Map.of("add_not", addNot),
        null,
        null);
  }

  static byte[] bytes(RepositoryLearning learning) {
    return EventSerdes.repositoryLearning().serialize(Topics.REPO_LEARNING, learning);
  }
}
