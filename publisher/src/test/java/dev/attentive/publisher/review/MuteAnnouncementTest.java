package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.MARKERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.github.call.FakeTicker;
import dev.attentive.publisher.learning.Learner;
import dev.attentive.publisher.learning.LearnerProcessor;
import dev.attentive.publisher.learning.LearningMetrics;
import dev.attentive.publisher.learning.LearningTable;
import dev.attentive.publisher.learning.MuteAnnouncements;
import dev.attentive.publisher.stream.PublishProcessor;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.Sinks;
import dev.attentive.streams.StateStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publisher's side of a muted rule, through the stream as the service wires it: the learner
 * mutes a rule the team keeps rejecting, the next review leaves it out and says so once (and writes
 * the MUTE_ANNOUNCED feedback the learner folds in), later reviews only count it, and {@code
 * /attentive unignore} brings it back.
 */
class MuteAnnouncementTest {

  static final String REPO = "o/r";
  static final String MUTED = "style/R";
  static final String OTHER = "style/Other";
  static final String HEADER = "#### Muted in this repository";

  @TempDir Path stateDir;

  TopologyTestDriver driver;
  ReviewGoldenTest.RecordingGitHub github;
  TestInputTopic<String, byte[]> reviews;
  TestInputTopic<String, byte[]> feedback;
  TestOutputTopic<String, Feedback> written;

  @BeforeEach
  void start() {
    github = new ReviewGoldenTest.RecordingGitHub();
    SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    ReviewPublisher publisher =
        new ReviewPublisher(
            github,
            Fixtures.calls(new FakeTicker()),
            new ReviewPlanner(25),
            new ReviewBodies(ReviewBodies.GITHUB_MAX_BODY, 25, MARKERS),
            MARKERS,
            10);
    MuteAnnouncements mutes = new MuteAnnouncements();
    Clock clock = Clock.systemUTC();
    Topology topology =
        new Topology()
            .addSource(
                "reviews",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.REVIEWS)
            .addProcessor(
                "publish",
                () -> new PublishProcessor(publisher, null, metrics, clock, mutes),
                "reviews")
            .addStateStore(
                StateStores.keyValue(
                    PublishProcessor.POSTED_STORE,
                    Serdes.String(),
                    EventSerdes.postedFingerprints()),
                "publish")
            .addStateStore(
                StateStores.keyValue(
                    PublishProcessor.LEDGER_STORE, Serdes.String(), EventSerdes.commentLedger()),
                "publish");
    Sinks.DEAD_LETTERS.addTo(topology, "publish");
    LearningTable.addTo(topology);
    MuteAnnouncements.FEEDBACK.addTo(topology, "publish");
    LearnerProcessor.addTo(
        topology,
        new Learner(3, 0.20, 0.02, 0.05, Map.of()),
        new LearningMetrics(metrics),
        new DeadLetters("publisher", metrics, clock));
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "publisher-mute-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props);
    reviews =
        driver.createInputTopic(
            Topics.REVIEWS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    feedback =
        driver.createInputTopic(
            Topics.FEEDBACK, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    written =
        driver.createOutputTopic(
            Topics.FEEDBACK, Serdes.String().deserializer(), EventSerdes.feedback());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Suggestion suggestion(String rule, int line) {
    return new Suggestion(
        Suggestion.Kind.STYLE,
        Fixtures.PATH,
        line,
        line,
        Suggestion.Severity.WARNING,
        0.5,
        "Finding of " + rule + " at " + line + ".",
        null,
        rule,
        Suggestion.fingerprint(Fixtures.PATH, rule, "line " + line));
  }

  void review(String delivery, Suggestion... suggestions) {
    Review review = Fixtures.review(delivery, List.of(suggestions));
    reviews.pipeInput(review.key().value(), EventSerdes.review().serialize(Topics.REVIEWS, review));
  }

  void teamSays(Feedback.Type type, String id, int day) {
    Feedback f =
        new Feedback(
            Feedback.SCHEMA_VERSION,
            id,
            REPO,
            1,
            type,
            "fp-" + id,
            MUTED,
            "style",
            null,
            0.5,
            Suggestion.Kind.STYLE,
            Fixtures.PATH,
            3,
            100 + day,
            null,
            "bob",
            null,
            Instant.parse("2026-11-02T09:00:00Z").plusSeconds(86_400L * day));
    feedback.pipeInput(REPO, EventSerdes.feedback().serialize(Topics.FEEDBACK, f));
  }

  @Test
  void aMutedRuleIsLeftOutAnnouncedOnceAndBackAfterUnignore() {
    for (int i = 0; i < 4; i++) {
      teamSays(Feedback.Type.THUMBS_DOWN, "down-" + i, i);
    }

    review("d1", suggestion(MUTED, 3), suggestion(OTHER, 4));
    assertThat(github.reviews).hasSize(1);
    GitHubReviewsBodies first = bodies(0);
    assertThat(first.inline()).singleElement().asString().contains(OTHER);
    assertThat(first.summary())
        .contains(HEADER)
        .contains("`" + MUTED + "`: the team rejected it 4 times and accepted it 0 times")
        .contains("`/attentive unignore " + MUTED + "`")
        .contains(
            "1 suggestion of rules muted in this repository was not posted (`/attentive why` lists"
                + " the muted rules).");
    List<Feedback> announcements = written.readValuesToList();
    assertThat(announcements)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.type()).isEqualTo(Feedback.Type.MUTE_ANNOUNCED);
              assertThat(f.ruleId()).isEqualTo(MUTED);
              assertThat(f.repository()).isEqualTo(REPO);
              assertThat(f.id()).startsWith(REPO + "/mute/" + MUTED + "/");
            });
    LearningTable table = new LearningTable(driver.getKeyValueStore(LearningTable.STORE));
    assertThat(table.lookup(REPO).rules().get(MUTED).announced()).isTrue();

    review("d2", suggestion(MUTED, 5), suggestion(OTHER, 6));
    assertThat(github.reviews).hasSize(2);
    assertThat(bodies(1).summary())
        .doesNotContain(HEADER)
        .contains("1 suggestion of rules muted in this repository was not posted");
    assertThat(bodies(1).inline()).singleElement().asString().contains(OTHER);
    assertThat(written.isEmpty()).isTrue();

    teamSays(Feedback.Type.RULE_UNIGNORED, "unignore-delivery", 9);
    review("d3", suggestion(MUTED, 7));
    assertThat(github.reviews).hasSize(3);
    assertThat(bodies(2).inline()).singleElement().asString().contains(MUTED);
    assertThat(bodies(2).summary()).doesNotContain("muted");
  }

  record GitHubReviewsBodies(String summary, List<String> inline) {}

  GitHubReviewsBodies bodies(int n) {
    var posted = github.reviews.get(n);
    return new GitHubReviewsBodies(
        posted.body(), posted.comments().stream().map(c -> c.body()).toList());
  }
}
