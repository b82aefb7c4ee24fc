package dev.attentive.reviewer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Review;
import dev.attentive.events.SourceFile;
import dev.attentive.events.SourceRef;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.AnalyzerDeadlines;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * The reviewer resolves a chunk's source references from the global table of {@link
 * Topics#SOURCE_FILES}: present, the tests analyzer compiles the class with them; still missing
 * after the bounded wait, the chunk is analysed without them and the review says so.
 */
class SourceFilesJoinTest {

  @TempDir Path stateDir;

  static final String KEY = "acme/inventory#7";
  static final String CART = "src/main/java/com/acme/shop/Cart.java";
  static final String ITEM = "src/main/java/com/acme/shop/Item.java";
  static final String ITEM_SHA = "1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c";

  static final String BASE_CART =
      "package com.acme.shop;\n\npublic final class Cart {\n  public static int total(int items) {\n"
          + "    return items;\n  }\n}\n";
  static final String HEAD_CART =
      "package com.acme.shop;\n\npublic final class Cart {\n  public static int total(int items) {\n"
          + "    return items + Item.FEE;\n  }\n}\n";
  static final String ITEM_SOURCE =
      "package com.acme.shop;\n\nfinal class Item {\n  static final int FEE = 2;\n}\n";

  static final Duration WAIT = Duration.ofMillis(300);

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> chunks;
  TestInputTopic<String, byte[]> manifests;
  TestInputTopic<String, byte[]> sources;
  TestOutputTopic<String, Review> reviews;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reviewer-sources-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                List.of(new TestAnalyzer()),
                new AnalyzerDeadlines(AnalyzerDeadlines.Limits.DEFAULTS),
                Duration.ofMinutes(10),
                WAIT,
                new SimpleMeterRegistry(),
                new ReviewerTopologyTest.TestClock()),
            props);
    chunks =
        driver.createInputTopic(
            Topics.DIFF_CHUNKS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    manifests =
        driver.createInputTopic(
            Topics.DIFF_MANIFESTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    sources =
        driver.createInputTopic(
            Topics.SOURCE_FILES, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    reviews =
        driver.createOutputTopic(
            Topics.REVIEWS, Serdes.String().deserializer(), EventSerdes.review());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  Review review(PullRequestDiffChunk chunk) {
    chunks.pipeInput(KEY, EventSerdes.diffChunk().serialize(Topics.DIFF_CHUNKS, chunk));
    manifests.pipeInput(
        KEY,
        EventSerdes.diffManifest()
            .serialize(
                Topics.DIFF_MANIFESTS,
                new DiffManifest(
                    1,
                    chunk.deliveryId(),
                    chunk.repository(),
                    chunk.pullRequestNumber(),
                    chunk.baseSha(),
                    chunk.headSha(),
                    chunk.installationId(),
                    "pull_request.synchronize",
                    1,
                    1,
                    false,
                    List.of(),
                    ReviewerTopologyTest.T0)));
    return reviews.readValue();
  }

  static PullRequestDiffChunk cart() {
    return Chunks.modified(CART, BASE_CART, HEAD_CART)
        .withSources(List.of(new SourceRef(ITEM, ITEM_SHA, SourceRef.Side.HEAD)));
  }

  @Test
  void aNeighbourFromTheTableLetsTheClassCompile() {
    sources.pipeInput(
        ITEM_SHA,
        EventSerdes.sourceFile()
            .serialize(
                Topics.SOURCE_FILES,
                new SourceFile(SourceFile.SCHEMA_VERSION, ITEM_SHA, ITEM_SOURCE)));

    Review review = review(cart());

    // compiled with its neighbour; not run here, so nothing inline and the summary says why
    assertThat(review.notes())
        .containsExactly(
            "No tests proposed in Cart.java for `Cart.total(int)`: execution is off (tests that pin"
                + " values need it)");
    assertThat(review.suggestions()).isEmpty();
  }

  @Test
  void aNeighbourThatDoesNotArriveIsWaitedForBrieflyThenNoted() {
    Review review = review(cart());

    assertThat(review.notes())
        .containsExactly(
            AnalyzeProcessor.missingSourcesNote(CART, 1, 1, WAIT),
            "No tests proposed in Cart.java for `Cart.total(int)`: Cart.java needs variable Item,"
                + " which is not in the diff");
    assertThat(review.suggestions()).isEmpty();
  }
}
