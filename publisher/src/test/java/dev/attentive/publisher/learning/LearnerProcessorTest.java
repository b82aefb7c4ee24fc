package dev.attentive.publisher.learning;

import static dev.attentive.publisher.learning.FeedbackFixtures.REPO;
import static dev.attentive.publisher.learning.FeedbackFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.Feedback.Type;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import dev.attentive.streams.DeadLetters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner as a sub-topology: feedback in (keyed by repository), the repository's learning out
 * to the compacted topic on every change and nowhere else, repeats and bad records handled.
 */
class LearnerProcessorTest {

  static final String RULE = "style/AvoidStarImport";

  @TempDir Path stateDir;

  TopologyTestDriver driver;
  SimpleMeterRegistry metrics;
  TestInputTopic<String, byte[]> feedback;
  TestOutputTopic<String, RepositoryLearning> learning;
  TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    metrics = new SimpleMeterRegistry();
    Topology topology = new Topology();
    LearnerProcessor.addTo(
        topology,
        new Learner(3, 0.20, 0.02, 0.05, Map.of("add_not", 0.53)),
        new LearningMetrics(metrics),
        new DeadLetters("publisher", metrics, Clock.systemUTC()));
    LearningTable.addTo(topology);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "publisher-learner-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props);
    feedback =
        driver.createInputTopic(
            Topics.FEEDBACK, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    learning =
        driver.createOutputTopic(
            Topics.REPO_LEARNING, Serdes.String().deserializer(), EventSerdes.repositoryLearning());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS, Serdes.String().deserializer(), EventSerdes.deadLetter());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  void send(Feedback f) {
    feedback.pipeInput(f.repository(), EventSerdes.feedback().serialize(Topics.FEEDBACK, f));
  }

  @Test
  void everyChangeIsEmittedAndARedeliveryIsNot() {
    for (int i = 0; i < 4; i++) {
      send(outcome(RULE, Type.THUMBS_DOWN, i));
    }
    send(outcome(RULE, Type.THUMBS_DOWN, 0)); // redelivered
    List<RepositoryLearning> emitted = learning.readValuesToList();
    assertThat(emitted).hasSize(4);
    RepositoryLearning last = emitted.get(3);
    assertThat(last.repository()).isEqualTo(REPO);
    assertThat(last.rules().get(RULE).rejected()).isEqualTo(4);
    assertThat(last.silenced(RULE)).isTrue();
    assertThat(emitted.get(2).silenced(RULE)).isFalse();

    KeyValueStore<String, RepositoryLearning> store =
        driver.getKeyValueStore(LearnerProcessor.STORE);
    assertThat(store.get(REPO)).isEqualTo(last);

    // what the publish processor reads: the global table fed by the same topic
    LearningTable table = new LearningTable(driver.getKeyValueStore(LearningTable.STORE));
    assertThat(table.lookup(REPO)).isEqualTo(last);
    assertThat(table.lookup("someone/else")).isNull();

    assertThat(
            metrics
                .get("attentive.publisher.learning.acceptance")
                .tags("repository", REPO, "rule", RULE)
                .gauge()
                .value())
        .isCloseTo(1.0 / 6, within(1e-9));
    assertThat(
            metrics
                .get("attentive.publisher.learning.muted")
                .tags("repository", REPO, "rule", RULE)
                .gauge()
                .value())
        .isEqualTo(1.0);
    assertThat(
            metrics
                .get("attentive.publisher.feedback")
                .tags("repository", REPO, "rule", RULE, "type", "thumbs_down")
                .counter()
                .count())
        .isEqualTo(4.0);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void badRecordsAreDeadLetteredAndTheStreamGoesOn() {
    feedback.pipeInput(REPO, "not json".getBytes(StandardCharsets.UTF_8));
    Feedback f = outcome(RULE, Type.THUMBS_UP, 1);
    // under another repository's key
    feedback.pipeInput("other/repo", EventSerdes.feedback().serialize(Topics.FEEDBACK, f));
    Feedback noRule =
        new Feedback(
            f.schemaVersion(),
            f.id(),
            f.repository(),
            7,
            f.type(),
            f.fingerprint(),
            null,
            f.analyzer(),
            null,
            0.5,
            f.kind(),
            f.path(),
            f.line(),
            f.commentId(),
            null,
            null,
            null,
            f.at());
    send(noRule);
    send(f);

    assertThat(deadLetters.readValuesToList())
        .extracting(d -> d.error().substring(0, d.error().indexOf(':')))
        .containsExactly("unreadable_feedback", "invalid_feedback", "invalid_feedback");
    assertThat(learning.readValuesToList())
        .singleElement()
        .satisfies(l -> assertThat(l.rules().get(RULE).accepted()).isEqualTo(1));
  }
}
