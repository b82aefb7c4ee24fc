package dev.attentive.reviewer.stream;

import static dev.attentive.reviewer.stream.ReviewerTopologyTest.KEY;
import static dev.attentive.reviewer.stream.ReviewerTopologyTest.TODO_FINDER;
import static dev.attentive.reviewer.stream.ReviewerTopologyTest.chunk;
import static dev.attentive.reviewer.stream.ReviewerTopologyTest.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.AnalyzerDeadlines;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An analyzer that never returns, and ignores interruption as Java's regular expressions do: the
 * review still goes out, with the other analyzers' findings and a note, and stuck calls cannot pile
 * up. The timeouts only guard against a hang, which is the failure under test.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class AnalyzerDeadlineTest {

  @TempDir Path stateDir;

  volatile boolean released;
  final AtomicInteger hangingCalls = new AtomicInteger();

  final Analyzer hanging =
      new Analyzer() {
        @Override
        public String id() {
          return "hang";
        }

        @Override
        public List<Suggestion> analyze(PullRequestDiffChunk chunk) {
          hangingCalls.incrementAndGet();
          while (!released) {
            try {
              Thread.sleep(10);
            } catch (InterruptedException ignored) {
              // deliberately deaf to cancellation
            }
          }
          return List.of();
        }
      };

  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> chunks;
  TestInputTopic<String, byte[]> manifests;
  TestOutputTopic<String, Review> reviews;
  TestOutputTopic<String, DeadLetter> deadLetters;

  void start(int threads) {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reviewer-deadline-test");
    // Its own state directory: the stores are RocksDB, which locks its files.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    AnalyzerDeadlines deadlines =
        new AnalyzerDeadlines(
            new AnalyzerDeadlines.Limits(
                Duration.ofSeconds(20), Map.of("hang", Duration.ofMillis(200)), threads));
    driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                List.of(TODO_FINDER, hanging),
                deadlines,
                Duration.ofMinutes(10),
                metrics,
                Clock.systemUTC()),
            props);
    chunks =
        driver.createInputTopic(
            Topics.DIFF_CHUNKS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    manifests =
        driver.createInputTopic(
            Topics.DIFF_MANIFESTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    reviews =
        driver.createOutputTopic(
            Topics.REVIEWS, Serdes.String().deserializer(), EventSerdes.review());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS, Serdes.String().deserializer(), EventSerdes.deadLetter());
  }

  @AfterEach
  void stop() {
    released = true;
    if (driver != null) {
      driver.close();
    }
  }

  @Test
  void aHangingAnalyzerIsStoppedAndTheReviewGoesOutWithANote() {
    start(4);
    send(chunk("d1", 0, "src/A.java", "@@ -1,2 +1,3 @@\n class A {\n+  // TODO tidy\n }"));
    send(manifest("d1", 1, List.of()));

    Review review = reviews.readValue();
    assertThat(review.deliveryId()).isEqualTo("d1");
    assertThat(review.suggestions())
        .as("the other analyzer's findings are kept")
        .extracting(Suggestion::ruleId)
        .containsExactly("todo/added");
    assertThat(review.notes())
        .containsExactly(
            "analyzer hang stopped after 200 ms on src/A.java; its findings are left out");
    assertThat(deadLetters.readValue().error())
        .isEqualTo("analyzer_deadline: past its deadline of PT0.2S");
    assertThat(
            metrics
                .counter("attentive.reviewer.analyzer.deadline.exceeded", "analyzer", "hang")
                .count())
        .isEqualTo(1);
    assertThat(hangingCalls).hasValue(1);
  }

  @Test
  void whenStuckCallsTakeEveryThreadAnalyzersAreSkippedNotWaitedFor() {
    start(2);
    // Two chunks leave two stuck calls, one per thread.
    send(chunk("d2", 0, "src/A.java", "@@ -1 +1,2 @@\n class A {\n+// TODO\n"));
    send(chunk("d2", 1, "src/B.java", "@@ -1 +1,2 @@\n class B {\n+// TODO\n"));
    send(chunk("d2", 2, "src/C.java", "@@ -1 +1,2 @@\n class C {\n+// TODO\n"));
    send(manifest("d2", 3, List.of()));

    Review review = reviews.readValue();
    assertThat(review.filesReviewed()).isEqualTo(3);
    assertThat(review.suggestions())
        .extracting(Suggestion::path)
        .containsExactly("src/A.java", "src/B.java");
    assertThat(review.notes())
        .containsExactly(
            "analyzer hang stopped after 200 ms on src/A.java; its findings are left out",
            "analyzer hang stopped after 200 ms on src/B.java; its findings are left out",
            "analyzer todo was skipped on src/C.java (the reviewer is busy with analyses past"
                + " their deadline); its findings are left out",
            "analyzer hang was skipped on src/C.java (the reviewer is busy with analyses past"
                + " their deadline); its findings are left out");
    assertThat(hangingCalls).as("no third stuck call").hasValue(2);
    assertThat(
            metrics
                .counter(
                    "attentive.reviewer.analyzer.skipped", "analyzer", "todo", "reason", "busy")
                .count())
        .isEqualTo(1);
  }

  private void send(PullRequestDiffChunk chunk) {
    chunks.pipeInput(KEY, EventSerdes.diffChunk().serialize(Topics.DIFF_CHUNKS, chunk));
  }

  private void send(DiffManifest manifest) {
    manifests.pipeInput(KEY, EventSerdes.diffManifest().serialize(Topics.DIFF_MANIFESTS, manifest));
  }
}
