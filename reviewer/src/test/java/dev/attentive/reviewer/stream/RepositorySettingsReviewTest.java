package dev.attentive.reviewer.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.style.StyleAnalyzer;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.settings.RepositorySettingsParser;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
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
 * The reviewer under a repository's {@code .attentive.yml}: analyzers chosen per repository, the
 * team's Checkstyle file, the confidence bar, settings reaching analyzers and the review. Real
 * topology (test driver), real style analyzer.
 */
class RepositorySettingsReviewTest {

  @TempDir Path stateDir;

  static final String KEY = "acme/shop#7";
  static final String CONTENT =
      """
      package com.example;

      public class Prices {
        public int total(int count) {
          return count * 42;
        }
      }
      """;
  static final String TEAM_CHECKS =
      """
      <?xml version="1.0"?>
      <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
          "https://checkstyle.org/dtds/configuration_1_3.dtd">
      <module name="Checker">
        <module name="TreeWalker">
          <module name="MagicNumber"/>
        </module>
      </module>
      """;

  /**
   * Stands for the tests analyzer: one suggestion per chunk; remembers the settings it was given.
   */
  static final AtomicReference<RepositorySettings> SEEN = new AtomicReference<>();

  static final Analyzer TESTS =
      new Analyzer() {
        @Override
        public String id() {
          return "tests";
        }

        @Override
        public List<Suggestion> analyze(PullRequestDiffChunk chunk) {
          return List.of(
              new Suggestion(
                  Suggestion.Kind.TEST,
                  chunk.path(),
                  4,
                  4,
                  Suggestion.Severity.INFO,
                  0.99,
                  "test me",
                  null,
                  "tests/untested",
                  Suggestion.fingerprint(chunk.path(), "tests/untested", "x")));
        }

        @Override
        public List<Suggestion> analyze(PullRequestDiffChunk chunk, RepositorySettings settings) {
          SEEN.set(settings);
          return analyze(chunk);
        }
      };

  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> chunks;
  TestInputTopic<String, byte[]> manifests;
  TestOutputTopic<String, Review> reviews;
  int deliveries;

