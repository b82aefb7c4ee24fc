package dev.attentive.ingest.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.BotCommand;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffLine;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.FileStatus;
import dev.attentive.events.LineRange;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.Ticker;
import dev.attentive.ingest.TopologyProducer;
import dev.attentive.ingest.fetch.DiffBuilder;
import dev.attentive.ingest.fetch.FetchContext;
import dev.attentive.ingest.fetch.IgnoreRules;
import dev.attentive.ingest.github.KohsukeGitHubGateway;
import dev.attentive.ingest.webhook.DeliveryClassifier;
import dev.attentive.testkit.Fixtures;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PostedIssueComment;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * Ingest's review stream (test driver) against the GitHub emulator through the real kohsuke
 * gateway: octokit's real webhook payloads in, {@link ReviewActivity} out once each; pushes onto
 * the head last reviewed get an incremental review (GitHub's compare API); the rule commands give
 * {@link Feedback} and {@code why} answers from {@link Topics#REPO_LEARNING}.
 */
class ReviewActivityTest {

  static final String REPO = "octo/app";
  static final int PR = 5;
  static final String KEY = REPO + "#" + PR;
  static final String C1 = "c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1c1";
  static final String C2 = "c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2c2";
  static final String FORCED = "f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0";
  static final String BASE = "b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0";
  static final String A1 = "class A {\n  int a = 1;\n}\n";
  static final String A2 = "class A {\n  int a = 1;\n  int b = 2;\n}\n";
  static final String B = "class B {}\n";
  static final String OCTOKIT = "octokit/api.github.com/";
  static final String WRITER = "maintainer-mia";

  static GitHubEmulator github;

  @TempDir Path stateDir;

  final DeliveryClassifier classifier =
      new DeliveryClassifier(
          Set.of("opened", "reopened", "synchronize", "ready_for_review"),
          false,
          "/attentive",
          false);
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> deliveries;
  TestInputTopic<String, byte[]> commands;
  TestInputTopic<String, byte[]> learning;
  TestOutputTopic<String, ReviewActivity> activity;
  TestOutputTopic<String, PullRequestDiffChunk> chunks;
  TestOutputTopic<String, DiffManifest> manifests;
  TestOutputTopic<String, Feedback> feedback;
  TestOutputTopic<String, DeadLetter> deadLetters;
  int deliveryCount;

  @BeforeAll
  static void startGitHub() {
    github = GitHubEmulator.start();
  }

  @AfterAll
  static void stopGitHub() {
    github.close();
  }

  @BeforeEach
  void start() {
    github.reset();
    var clients =
        new InstallationClients(
            GitHubCredentials.token(github.baseUrl(), "t"),
            b ->
                b.withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL));
    var calls =
        new GitHubCalls(
            new RetryPolicy(
                2,
                Duration.ofMillis(1),
                Duration.ofMillis(4),
                Duration.ofMillis(1),
                Duration.ofSeconds(30)),
            new Ticker() {
              @Override
              public long nanoTime() {
                return System.nanoTime();
              }

              @Override
              public void sleep(Duration duration) {}
            },
            Clock.systemUTC(),
            metrics,
            "test.retries");
    FetchContext ctx =
        new FetchContext(
            new KohsukeGitHubGateway(clients, 3000, 100),
            new DiffBuilder(new IgnoreRules(IgnoreRules.DEFAULTS)),
            classifier,
            metrics,
            calls,
            Duration.ofDays(7),
            Set.of(),
            1 << 20,
            Clock.systemUTC());
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "activity-test");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(TopologyProducer.reviewTopology(ctx, false), props);
    deliveries =
        driver.createInputTopic(
            Topics.WEBHOOK_DELIVERIES, new StringSerializer(), new ByteArraySerializer());
    commands =
        driver.createInputTopic(
            Topics.BOT_COMMANDS, new StringSerializer(), new ByteArraySerializer());
    learning =
        driver.createInputTopic(
            Topics.REPO_LEARNING, new StringSerializer(), new ByteArraySerializer());
    activity =
        driver.createOutputTopic(
            Topics.REVIEW_ACTIVITY, new StringDeserializer(), EventSerdes.reviewActivity());
    chunks =
        driver.createOutputTopic(
            Topics.DIFF_CHUNKS, new StringDeserializer(), EventSerdes.diffChunk());
    manifests =
        driver.createOutputTopic(
            Topics.DIFF_MANIFESTS, new StringDeserializer(), EventSerdes.diffManifest());
    feedback =
        driver.createOutputTopic(Topics.FEEDBACK, new StringDeserializer(), EventSerdes.feedback());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS, new StringDeserializer(), EventSerdes.deadLetter());

    // Two commits on a line (C1 → C2 changes A.java's line 3) and a force-pushed head of its own.
    github.compare().commit(REPO, BASE, null, Map.of("A.java", "class A {}\n", "B.java", B));
    github.compare().commit(REPO, C1, BASE, Map.of("A.java", A1, "B.java", B));
    github.compare().commit(REPO, C2, C1, Map.of("A.java", A2, "B.java", B));
    github.compare().commit(REPO, FORCED, BASE, Map.of("A.java", A1 + "// redo\n", "B.java", B));
    head(C1);
    github.permission(REPO, WRITER, "write");
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aPushOntoTheReviewedHeadIsAnIncrementalReviewAndAPushActivityOnce() throws Exception {
    deliver("pull_request", pullRequest("opened", null, C1));
    assertThat(chunks.readValuesToList())
        .as("the first review is of the whole diff")
        .extracting(PullRequestDiffChunk::increment)
        .containsOnlyNulls()
        .hasSize(2);
    assertThat(activity.isEmpty()).as("opening is no activity").isTrue();

    head(C2);
    byte[] push = deliver("pull_request", pullRequest("synchronize", C1, C2));

    ReviewActivity pushed = activity.readValue();
    assertThat(pushed.type()).isEqualTo(ReviewActivity.Type.PUSH);
    assertThat(pushed.beforeSha()).isEqualTo(C1);
    assertThat(pushed.headSha()).isEqualTo(C2);
    assertThat(pushed.forced()).isFalse();
    assertThat(pushed.at()).as("the payload's time").isEqualTo(Instant.parse(UPDATED_AT));
    assertThat(pushed.actor()).isEqualTo("Codertocat");
    assertThat(pushed.changes()).hasSize(1);
    ReviewActivity.FileChange change = pushed.changes().get(0);
    assertThat(change.path()).isEqualTo("A.java");
    assertThat(change.status()).isEqualTo(FileStatus.MODIFIED);
    assertThat(change.hunks().get(0).lines())
        .filteredOn(l -> l.kind() == DiffLine.Kind.ADDED)
        .extracting(DiffLine::newLine, DiffLine::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "  int b = 2;"));

    List<PullRequestDiffChunk> incremental = chunks.readValuesToList();
    assertThat(incremental)
        .extracting(PullRequestDiffChunk::path, PullRequestDiffChunk::increment)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "A.java", new PullRequestDiffChunk.Increment(C1, List.of(new LineRange(3, 3)))),
            org.assertj.core.groups.Tuple.tuple(
                "B.java", new PullRequestDiffChunk.Increment(C1, List.of())));
    assertThat(manifests.readValuesToList()).hasSize(2);

    deliveries.pipeInput(KEY, push);
    assertThat(activity.isEmpty()).as("a redelivery is not processed again").isTrue();
    assertThat(chunks.isEmpty()).isTrue();
    assertThat(github.requestCount("GET", "/repos/octo/app/compare/.*")).isEqualTo(1);
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aForcePushHasNoChangesAndGetsAWholeReview() throws Exception {
    deliver("pull_request", pullRequest("opened", null, C1));
    chunks.readValuesToList();

    head(FORCED);
    deliver("pull_request", pullRequest("synchronize", C1, FORCED));

    ReviewActivity pushed = activity.readValue();
    assertThat(pushed.forced()).isTrue();
    assertThat(pushed.changes()).isEmpty();
    assertThat(chunks.readValuesToList())
        .extracting(PullRequestDiffChunk::increment)
        .containsOnlyNulls()
        .hasSize(2);
  }

  @Test
  void aPushGitHubCannotCompareIsAForcePushAndATransientFailureIsRetried() throws Exception {
    deliver("pull_request", pullRequest("opened", null, C1));
    chunks.readValuesToList();
    String unknown = "dddddddddddddddddddddddddddddddddddddddd";

    head(unknown);
    deliver("pull_request", pullRequest("synchronize", C1, unknown));
    assertThat(activity.readValue().forced())
        .as("GitHub answers 404: no such head to compare")
        .isTrue();
    assertThat(chunks.readValuesToList())
        .extracting(PullRequestDiffChunk::increment)
        .containsOnlyNulls();

    // Reviewed at C1 again; a 502 on the compare is retried within the delivery's budget.
    deliver("pull_request", pullRequest("reopened", null, C1));
    chunks.readValuesToList();
    github.failNext("GET", "/repos/octo/app/compare/.*", 502, 1);
    head(C2);
    deliver("pull_request", pullRequest("synchronize", C1, C2));
    assertThat(activity.readValue().forced()).isFalse();
    assertThat(chunks.readValuesToList())
        .extracting(PullRequestDiffChunk::increment)
        .doesNotContainNull();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void aPushWhoseBeforeIsNotTheLastReviewedHeadGetsAWholeReview() throws Exception {
    deliver("pull_request", pullRequest("opened", null, BASE));
    chunks.readValuesToList();

    head(C2);
    deliver("pull_request", pullRequest("synchronize", C1, C2));

    assertThat(activity.readValue().forced()).isFalse();
    assertThat(chunks.readValuesToList())
        .as("C1 was never reviewed: what changed since the last review is more than C1..C2")
        .extracting(PullRequestDiffChunk::increment)
        .containsOnlyNulls();
  }

  @Test
  void aPushToAPullRequestNeverReviewedIsNoActivity() throws Exception {
    head(C2);
    deliver("pull_request", pullRequest("synchronize", C1, C2));

    assertThat(activity.isEmpty()).isTrue();
    assertThat(chunks.readValuesToList())
        .extracting(PullRequestDiffChunk::increment)
        .containsOnlyNulls()
        .hasSize(2);
    assertThat(github.requestCount("GET", "/repos/octo/app/compare/.*")).isZero();
  }

  @Test
  void threadsRepliesDeletionsAndTheCloseOfAReviewedPullRequestAreActivityOnceEach()
      throws Exception {
    ObjectNode resolved = octokit("pull_request_review_thread/resolved.payload.json");
    ObjectNode reply = octokit("pull_request_review_comment/created.payload.json");
    ((ObjectNode) reply.path("comment")).put("in_reply_to_id", 284312000L);
    ObjectNode deleted = octokit("pull_request_review_comment/deleted.payload.json");
    ObjectNode closed = octokit("pull_request/closed.payload.json");
    ((ObjectNode) closed.path("pull_request")).put("merged", true);

    deliver(
        "pull_request_review_thread",
        octokit("pull_request_review_thread/unresolved.payload.json"));
    assertThat(activity.isEmpty()).as("the PR was never reviewed: ignored").isTrue();

    deliver("pull_request", pullRequest("opened", null, C1));
    byte[] thread = deliver("pull_request_review_thread", resolved);
    deliver("pull_request_review_comment", reply);
    deliver("pull_request_review_comment", deleted);
    deliver("pull_request", closed);
    deliveries.pipeInput(KEY, thread);

    List<ReviewActivity> seen = activity.readValuesToList();
    assertThat(seen)
        .extracting(ReviewActivity::type)
        .containsExactly(
            ReviewActivity.Type.THREAD_RESOLVED,
            ReviewActivity.Type.REPLY,
            ReviewActivity.Type.COMMENT_DELETED,
            ReviewActivity.Type.CLOSED);
    assertThat(seen).allMatch(a -> a.key().value().equals(KEY));
    ReviewActivity threadEvent = seen.get(0);
    assertThat(threadEvent.threadNodeId()).isEqualTo("PRRT_kwDOFd42Pc4rQOUv");
    assertThat(threadEvent.threadCommentIds()).containsExactly(284312630L);
    assertThat(threadEvent.at()).isEqualTo(Instant.parse("2019-05-15T15:20:38Z"));
    assertThat(threadEvent.actor()).isEqualTo("Codertocat");
    ReviewActivity replied = seen.get(1);
    assertThat(replied.commentId()).isEqualTo(284312000L);
    assertThat(replied.replyId()).isEqualTo(284312630L);
    assertThat(replied.text()).isEqualTo("Maybe you should use more emoji on this line.");
    assertThat(replied.actorType()).isEqualTo("User");
    assertThat(seen.get(2).commentId()).isEqualTo(284312630L);
    ReviewActivity close = seen.get(3);
    assertThat(close.merged()).isTrue();
    assertThat(close.headSha()).isEqualTo("ec26c3e57ca3a959ca5aad62de7213c562f8c821");
    assertThat(close.at()).isEqualTo(Instant.parse("2019-05-15T15:21:18Z"));

    ObjectNode unresolved = octokit("pull_request_review_thread/unresolved.payload.json");
    unresolved.with("sender").put("login", "someone-else");
    deliver("pull_request_review_thread", unresolved);
    assertThat(activity.isEmpty()).as("after the close the PR's head is forgotten").isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void payloadsThatLackWhatTheEventNeedsAreIgnoredNotDeadLettered() throws Exception {
    deliver("pull_request", pullRequest("opened", null, C1));
    ObjectNode noComments = octokit("pull_request_review_thread/resolved.payload.json");
    ((ObjectNode) noComments.path("thread")).putArray("comments");
    ObjectNode noId = octokit("pull_request_review_comment/deleted.payload.json");
    ((ObjectNode) noId.path("comment")).remove("id");

    deliver("pull_request_review_thread", noComments);
    deliver("pull_request_review_comment", noId);

    assertThat(activity.isEmpty()).isTrue();
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(
            metrics
                .counter(
                    "attentive.ingest.activity",
                    "event",
                    "pull_request_review_thread",
                    "outcome",
                    "ignored")
                .count())
        .isEqualTo(1.0);
  }

  @Test
  void ignoreAndUnignoreAreFeedbackKeyedByRepositoryOnceEach() {
    BotCommand ignore = command("ignore", List.of("model/add_not"), WRITER);
    byte[] ignoreBytes = EventSerdes.botCommand().serialize(Topics.BOT_COMMANDS, ignore);
    commands.pipeInput(KEY, ignoreBytes);
    commands.pipeInput(KEY, ignoreBytes);
    commands.pipeInput(KEY, bytes(command("unignore", List.of("model/add_not"), WRITER)));
    commands.pipeInput(KEY, bytes(command("ignore", List.of(), WRITER)));
    commands.pipeInput(KEY, bytes(command("ignore", List.of("x"), "reader-rob")));

    var records = feedback.readRecordsToList();
    assertThat(records).hasSize(2);
    assertThat(records).allMatch(r -> r.key().equals(REPO));
    Feedback ignored = records.get(0).value();
    assertThat(ignored.type()).isEqualTo(Feedback.Type.RULE_IGNORED);
    assertThat(ignored.id()).isEqualTo(ignore.deliveryId());
    assertThat(ignored.ruleId()).isEqualTo("model/add_not");
    assertThat(ignored.actor()).isEqualTo(WRITER);
    assertThat(ignored.repository()).isEqualTo(REPO);
    assertThat(ignored.at()).isEqualTo(ignore.createdAt());
    assertThat(records.get(1).value().type()).isEqualTo(Feedback.Type.RULE_UNIGNORED);

    List<PostedIssueComment> replies = github.issueComments(REPO, PR);
    assertThat(replies).hasSize(4);
    assertThat(replies.get(0).body())
        .contains("no longer comment inline on `model/add_not`")
        .contains("/attentive unignore model/add_not");
    assertThat(replies.get(1).body()).contains("comments on `model/add_not`").contains("again");
    assertThat(replies.get(2).body()).contains("say which rule");
    assertThat(replies.get(3).body()).startsWith("Sorry @reader-rob");
  }

  @Test
  void whyAnswersWhatWasLearnedAboutTheRepository() {
    commands.pipeInput(KEY, bytes(command("why", List.of(), WRITER)));
    assertThat(github.issueComments(REPO, PR).get(0).body())
        .contains("has not learned anything about octo/app yet");

    RepositoryLearning learned =
        new RepositoryLearning(
            RepositoryLearning.SCHEMA_VERSION,
            REPO,
            Map.of(
                "MagicNumber",
                new RepositoryLearning.RuleStats(
                    0, 4, 1, true, Instant.parse("2026-11-20T10:00:00Z"), true, null),
                "model/add_not",
                new RepositoryLearning.RuleStats(6, 1, 0, false, null, false, null),
                "tests/untested",
                new RepositoryLearning.RuleStats(1, 0, 0, false, null, false, null)),
            Map.of("tests/untested", "lead-lee"),
            Map.of("add_not", 0.42),
            List.of(),
            Instant.parse("2026-11-20T10:00:00Z"));
    learning.pipeInput(
        REPO, EventSerdes.repositoryLearning().serialize(Topics.REPO_LEARNING, learned));
    commands.pipeInput(KEY, bytes(command("why", List.of(), WRITER)));

    String why = github.issueComments(REPO, PR).get(1).body();
    assertThat(why)
        .contains("| `MagicNumber` | 0 | 4 | 17 % | muted |")
        .contains("| `model/add_not` | 6 | 1 | 78 % | posted |")
        .contains("- `MagicNumber`: the team kept rejecting it (4 rejected, 17 % acceptance)")
        .contains("`/attentive unignore MagicNumber` turns it back on")
        .contains("- `tests/untested`: `/attentive ignore` by @lead-lee")
        .contains("| `add_not` | 0.420 |");
    assertThat(feedback.isEmpty()).isTrue();
  }

  @Test
  void helpListsTheNewCommands() {
    commands.pipeInput(KEY, bytes(command("help", List.of(), WRITER)));
    assertThat(github.issueComments(REPO, PR).get(0).body())
        .contains("/attentive ignore <rule>")
        .contains("/attentive unignore <rule>")
        .contains("/attentive why");
  }

  // ------------------------------------------------------------------ helpers

  static final String UPDATED_AT = "2026-11-02T10:00:00Z";

  /** The PR as GitHub serves it now: head {@code sha}, A.java and B.java changed since the base. */
  private void head(String sha) {
    github
        .pullRequest(REPO, PR)
        .head(sha)
        .base(BASE)
        .clearFiles()
        .file("A.java", "modified", "@@ -1 +1,3 @@\n-class A {}\n+class A {\n+  int a = 1;\n+}")
        .file("B.java", "modified", "@@ -1 +1 @@\n-class B{}\n+class B {}")
        .register();
  }

  /** octokit's opened/synchronize payload, made about this PR. */
  private ObjectNode pullRequest(String action, String before, String after) throws Exception {
    ObjectNode payload =
        octokit(
            "pull_request/"
                + (action.equals("synchronize") ? "synchronize" : "opened")
                + ".payload.json");
    payload.put("action", action);
    if (before != null) {
      payload.put("before", before).put("after", after);
    }
    ObjectNode pr = (ObjectNode) payload.path("pull_request");
    ((ObjectNode) pr.path("head")).put("sha", after);
    ((ObjectNode) pr.path("base")).put("sha", BASE);
    pr.put("updated_at", UPDATED_AT);
    return payload;
  }

  /** A real payload of octokit's, moved to this repository and PR. */
  private static ObjectNode octokit(String name) throws Exception {
    ObjectNode payload = (ObjectNode) EventJson.mapper().readTree(Fixtures.webhook(OCTOKIT + name));
    ((ObjectNode) payload.path("repository")).put("full_name", REPO);
    ((ObjectNode) payload.path("pull_request")).put("number", PR);
    if (payload.has("number")) {
      payload.put("number", PR);
    }
    return payload;
  }

  /** Classified as intake does, then stored: returns the stored bytes (to redeliver). */
  private byte[] deliver(String event, ObjectNode payload) {
    var decision = classifier.classify(event, payload);
    assertThat(decision).isInstanceOf(DeliveryClassifier.Decision.Store.class);
    var store = (DeliveryClassifier.Decision.Store) decision;
    WebhookDelivery delivery =
        new WebhookDelivery(
            WebhookDelivery.SCHEMA_VERSION,
            "delivery-" + (++deliveryCount),
            event,
            store.action(),
            store.repository(),
            store.pullRequestNumber(),
            store.installationId(),
            Instant.parse("2026-11-30T12:00:00Z"),
            "sha256=unused",
            payload.toString());
    byte[] bytes = EventSerdes.webhookDelivery().serialize(Topics.WEBHOOK_DELIVERIES, delivery);
    deliveries.pipeInput(delivery.key(), bytes);
    return bytes;
  }

  private BotCommand command(String name, List<String> args, String author) {
    return new BotCommand(
        BotCommand.SCHEMA_VERSION,
        "command-" + (++deliveryCount),
        REPO,
        PR,
        1L,
        name,
        args,
        author,
        "MEMBER",
        1000L + deliveryCount,
        Instant.parse("2026-11-03T09:00:00Z"));
  }

  private static byte[] bytes(BotCommand command) {
    return EventSerdes.botCommand().serialize(Topics.BOT_COMMANDS, command);
  }
}
