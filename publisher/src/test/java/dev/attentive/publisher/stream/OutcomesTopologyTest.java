package dev.attentive.publisher.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.FileStatus;
import dev.attentive.events.LineRange;
import dev.attentive.events.PatchParser;
import dev.attentive.events.Review;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.Ticker;
import dev.attentive.github.call.WriteThrottle;
import dev.attentive.publisher.TopologyProducer;
import dev.attentive.publisher.outcomes.OutcomeJoin;
import dev.attentive.publisher.review.Markers;
import dev.attentive.publisher.review.ReviewBodies;
import dev.attentive.publisher.review.ReviewPlanner;
import dev.attentive.publisher.review.ReviewPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The publisher's stream with the outcomes: a posted review fills the PR's ledger with the comment
 * ids; activity on the PR becomes feedback, each outcome once, and Attentive resolves only its own
 * fixed threads.
 */
class OutcomesTopologyTest {

  static final String REPO = "o/r";
  static final String KEY = "o/r#1";
  static final String PATH = "src/A.java";
  static final String H1 = "1".repeat(40);
  static final String H2 = "2".repeat(40);
  static final String H3 = "3".repeat(40);
  static final String REPLACEMENT = "    if (x != null) {";
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  ConversationFake github;
  SimpleMeterRegistry metrics;
  TopologyTestDriver driver;
  TestInputTopic<String, String> reviews;
  TestInputTopic<String, String> activity;
  TestOutputTopic<String, Feedback> feedback;
  KeyValueStore<String, CommentLedger> ledger;
  int deliveries;