  @BeforeEach
  void start() {
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "reviewer-settings-test");
    // Its own state directory: the stores are RocksDB, which locks its files.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    List<Analyzer> deployment =
        List.of(new StyleAnalyzer(new StyleConfig(StyleConfig.GOOGLE_CHECKS, false)), TESTS);
    driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                deployment, Duration.ofMinutes(10), new SimpleMeterRegistry(), Clock.systemUTC()),
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
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void withoutSettingsEveryEnabledAnalyzerRunsWithTheDeploymentsRuleSet() {
    Review review = review(null);
    assertThat(rules(review))
        .contains("tests/untested")
        .anyMatch(r -> r.startsWith("style/"))
        .doesNotContain("style/MagicNumber");
    assertThat(review.settings()).isNull();
    assertThat(SEEN.get())
        .as("analyzers get the defaults, never null")
        .isEqualTo(RepositorySettings.defaults());
  }

  @Test
  void aRepositoryThatLeavesOutStyleGetsNoStyleSuggestions() {
    Review review = review(settings("analyzers: [tests]\n"));
    assertThat(rules(review)).containsExactly("tests/untested");
  }

  @Test
  void theTeamsOwnCheckstyleFileIsUsed() {
    RepositorySettings settings =
        settings("style:\n  checkstyle: config/checks.xml\n").withCheckstyleXml(TEAM_CHECKS);

    Review review = review(settings);

    assertThat(rules(review)).containsExactlyInAnyOrder("style/MagicNumber", "tests/untested");
    assertThat(review.settings().checkstyle()).isEqualTo("config/checks.xml");
    assertThat(review.settings().checkstyleXml())
        .as("the rule set's text stops at the reviewer")
        .isNull();
  }

  @Test
  void aTeamCheckstyleFileThatCannotBeLoadedFallsBackAndIsAConfigurationProblem() {
    RepositorySettings settings =
        settings("style:\n  checkstyle: config/checks.xml\n")
            .withCheckstyleXml("<module name=\"NoSuchModule\"/>");

    Review review = review(settings);

    assertThat(rules(review))
        .anyMatch(r -> r.startsWith("style/"))
        .doesNotContain("style/MagicNumber");
    // Said once, with the file's other problems (the publisher's configuration-problems comment).
    assertThat(review.settings().problems())
        .anyMatch(
            n ->
                n.startsWith(
                    "the repository's Checkstyle configuration config/checks.xml could not be used"));
    assertThat(review.notes()).noneMatch(n -> n.contains("could not be used"));
  }

  @Test
  void suggestionsUnderTheConfidenceBarAreDropped() {
    // Checkstyle findings have confidence 0.9; the stand-in tests analyzer 0.99.
    Review review = review(settings("review:\n  minConfidence: 0.95\n  maxComments: 3\n"));
    assertThat(rules(review)).containsExactly("tests/untested");
    assertThat(review.settings().maxComments()).isEqualTo(3);
  }

  @Test
  void analyzersReadTheirSettingsAndACommandOverrideNarrowsTheRun() {
    RepositorySettings settings =
        settings(
                "tests:\n  execute: true\nmodel:\n  attention: {version: 1, rules: [{tokens: added, bias: 2}]}\n")
            .withAnalyzerOverride(List.of("tests", "model"));

    Review review = review(settings);

    assertThat(rules(review)).containsExactly("tests/untested");
    assertThat(SEEN.get().testsExecute()).isTrue();
    assertThat(SEEN.get().modelAttention().path("rules").get(0).path("bias").asInt()).isEqualTo(2);
    assertThat(review.notes())
        .containsExactly(
            "the model analyzer was asked for but is not enabled in this" + " deployment");
  }

  @Test
  void onAPushOntoAReviewedHeadOnlyTheLinesChangedSinceGetSuggestions() {
    Review whole = review(null, null);
    assertThat(whole.suggestions())
        .as("the whole diff: style findings on other lines than the tests' line 4")
        .anyMatch(s -> s.startLine() != 4);

    Review increment =
        review(
            null,
            new PullRequestDiffChunk.Increment(
                "before", List.of(new dev.attentive.events.LineRange(4, 4))));
    assertThat(increment.suggestions()).isNotEmpty();
    assertThat(increment.suggestions())
        .allMatch(s -> s.startLine() <= 4 && 4 <= s.endLine(), "touches line 4");

    Review unchanged = review(null, new PullRequestDiffChunk.Increment("before", List.of()));
    assertThat(unchanged.suggestions()).as("the file did not change since").isEmpty();
  }

  private static RepositorySettings settings(String yaml) {
    RepositorySettings settings =
        RepositorySettingsParser.parse(yaml, "acme/shop@main:.attentive.yml");
    assertThat(settings.problems()).isEmpty();
    return settings;
  }

  private static List<String> rules(Review review) {
    List<String> rules = new ArrayList<>();
    review.suggestions().forEach(s -> rules.add(s.ruleId()));
    return rules.stream().distinct().toList();
  }

  private Review review(RepositorySettings settings) {
    return review(settings, null);
  }

  private Review review(RepositorySettings settings, PullRequestDiffChunk.Increment increment) {
    String delivery = "d" + (++deliveries);
    PullRequestDiffChunk chunk =
        Chunks.chunk(
            "src/main/java/com/example/Prices.java",
            FileStatus.ADDED,
            Chunks.newFilePatch(CONTENT),
            CONTENT);
    chunk =
        new PullRequestDiffChunk(
            chunk.schemaVersion(),
            delivery,
            "acme/shop",
            7,
            "base",
            "head",
            1L,
            chunk.path(),
            null,
            chunk.status(),
            chunk.language(),
            0,
            chunk.additions(),
            0,
            chunk.hunks(),
            chunk.newContent(),
            settings,
            null,
            increment);
    chunks.pipeInput(KEY, EventSerdes.diffChunk().serialize(Topics.DIFF_CHUNKS, chunk));
    DiffManifest manifest =
        new DiffManifest(
            DiffManifest.SCHEMA_VERSION,
            delivery,
            "acme/shop",
            7,
            "base",
            "head",
            1L,
            "pull_request.synchronize",
            1,
            1,
            false,
            List.of(),
            Instant.now(),
            settings);
    manifests.pipeInput(KEY, EventSerdes.diffManifest().serialize(Topics.DIFF_MANIFESTS, manifest));
    List<Review> out = reviews.readValuesToList();
    assertThat(out).hasSize(1);
    return out.get(0);
  }
}
