package dev.attentive.reviewer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.ProfileSample;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Review;
import dev.attentive.events.StyleTools;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.reviewer.analysis.style.TeamStyleAnalyzer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
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
 * The reviewer joins each chunk with its repository's profile (the global table of {@link
 * Topics#REPO_PROFILES}): the learned conventions review the style, the tools the repository
 * declares choose the rule set, and a missing or unreadable profile never holds a review back.
 */
class ProfileJoinTest {

  @TempDir Path stateDir;

  static final String REPO = "acme/shop";

  /** A line with trailing spaces (line 2) and a star import (line 3), in a file of six lines. */
  static final String CONTENT =
      "package a;\nimport java.util.List;  \nimport java.util.*;\nclass A {\n  int x;\n}\n";

  static final String PATCH =
      "@@ -1,4 +1,6 @@\n package a;\n+import java.util.List;  \n+import java.util.*;\n class A {\n   int"
          + " x;\n }";

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> chunks;
  TestInputTopic<String, byte[]> manifests;
  TestInputTopic<String, byte[]> profiles;
  TestOutputTopic<String, Review> reviews;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reviewer-profile-test");
    // Its own state directory: the stores are RocksDB, which locks its files.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                List.of(new TeamStyleAnalyzer(null, true)),
                Duration.ofMinutes(10),
                new SimpleMeterRegistry(),
                new ReviewerTopologyTest.TestClock()),
            props);
    chunks =
        driver.createInputTopic(
            Topics.DIFF_CHUNKS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    manifests =
        driver.createInputTopic(
            Topics.DIFF_MANIFESTS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    profiles =
        driver.createInputTopic(
            Topics.REPO_PROFILES, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    reviews =
        driver.createOutputTopic(
            Topics.REVIEWS, Serdes.String().deserializer(), EventSerdes.review());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static RepositoryProfile profile(StyleTools tools) {
    return new RepositoryProfile(
        RepositoryProfile.SCHEMA_VERSION,
        REPO,
        "main",
        "c0ffee",
        ReviewerTopologyTest.T0,
        new ProfileSample(12, 12, 0, 12_000, 600, 15),
        List.of(
            new Convention(
                "style/whitespace/trailing",
                "none",
                500,
                0,
                12,
                true,
                "this repository ends lines without trailing whitespace: 500 of 500 non-blank lines"
                    + " in 12 sampled files")),
        tools,
        List.of());
  }

  Review review(String delivery) {
    PullRequestDiffChunk chunk =
        ReviewerTopologyTest.chunk(delivery, 0, "src/a/A.java", PATCH).withNewContent(CONTENT);
    chunks.pipeInput("acme/shop#7", EventSerdes.diffChunk().serialize(Topics.DIFF_CHUNKS, chunk));
    manifests.pipeInput(
        "acme/shop#7",
        EventSerdes.diffManifest()
            .serialize(
                Topics.DIFF_MANIFESTS, ReviewerTopologyTest.manifest(delivery, 1, List.of())));
    return reviews.readValue();
  }

  @Test
  void withoutAProfileTheReviewGoesOutAndSaysItIsLearning() {
    Review review = review("d1");
    assertThat(review.suggestions()).isEmpty();
    assertThat(review.notes()).containsExactly(AnalyzeProcessor.LEARNING_NOTE);
  }

  @Test
  void theRepositorysOwnConventionReviewsItsStyleAndNothingElseDoes() {
    profiles.pipeInput(
        REPO,
        EventSerdes.repositoryProfile().serialize(Topics.REPO_PROFILES, profile(StyleTools.NONE)));

    Review review = review("d2");

    assertThat(review.notes()).isEmpty();
    assertThat(review.suggestions())
        .as("no Google rule set: the star import is the team's business")
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.ruleId()).isEqualTo("style/whitespace/trailing");
              assertThat(s.startLine()).isEqualTo(2);
              assertThat(s.replacement()).isEqualTo("import java.util.List;");
              assertThat(s.message()).contains("500 of 500 non-blank lines in 12 sampled files");
              assertThat(s.kind()).isEqualTo(Suggestion.Kind.STYLE);
            });
  }

  @Test
  void aCheckstyleFileTheRepositoryDeclaresIsRunToo() {
    profiles.pipeInput(
        REPO,
        EventSerdes.repositoryProfile()
            .serialize(
                Topics.REPO_PROFILES,
                profile(
                    new StyleTools(
                        StyleConfig.GOOGLE_CHECKS,
                        null,
                        null,
                        "pom.xml: maven-checkstyle-plugin"))));

    List<Suggestion> found = review("d3").suggestions();
    assertThat(found).extracting(Suggestion::ruleId).contains("style/AvoidStarImport");
    assertThat(found)
        .as("Checkstyle speaks about line 2, so the convention's finding there is dropped")
        .anyMatch(s -> s.startLine() == 2)
        .noneMatch(s -> s.ruleId().equals("style/whitespace/trailing"));
  }

  @Test
  void anUnreadableProfileIsNotedAndTheReviewStillGoesOut() {
    profiles.pipeInput(REPO, "{\"schemaVersion\":1,".getBytes(StandardCharsets.UTF_8));

    Review review = review("d4");

    assertThat(review.suggestions()).isEmpty();
    assertThat(review.notes())
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .startsWith(
                        "the style conventions of acme/shop were not checked: its profile could not be read"));
  }

  @Test
  void aProfileOfAnotherRepositoryUnderThisKeyIsNotUsed() {
    RepositoryProfile other = profile(StyleTools.NONE);
    other =
        new RepositoryProfile(
            other.schemaVersion(),
            "mallory/elsewhere",
            other.defaultBranch(),
            other.sha(),
            other.learnedAt(),
            other.sample(),
            other.conventions(),
            other.tools(),
            other.notes());
    profiles.pipeInput(
        REPO, EventSerdes.repositoryProfile().serialize(Topics.REPO_PROFILES, other));

    Review review = review("d5");

    assertThat(review.suggestions()).isEmpty();
    assertThat(review.notes())
        .containsExactly(
            "the style conventions of acme/shop were not checked: its profile names another"
                + " repository");
  }
}
