package dev.attentive.reviewer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.DiffManifest.Reason;
import dev.attentive.events.DiffManifest.SkippedFile;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.FileStatus;
import dev.attentive.events.LineRange;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.Analyzer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reviewer's real topology under Kafka Streams' test driver, with a small deterministic
 * analyzer (the style analyzer is exercised on a real broker in ReviewerServiceTest and on its own
 * in the analysis tests).
 */
class ReviewerTopologyTest {

  @TempDir Path stateDir;

  static final String KEY = "acme/shop#7";
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final TestClock clock = new TestClock();

  /** Flags every added line containing "TODO"; throws on files named Boom.java. */
  static final Analyzer TODO_FINDER =
      new Analyzer() {
        @Override
        public String id() {
          return "todo";
        }

        @Override
        public String version(PullRequestDiffChunk chunk) {
          return "todo-2";
        }

        @Override
        public List<Suggestion> analyze(PullRequestDiffChunk chunk) {
          if (chunk.path().endsWith("Boom.java")) {
            throw new IllegalStateException("cannot read Boom.java");
          }
          return chunk.hunks().stream()
              .flatMap(h -> h.lines().stream())
              .filter(
                  l ->
                      l.kind() == dev.attentive.events.DiffLine.Kind.ADDED
                          && l.text().contains("TODO"))
              .map(
                  l ->
                      new Suggestion(
                          Suggestion.Kind.STYLE,
                          chunk.path(),
                          l.newLine(),
                          l.newLine(),
                          Suggestion.Severity.INFO,
                          0.5,
                          "a TODO was added",
                          null,
                          "todo/added",
                          Suggestion.fingerprint(chunk.path(), "todo/added", l.text())))
              .toList();
        }
      };

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> chunks;
  TestInputTopic<String, byte[]> manifests;
  TestOutputTopic<String, Review> reviews;
  TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reviewer-test");
    // Its own state directory: the stores are RocksDB, which locks its files.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                List.of(TODO_FINDER), Duration.ofMinutes(10), new SimpleMeterRegistry(), clock),
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
    driver.close();
  }

  @Test
  void chunksAndTheirManifestBecomeOneCompleteReview() {
    send(chunk("d1", 0, "src/A.java", "@@ -1,2 +1,3 @@\n class A {\n+  // TODO tidy\n }"));
    assertThat(reviews.isEmpty()).as("not complete before the manifest").isTrue();
    send(
        chunk(
            "d1",
            1,
            "src/B.java",
            "@@ -10,3 +10,4 @@ class B {\n   int a;\n+  int b; // TODO\n   int c;\n }"));
    assertThat(reviews.isEmpty()).isTrue();
    send(manifest("d1", 2, List.of(new SkippedFile("logo.png", Reason.BINARY))));

    var out = reviews.readKeyValuesToList();
    assertThat(out).hasSize(1);
    assertThat(out.get(0).key).isEqualTo(KEY);
    Review review = out.get(0).value;
    assertThat(review.deliveryId()).isEqualTo("d1");
    assertThat(review.headSha()).isEqualTo("head-d1");
    assertThat(review.filesReviewed()).isEqualTo(2);
    assertThat(review.suggestions())
        .extracting(Suggestion::path, Suggestion::startLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("src/A.java", 2),
            org.assertj.core.groups.Tuple.tuple("src/B.java", 11));
    assertThat(review.anchors())
        .containsEntry("src/A.java", List.of(new LineRange(1, 3)))
        .containsEntry("src/B.java", List.of(new LineRange(10, 13)));
    assertThat(review.notes()).containsExactly("skipped logo.png: binary file");
    assertThat(review.completedAt()).isEqualTo(T0);
    assertThat(review.analyzerVersions()).containsExactly(Map.entry("todo", "todo-2"));
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void theManifestMayArriveFirstAndDeliveriesInterleave() {
    send(manifest("d1", 1, List.of()));
    send(manifest("d2", 1, List.of()));
    send(chunk("d2", 0, "src/A.java", "@@ -1 +1,2 @@\n class A {\n+}"));
    send(chunk("d1", 0, "src/A.java", "@@ -1 +1,2 @@\n class A {\n+// TODO\n"));

    assertThat(reviews.readValuesToList())
        .extracting(Review::deliveryId, r -> r.suggestions().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("d2", 0),
            org.assertj.core.groups.Tuple.tuple("d1", 1));
  }

  @Test
  void aManifestWithNoChunksGivesAReviewAtOnce() {
    send(manifest("d3", 0, List.of(new SkippedFile("yarn.lock", Reason.IGNORED_PATH))));
    Review review = reviews.readValue();
    assertThat(review.filesReviewed()).isZero();
    assertThat(review.notes())
        .containsExactly("skipped yarn.lock: path ignored (lock file, vendored or generated)");
  }

  @Test
  void aPoisonChunkIsDeadLetteredAndTheStreamGoesOn() {
    byte[] poison = "{\"schemaVersion\":1,\"path\":".getBytes(StandardCharsets.UTF_8);
    chunks.pipeInput(KEY, poison);
    send(chunk("d4", 0, "src/A.java", "@@ -1 +1,2 @@\n class A {\n+}"));
    send(manifest("d4", 1, List.of()));

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.value()).isEqualTo(poison);
    assertThat(letter.error()).startsWith("unreadable_chunk: not a valid PullRequestDiffChunk");
    assertThat(letter.sourceTopic()).isEqualTo(Topics.DIFF_CHUNKS);
    assertThat(letter.service()).isEqualTo("reviewer");
    assertThat(reviews.readValue().deliveryId()).isEqualTo("d4");
  }

  @Test
  void anAnalyzerThatThrowsIsDeadLetteredAndTheReviewStillCompletes() {
    byte[] boom =
        EventSerdes.diffChunk()
            .serialize(
                Topics.DIFF_CHUNKS,
                chunk("d5", 0, "src/Boom.java", "@@ -1 +1,2 @@\n class Boom {\n+}"));
    chunks.pipeInput(KEY, boom);
    send(manifest("d5", 1, List.of()));

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.error()).isEqualTo("analyzer_failed: cannot read Boom.java");
    assertThat(letter.value()).isEqualTo(boom);
    Review review = reviews.readValue();
    assertThat(review.filesReviewed()).isEqualTo(1);
    assertThat(review.notes())
        .containsExactly(
            "analyzer todo failed on src/Boom.java: java.lang.IllegalStateException: cannot read Boom.java");
  }

  @Test
  void aReviewWhoseChunkNeverArrivesIsEmittedAfterTheTimeoutWithANote() {
    send(chunk("d6", 0, "src/A.java", "@@ -1 +1,2 @@\n class A {\n+// TODO\n"));
    send(manifest("d6", 2, List.of()));
    send(
        chunk(
            "d7", 0, "src/A.java", "@@ -1 +1,2 @@\n class A {\n+}\n")); // its manifest never comes

    clock.now = T0.plus(Duration.ofMinutes(9));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    assertThat(reviews.isEmpty()).as("still within the timeout").isTrue();

    clock.now = T0.plus(Duration.ofMinutes(11));
    driver.advanceWallClockTime(Duration.ofMinutes(1));
    Review review = reviews.readValue();
    assertThat(review.deliveryId()).isEqualTo("d6");
    assertThat(review.filesReviewed()).isEqualTo(1);
    assertThat(review.suggestions()).hasSize(1);
    assertThat(review.notes())
        .containsExactly("1 file(s) could not be read by the reviewer and were not reviewed");
    assertThat(reviews.isEmpty())
        .as("chunks without a manifest are dropped, not reviewed")
        .isTrue();

    // Both drafts are gone: a late manifest for d7 starts over and does not complete on its own.
    send(manifest("d7", 1, List.of()));
    assertThat(reviews.isEmpty()).isTrue();
  }

  private void send(PullRequestDiffChunk chunk) {
    chunks.pipeInput(KEY, EventSerdes.diffChunk().serialize(Topics.DIFF_CHUNKS, chunk));
  }

  private void send(DiffManifest manifest) {
    manifests.pipeInput(KEY, EventSerdes.diffManifest().serialize(Topics.DIFF_MANIFESTS, manifest));
  }

  static PullRequestDiffChunk chunk(String delivery, int index, String path, String patch) {
    return new PullRequestDiffChunk(
        1,
        delivery,
        "acme/shop",
        7,
        "base-" + delivery,
        "head-" + delivery,
        9L,
        path,
        null,
        FileStatus.MODIFIED,
        "java",
        index,
        1,
        0,
        PatchParser.parse(patch),
        null);
  }

  static DiffManifest manifest(String delivery, int chunkCount, List<SkippedFile> skipped) {
    return new DiffManifest(
        1,
        delivery,
        "acme/shop",
        7,
        "base-" + delivery,
        "head-" + delivery,
        9L,
        "pull_request.synchronize",
        chunkCount,
        chunkCount + skipped.size(),
        false,
        skipped,
        T0);
  }
}