  @BeforeEach
  void setUp() {
    github = new ConversationFake();
    metrics = new SimpleMeterRegistry();
    GitHubCalls calls =
        new GitHubCalls(
            new RetryPolicy(2, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1)),
            new WriteThrottle(Duration.ZERO, Ticker.system()),
            Ticker.system(),
            Clock.systemUTC(),
            metrics,
            "attentive.publisher.github.retries");
    Markers markers =
        new Markers(
            "a-test-secret-of-enough-bytes".getBytes(StandardCharsets.UTF_8), true, r -> {});
    ReviewPublisher publisher =
        new ReviewPublisher(
            github,
            calls,
            new ReviewPlanner(25),
            new ReviewBodies(65536, 25, markers),
            markers,
            100);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "outcomes-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "dummy:9092");
    driver =
        new TopologyTestDriver(
            TopologyProducer.topology(
                publisher, null, new OutcomeJoin(github, calls, 20), metrics, Clock.systemUTC()),
            props);
    reviews =
        driver.createInputTopic(Topics.REVIEWS, new StringSerializer(), new StringSerializer());
    activity =
        driver.createInputTopic(
            Topics.REVIEW_ACTIVITY, new StringSerializer(), new StringSerializer());
    feedback =
        driver.createOutputTopic(
            Topics.FEEDBACK, new StringDeserializer(), EventSerdes.feedback().deserializer());
    ledger = driver.getKeyValueStore(PublishProcessor.LEDGER_STORE);
  }

  @AfterEach
  void tearDown() {
    driver.close();
  }

  static Suggestion repair() {
    return new Suggestion(
        Suggestion.Kind.REPAIR,
        PATH,
        3,
        3,
        Suggestion.Severity.ERROR,
        0.91,
        "x may be null.",
        REPLACEMENT,
        "model/null-check",
        "fp-repair");
  }

  static Suggestion style() {
    return new Suggestion(
        Suggestion.Kind.STYLE,
        PATH,
        5,
        5,
        Suggestion.Severity.WARNING,
        0.7,
        "Line is longer than 100 characters.",
        null,
        "style/LineLength",
        "fp-style");
  }

  void postReview() {
    Review review =
        new Review(
            Review.SCHEMA_VERSION,
            "d-1",
            REPO,
            1,
            "0".repeat(40),
            H1,
            5L,
            "pull_request.opened",
            1,
            List.of(repair(), style()),
            Map.of(PATH, List.of(new LineRange(1, 20))),
            List.of(),
            T0,
            null,
            Map.of("model", "attention-7"));
    reviews.pipeInput(KEY, new String(EventSerdes.review().serialize("t", review)));
  }

  void pipe(ReviewActivity a) {
    activity.pipeInput(a.key().value(), new String(EventSerdes.reviewActivity().serialize("t", a)));
  }

  ReviewActivity push(String before, String after, Instant at, boolean forced, String patch) {
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        "push-" + after,
        REPO,
        1,
        5L,
        ReviewActivity.Type.PUSH,
        at,
        "dev",
        "User",
        null,
        null,
        null,
        null,
        null,
        after,
        before,
        forced,
        false,
        patch == null
            ? List.of()
            : List.of(
                new ReviewActivity.FileChange(
                    PATH, null, FileStatus.MODIFIED, PatchParser.parse(patch))));
  }

  ReviewActivity thread(ReviewActivity.Type type, long firstComment, String actor, String kind) {
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        "d-" + (++deliveries),
        REPO,
        1,
        5L,
        type,
        T0.plusSeconds(600),
        actor,
        kind,
        null,
        null,
        null,
        "PRRT_" + firstComment,
        List.of(firstComment),
        null,
        null,
        false,
        false,
        List.of());
  }

  ReviewActivity reply(long inReplyTo, String actor, String kind, String text) {
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        "d-" + (++deliveries),
        REPO,
        1,
        5L,
        ReviewActivity.Type.REPLY,
        T0.plusSeconds(700),
        actor,
        kind,
        inReplyTo,
        9_999L,
        text,
        null,
        List.of(),
        null,
        null,
        false,
        false,
        List.of());
  }

  ReviewActivity simple(
      ReviewActivity.Type type, int pr, Long commentId, String head, boolean merged) {
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        "d-" + (++deliveries),
        REPO,
        pr,
        5L,
        type,
        T0.plusSeconds(900),
        "dev",
        "User",
        commentId,
        null,
        null,
        null,
        List.of(),
        head,
        null,
        false,
        merged,
        List.of());
  }

  long commentOf(String fingerprint) {
    return ledger.get(KEY).entries().stream()
        .filter(e -> e.fingerprint().equals(fingerprint))
        .findFirst()
        .orElseThrow()
        .commentId();
  }

  /** A header line added on top, and line 3 replaced by the suggestion: H1 → H2. */
  static final String APPLYING_PUSH =
      "@@ -0,0 +1,1 @@\n+// header\n@@ -3,1 +4,1 @@\n-    if (x) {\n+    if (x != null) {";

  @Test
  void theLedgerKnowsEveryPostedCommentWithItsGitHubId() {
    postReview();

    CommentLedger recorded = ledger.get(KEY);
    assertThat(recorded.headSha()).isEqualTo(H1);
    assertThat(recorded.entries())
        .extracting(
            CommentLedger.Entry::ruleId,
            CommentLedger.Entry::analyzer,
            CommentLedger.Entry::modelVersion,
            CommentLedger.Entry::kind,
            CommentLedger.Entry::startLine,
            CommentLedger.Entry::replacement,
            CommentLedger.Entry::postedHead)
        .containsExactly(
            tuple(
                "model/null-check",
                "model",
                "attention-7",
                Suggestion.Kind.REPAIR,
                3,
                REPLACEMENT,
                H1),
            tuple("style/LineLength", "style", null, Suggestion.Kind.STYLE, 5, null, H1));
    assertThat(recorded.entries())
        .extracting(CommentLedger.Entry::commentId)
        .containsExactlyElementsOf(github.comments.stream().map(c -> c.id()).toList());
  }

  @Test
  void aPushThatAppliesASuggestionResolvesItsThreadAndReactionsAreCountedOncePerPerson() {
    postReview();
    long repair = commentOf("fp-repair");
    long style = commentOf("fp-style");
    long human = github.humanComment("alice");
    github.react(style, "alice", "-1");
    github.react(style, "bob", "+1");
    github.react(style, ConversationFake.BOT, "+1");
    github.react(style, "carol", "eyes");

    pipe(push(H1, H2, T0.plusSeconds(60), false, APPLYING_PUSH));

    assertThat(feedback.readValuesToList())
        .extracting(Feedback::type, Feedback::fingerprint, Feedback::actor, Feedback::commit)
        .containsExactly(
            tuple(Feedback.Type.APPLIED, "fp-repair", null, H2),
            tuple(Feedback.Type.THUMBS_DOWN, "fp-style", "alice", null),
            tuple(Feedback.Type.THUMBS_UP, "fp-style", "bob", null));
    assertThat(github.resolvedByBot).containsExactly("PRRT_" + repair);
    assertThat(github.threads.get(human).resolved).as("a person's thread").isFalse();
    assertThat(github.replies)
        .containsExactly(repair + ": Resolved by Attentive: 2222222 applies the suggestion.");
    CommentLedger.Entry styleEntry =
        ledger.get(KEY).entries().stream()
            .filter(e -> e.commentId() == style)
            .findFirst()
            .orElseThrow();
    assertThat(styleEntry.startLine()).as("moved by the header line").isEqualTo(6);
    assertThat(styleEntry.head()).isEqualTo(H2);
    assertThat(styleEntry.state()).isEqualTo(CommentLedger.State.OPEN);
    assertThat(
            metrics
                .counter(
                    "attentive.feedback.outcomes",
                    "type",
                    "APPLIED",
                    "kind",
                    "REPAIR",
                    "rule",
                    "model/null-check",
                    "repository",
                    REPO)
                .count())
        .isEqualTo(1.0);

    // redelivered, and the PR closed unmerged: the same reactions are not counted again
    pipe(push(H1, H2, T0.plusSeconds(60), false, APPLYING_PUSH));
    pipe(simple(ReviewActivity.Type.CLOSED, 1, null, H2, false));
    assertThat(feedback.readValuesToList()).isEmpty();
    assertThat(github.replies).hasSize(1);
  }

  @Test
  void peopleResolveReopenAndReplyAndTheMergeIgnoresWhatIsLeft() {
    postReview();
    long repair = commentOf("fp-repair");
    long style = commentOf("fp-style");
    long human = github.humanComment("alice");

    pipe(thread(ReviewActivity.Type.THREAD_RESOLVED, style, "alice", "User"));
    pipe(thread(ReviewActivity.Type.THREAD_RESOLVED, style, "alice", "User")); // redelivered
    pipe(thread(ReviewActivity.Type.THREAD_RESOLVED, repair, ConversationFake.BOT, "Bot"));
    pipe(thread(ReviewActivity.Type.THREAD_RESOLVED, human, "bob", "User")); // not Attentive's
    assertThat(feedback.readValuesToList())
        .extracting(Feedback::type, Feedback::fingerprint, Feedback::actor)
        .containsExactly(tuple(Feedback.Type.RESOLVED_WITHOUT_CHANGE, "fp-style", "alice"));

    pipe(thread(ReviewActivity.Type.THREAD_UNRESOLVED, style, "bob", "User"));
    pipe(reply(style, "carol", "User", "We allow long lines in tests."));
    pipe(reply(style, ConversationFake.BOT, "Bot", "bot talk"));
    pipe(reply(human, "carol", "User", "on a person's comment"));
    assertThat(feedback.readValuesToList())
        .extracting(Feedback::type, Feedback::actor, Feedback::text)
        .containsExactly(
            tuple(Feedback.Type.UNRESOLVED, "bob", null),
            tuple(Feedback.Type.REPLY, "carol", "We allow long lines in tests."));

    pipe(simple(ReviewActivity.Type.COMMENT_DELETED, 1, repair, null, false));
    pipe(simple(ReviewActivity.Type.CLOSED, 1, null, H1, true));
    assertThat(feedback.readValuesToList())
        .extracting(Feedback::type, Feedback::fingerprint, Feedback::commit, Feedback::line)
        .containsExactly(tuple(Feedback.Type.IGNORED, "fp-style", H1, 5));
    assertThat(ledger.get(KEY).entries())
        .extracting(CommentLedger.Entry::commentId)
        .containsExactly(style);
    assertThat(github.resolvedByBot).isEmpty();
  }

  @Test
  void onlyTheNewestHeadCountsAndAForcePushForgetsTheLines() {
    postReview();
    // H2 → H3 arrives first: the ledger never saw H2, so the entries lose their lines
    pipe(push(H2, H3, T0.plusSeconds(120), false, "@@ -3,1 +3,1 @@\n-a\n+b"));
    // the older push arrives late: it moves nothing
    pipe(push(H1, H2, T0.plusSeconds(60), false, APPLYING_PUSH));

    assertThat(feedback.readValuesToList()).isEmpty();
    assertThat(ledger.get(KEY).headSha()).isEqualTo(H3);
    assertThat(ledger.get(KEY).entries()).noneMatch(CommentLedger.Entry::anchored);

    // no line outcomes without lines: neither resolved-without-change nor ignored
    long style = commentOf("fp-style");
    pipe(thread(ReviewActivity.Type.THREAD_RESOLVED, style, "alice", "User"));
    pipe(simple(ReviewActivity.Type.CLOSED, 1, null, H3, true));
    assertThat(feedback.readValuesToList()).isEmpty();
  }

  @Test
  void aForcePushLeavesTheEntriesOpenWithoutLines() {
    postReview();
    pipe(push(H1, H2, T0.plusSeconds(60), true, null));

    assertThat(feedback.readValuesToList()).isEmpty();
    assertThat(ledger.get(KEY).entries())
        .allSatisfy(
            e -> {
              assertThat(e.anchored()).isFalse();
              assertThat(e.state()).isEqualTo(CommentLedger.State.OPEN);
            });
  }

  @Test
  void activityOnPullRequestsOrCommentsAttentiveNeverPostedIsIgnored() {
    pipe(simple(ReviewActivity.Type.CLOSED, 2, null, H1, true));
    pipe(reply(42L, "carol", "User", "hello")); // PR 1 has no ledger yet
    postReview();
    pipe(reply(42L, "carol", "User", "hello"));
    pipe(simple(ReviewActivity.Type.COMMENT_DELETED, 1, 42L, null, false));
    pipe(thread(ReviewActivity.Type.THREAD_UNRESOLVED, 42L, "carol", "User"));
    activity.pipeInput(KEY, "{not json");

    assertThat(feedback.readValuesToList()).isEmpty();
    assertThat(ledger.get(KEY).entries()).hasSize(2);
    assertThat(driver.getKeyValueStore(PublishProcessor.LEDGER_STORE).get("o/r#2")).isNull();
  }

  @Test
  void whenGitHubFailsTheOutcomesAreStillWrittenAndTheThreadLeftAlone() {
    postReview();
    github.failThreads = true;

    pipe(push(H1, H2, T0.plusSeconds(60), false, APPLYING_PUSH));

    assertThat(feedback.readValuesToList())
        .extracting(Feedback::type)
        .containsExactly(Feedback.Type.APPLIED);
    assertThat(github.resolvedByBot).isEmpty();
    assertThat(github.replies).isEmpty();
  }
}
