package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.BotCommand;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PostedIssueComment;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /attentive ...} PR comments, end to end in ingest: signed issue_comment webhooks in,
 * GitHub permission checks and replies against the emulator, chunks and manifests (or nothing) out.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class BotCommandsTest {

  static final String REPO = "octo-cmd/app";
  static final String HEAD = "c0ffee0000000000000000000000000000000001";
  static final String BASE = "base000000000000000000000000000000000001";
  static final String WRITER = "maintainer-mia";
  static final String READER = "reader-rob";
  static final Duration WAIT = Duration.ofSeconds(60);

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  @TestHTTPResource("/")
  URI root;

  EmbeddedKafka kafka = IngestTestResource.kafka();
  GitHubEmulator github = IngestTestResource.github();

  @BeforeEach
  void registerPullRequests() {
    for (int number : new int[] {21, 22, 23, 24, 25}) {
      github
          .pullRequest(REPO, number)
          .head(HEAD)
          .base(BASE)
          .clearFiles()
          .file(
              "src/main/java/app/App.java",
              "modified",
              "@@ -1,2 +1,3 @@\n package app;\n+// hi\n class App {}")
          .file("README.md", "modified", "@@ -1 +1,2 @@\n # App\n+More.")
          .register();
    }
    github.permission(REPO, WRITER, "maintain");
    github.permission(REPO, READER, "read");
  }

  @Test
  void aWriterAsksForAReviewAndGetsChunksOfTheCurrentHead() {
    String delivery = command(21, WRITER, "/attentive review");

    DiffManifest manifest = manifestOf(delivery);
    assertThat(manifest.trigger()).isEqualTo("command.review");
    assertThat(manifest.headSha()).isEqualTo(HEAD);
    assertThat(manifest.baseSha()).isEqualTo(BASE);
    assertThat(manifest.chunkCount()).isEqualTo(2);
    assertThat(chunksOf(delivery, 2))
        .extracting(PullRequestDiffChunk::path)
        .containsExactly("src/main/java/app/App.java", "README.md");
    assertThat(
            github.requestCount(
                "GET", "/repos/octo-cmd/app/collaborators/" + WRITER + "/permission"))
        .isPositive();
    assertThat(awaitReply(21, "is on its way").body())
        .contains("@" + WRITER)
        .contains(HEAD.substring(0, 7));
  }

  @Test
  void aReadOnlyUserIsPolitelyRefusedAndNothingHappens() {
    String delivery = command(22, READER, "/attentive review");

    PostedIssueComment reply = awaitReply(22, "write access");
    assertThat(reply.body()).startsWith("Sorry @" + READER);
    assertThat(
            kafka.await(
                Topics.DIFF_MANIFESTS,
                EventSerdes.diffManifest(),
                m -> m.deliveryId().equals(delivery),
                1,
                Duration.ofSeconds(3)))
        .isEmpty();
    assertThat(github.requestCount("GET", "/repos/octo-cmd/app/pulls/22/files")).isZero();
  }

  @Test
  void aPausedPullRequestIsNotReviewedUntilResumed() throws Exception {
    command(23, WRITER, "/attentive pause");
    awaitReply(23, "will not review new pushes");

    double pausedBefore = metric("attentive_ingest_deliveries_paused_total");
    String whilePaused = push(23);
    await()
        .atMost(WAIT)
        .until(() -> metric("attentive_ingest_deliveries_paused_total") > pausedBefore);
    assertThat(
            kafka.await(
                Topics.DIFF_CHUNKS,
                EventSerdes.diffChunk(),
                c -> c.deliveryId().equals(whilePaused),
                1,
                Duration.ofSeconds(2)))
        .isEmpty();
    assertThat(
            kafka.await(
                Topics.DIFF_MANIFESTS,
                EventSerdes.diffManifest(),
                m -> m.deliveryId().equals(whilePaused),
                1,
                Duration.ofSeconds(1)))
        .isEmpty();

    command(23, WRITER, "/attentive resume");
    awaitReply(23, "again");
    String afterResume = push(23);
    assertThat(chunksOf(afterResume, 2)).hasSize(2);
    assertThat(manifestOf(afterResume).trigger()).isEqualTo("pull_request.synchronize");
  }

  @Test
  void theTestsCommandCarriesAnAnalyzerOverride() {
    String delivery = command(24, WRITER, "/attentive tests");

    DiffManifest manifest = manifestOf(delivery);
    assertThat(manifest.trigger()).isEqualTo("command.tests");
    assertThat(manifest.settings().analyzerOverride()).containsExactly("tests");
    assertThat(chunksOf(delivery, 2))
        .allSatisfy(c -> assertThat(c.settings().analyzerOverride()).containsExactly("tests"));
  }

  @Test
  void fullReviewIsMarkedForThePublisher() {
    String delivery = command(24, WRITER, "/attentive full-review");
    assertThat(manifestOf(delivery).trigger()).isEqualTo("command.full-review");
  }

  @Test
  void anUnknownCommandIsAnsweredWithTheList() {
    command(25, WRITER, "/attentive dance");
    PostedIssueComment reply = awaitReply(25, "does not know the command `dance`");
    assertThat(reply.body())
        .contains(
            "/attentive review",
            "/attentive full-review",
            "/attentive tests",
            "/attentive pause",
            "/attentive resume");
  }

  @Test
  void aCommandRecordSeenTwiceIsCarriedOutOnce() {
    String delivery = UUID.randomUUID().toString();
    BotCommand twice =
        new BotCommand(
            BotCommand.SCHEMA_VERSION,
            delivery,
            REPO,
            25,
            1L,
            "review",
            List.of(),
            WRITER,
            "MEMBER",
            4242L,
            Instant.now());
    byte[] bytes = EventSerdes.botCommand().serialize(Topics.BOT_COMMANDS, twice);
    kafka.send(Topics.BOT_COMMANDS, REPO + "#25", bytes);
    kafka.send(Topics.BOT_COMMANDS, REPO + "#25", bytes);
    // A later command on the same PR (same partition, in order): once it is done, both copies have
    // been handled.
    String later = command(25, WRITER, "/attentive review");
    manifestOf(later);

    assertThat(
            kafka.await(
                Topics.DIFF_MANIFESTS,
                EventSerdes.diffManifest(),
                m -> m.deliveryId().equals(delivery),
                2,
                Duration.ofSeconds(2)))
        .hasSize(1);
    assertThat(
            kafka.await(
                Topics.DIFF_CHUNKS,
                EventSerdes.diffChunk(),
                c -> c.deliveryId().equals(delivery),
                3,
                Duration.ofSeconds(1)))
        .hasSize(2);
  }

  // ------------------------------------------------------------------ helpers

  private String command(int number, String login, String text) {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "issue_comment_created.with-installation.json",
            json -> {
              ((ObjectNode) json.path("repository")).put("full_name", REPO);
              ObjectNode issue = (ObjectNode) json.path("issue");
              issue.put("number", number);
              issue
                  .putObject("pull_request")
                  .put("url", "https://api.github.com/repos/" + REPO + "/pulls/" + number);
              ObjectNode comment = (ObjectNode) json.path("comment");
              comment.put("body", text);
              comment.put("id", ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE));
              ((ObjectNode) comment.path("user")).put("login", login);
            });
    assertThat(Webhooks.post(endpoint, "issue_comment", delivery, body).status()).isEqualTo(202);
    return delivery;
  }

  private String push(int number) {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_synchronize.json",
            json -> {
              ((ObjectNode) json.path("repository")).put("full_name", REPO);
              json.put("number", number);
              ObjectNode pr = (ObjectNode) json.path("pull_request");
              pr.put("number", number);
              ((ObjectNode) pr.path("head")).put("sha", HEAD);
            });
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);
    return delivery;
  }

  private PostedIssueComment awaitReply(int number, String containing) {
    return await()
        .atMost(WAIT)
        .until(
            () ->
                github.issueComments(REPO, number).stream()
                    .filter(c -> c.body().contains(containing))
                    .findFirst()
                    .orElse(null),
            c -> c != null);
  }

  private List<PullRequestDiffChunk> chunksOf(String delivery, int expected) {
    return kafka.await(
        Topics.DIFF_CHUNKS,
        EventSerdes.diffChunk(),
        c -> c.deliveryId().equals(delivery),
        expected,
        WAIT);
  }

  private DiffManifest manifestOf(String delivery) {
    List<DiffManifest> manifests =
        kafka.await(
            Topics.DIFF_MANIFESTS,
            EventSerdes.diffManifest(),
            m -> m.deliveryId().equals(delivery),
            1,
            WAIT);
    assertThat(manifests).as("manifest of " + delivery).hasSize(1);
    return manifests.get(0);
  }

  private double metric(String name) throws Exception {
    HttpResponse<String> metrics =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
    Matcher m =
        Pattern.compile("(?m)^" + name + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(metrics.body());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }
}
