package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.BotCommand;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.DiffManifest.Reason;
import dev.attentive.events.DiffManifest.SkippedFile;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.testkit.Fixtures;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The ingest app as GitHub sees it: signed real payloads posted over HTTP, a real broker behind it,
 * and the GitHub emulator answering the files API.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class WebhookIngestTest {

  static final String REPO = "Codertocat/Hello-World";
  static final int PR = 2;
  static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
  static final String BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
  static final Duration WAIT = Duration.ofSeconds(60);

  static final String GREETER_PATCH =
      """
      @@ -1,5 +1,7 @@
       package com.example;
      \s
       public class Greeter {
      -  public String greet(String name) { return "Hello " + name; }
      +  public String greet(String name) {
      +    return "Hello, " + name + "!";
      +  }
       }
      @@ -20,2 +22,3 @@ public class Greeter {
         // end
       }
      +// trailer""";
  static final String GREETER_SOURCE =
      "package com.example;\n\npublic class Greeter {\n"
          + "  public String greet(String name) {\n    return \"Hello, \" + name + \"!\";\n  }\n}\n";
  static final String README_PATCH = "@@ -1 +1,2 @@\n # Hello-World\n+Now with a greeter.";

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  @TestHTTPResource("/")
  URI root;

  EmbeddedKafka kafka = IngestTestResource.kafka();

  @BeforeEach
  void registerPullRequest() {
    IngestTestResource.github()
        .pullRequest(REPO, PR)
        .head(HEAD)
        .base(BASE)
        .title("Update the README with new information.")
        .clearFiles()
        .file("src/main/java/com/example/Greeter.java", "modified", GREETER_PATCH)
        .file("README.md", "modified", README_PATCH)
        .binaryFile("docs/logo.png")
        .file("package-lock.json", "modified", "@@ -1 +1 @@\n-{}\n+{ }")
        .file(
            "src/main/java/com/example/Legacy.java",
            "removed",
            "@@ -1,2 +0,0 @@\n-class Legacy {\n-}")
        .register();
    dev.attentive.testkit.github.RepositoryContents.serve(
        IngestTestResource.github(),
        REPO,
        HEAD,
        "src/main/java/com/example/Greeter.java",
        GREETER_SOURCE);
  }

  @ParameterizedTest
  @CsvSource({
    "pull_request_opened.json, opened",
    "pull_request_reopened.json, reopened",
    "pull_request_synchronize.json, synchronize",
    "pull_request_ready_for_review.with-installation.json, ready_for_review"
  })
  void pullRequestDeliveriesAreStoredThenTurnedIntoDiffChunks(String fixture, String action) {
    String delivery = UUID.randomUUID().toString();
    byte[] body = Webhooks.distinct(fixture);

    Webhooks.Response response = Webhooks.post(endpoint, "pull_request", delivery, body);

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.field("status")).isEqualTo("accepted");
    assertThat(response.field("key")).isEqualTo(REPO + "#" + PR);

    List<WebhookDelivery> stored =
        kafka.await(
            Topics.WEBHOOK_DELIVERIES,
            EventSerdes.webhookDelivery(),
            d -> d.deliveryId().equals(delivery),
            1,
            WAIT);
    assertThat(stored).hasSize(1);
    WebhookDelivery d = stored.get(0);
    assertThat(d.event()).isEqualTo("pull_request");
    assertThat(d.action()).isEqualTo(action);
    assertThat(d.repository()).isEqualTo(REPO);
    assertThat(d.pullRequestNumber()).isEqualTo(PR);
    assertThat(d.installationId()).isEqualTo(1L);
    assertThat(d.body().getBytes(StandardCharsets.UTF_8)).isEqualTo(body);
    assertThat(d.signature256()).isEqualTo(Webhooks.sign(body));

    List<PullRequestDiffChunk> chunks = chunksOf(delivery, 2);
    assertThat(chunks)
        .extracting(PullRequestDiffChunk::path)
        .containsExactly("src/main/java/com/example/Greeter.java", "README.md");
    PullRequestDiffChunk greeter = chunks.get(0);
    assertThat(greeter.headSha()).isEqualTo(HEAD);
    assertThat(greeter.baseSha()).isEqualTo(BASE);
    assertThat(greeter.language()).isEqualTo("java");
    assertThat(greeter.chunkIndex()).isZero();
    assertThat(greeter.hunks()).isEqualTo(PatchParser.parse(GREETER_PATCH));
    assertThat(greeter.hunks().get(0).addsLine(4)).isTrue();
    assertThat(greeter.newContent())
        .as("Java files carry their head content")
        .isEqualTo(GREETER_SOURCE);
    assertThat(chunks.get(1).hunks()).isEqualTo(PatchParser.parse(README_PATCH));
    assertThat(chunks.get(1).newContent()).as("only configured languages get content").isNull();

    DiffManifest manifest = manifestOf(delivery);
    assertThat(manifest.chunkCount()).isEqualTo(2);
    assertThat(manifest.headSha()).isEqualTo(HEAD);
    assertThat(manifest.filesListed()).isEqualTo(5);
    assertThat(manifest.trigger()).isEqualTo("pull_request." + action);
    assertThat(manifest.skipped())
        .containsExactly(
            new SkippedFile("docs/logo.png", Reason.BINARY),
            new SkippedFile("package-lock.json", Reason.IGNORED_PATH),
            new SkippedFile("src/main/java/com/example/Legacy.java", Reason.REMOVED));
  }

  @ParameterizedTest
  @CsvSource({
    "octokit/api.github.com/pull_request/labeled.payload.json, pull_request, 202, ignored",
    "ping.json, ping, 200, pong",
    "issue_comment_created.with-installation.json, issue_comment, 202, ignored"
  })
  void otherDeliveriesAreAcknowledgedAndProduceNothing(
      String fixture, String event, int status, String outcome) {
    String delivery = UUID.randomUUID().toString();

    Webhooks.Response response =
        Webhooks.post(endpoint, event, delivery, Fixtures.webhook(fixture));

    assertThat(response.status()).isEqualTo(status);
    assertThat(response.field("status")).isEqualTo(outcome);
    assertNothingStoredFor(delivery);
  }

  /**
   * Until issue 15 a closed PR was ignored at the door (it was in the list above); now it is
   * stored, for what became of Attentive's comments (merged or not), and never reviewed.
   */
  @Test
  void aClosedPullRequestIsStoredForItsActivityAndNotReviewed() {
    String delivery = UUID.randomUUID().toString();

    Webhooks.Response response =
        Webhooks.post(
            endpoint, "pull_request", delivery, Fixtures.webhook("pull_request_closed.json"));

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.field("status")).isEqualTo("accepted");
    assertThat(
            kafka.await(
                Topics.WEBHOOK_DELIVERIES,
                EventSerdes.webhookDelivery(),
                d -> d.deliveryId().equals(delivery),
                1,
                WAIT))
        .extracting(WebhookDelivery::action)
        .containsExactly("closed");
    assertThat(
            kafka.await(
                Topics.DIFF_MANIFESTS,
                EventSerdes.diffManifest(),
                m -> m.deliveryId().equals(delivery),
                1,
                Duration.ofSeconds(3)))
        .isEmpty();
  }

  @Test
  void unknownEventTypesAreAcceptedAndIgnored() {
    String delivery = UUID.randomUUID().toString();
    Webhooks.Response response =
        Webhooks.post(endpoint, "star", delivery, "{\"action\":\"created\"}".getBytes());
    assertThat(response.status()).isEqualTo(202);
    assertThat(response.field("reason")).isEqualTo("event 'star' is not handled");
    assertNothingStoredFor(delivery);
  }

  @Test
  void draftPullRequestsAreSkipped() {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_opened.json",
            json -> ((ObjectNode) json.path("pull_request")).put("draft", true));

    Webhooks.Response response = Webhooks.post(endpoint, "pull_request", delivery, body);

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.field("status")).isEqualTo("ignored");
    assertThat(response.field("reason")).contains("draft");
    assertNothingStoredFor(delivery);
  }

  @Test
  void aBotCommandOnAPullRequestIsRecorded() {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "issue_comment_created.with-installation.json",
            json -> {
              ((ObjectNode) json.path("issue"))
                  .putObject("pull_request")
                  .put("url", "https://api.github.com/repos/Codertocat/Hello-World/pulls/1");
              ((ObjectNode) json.path("comment")).put("body", "/attentive review  --full\nthanks!");
            });

    Webhooks.Response response = Webhooks.post(endpoint, "issue_comment", delivery, body);

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.field("status")).isEqualTo("accepted");
    List<BotCommand> commands =
        kafka.await(
            Topics.BOT_COMMANDS,
            EventSerdes.botCommand(),
            c -> c.deliveryId().equals(delivery),
            1,
            WAIT);
    assertThat(commands).hasSize(1);
    BotCommand command = commands.get(0);
    assertThat(command.command()).isEqualTo("review");
    assertThat(command.arguments()).containsExactly("--full");
    assertThat(command.repository()).isEqualTo(REPO);
    assertThat(command.pullRequestNumber()).isEqualTo(1);
    assertThat(command.author()).isEqualTo("Codertocat");
    assertThat(command.authorAssociation()).isEqualTo("OWNER");
    assertThat(command.installationId()).isEqualTo(1L);
    assertThat(chunksOf(delivery, 1)).as("a command fetches no diff").isEmpty();
  }

  @Test
  void forgedUnsignedAndTruncatedBodiesAreRefusedWithAReason() {
    byte[] body = Fixtures.webhook("pull_request_opened.json");
    String forged = new dev.attentive.ingest.webhook.WebhookSignature("not-the-secret").sign(body);
    byte[] truncated = Arrays.copyOf(body, body.length / 2);

    var cases =
        List.of(
            new Object[] {
              Webhooks.post(endpoint, "pull_request", "forged", forged, body),
              401,
              "signature_invalid"
            },
            new Object[] {
              Webhooks.post(endpoint, "pull_request", "unsigned", null, body),
              401,
              "signature_missing"
            },
            new Object[] {
              Webhooks.post(endpoint, "pull_request", "cut", Webhooks.sign(body), truncated),
              401,
              "signature_invalid"
            },
            new Object[] {
              Webhooks.post(endpoint, "pull_request", "cut-signed", truncated),
              400,
              "malformed_json"
            },
            new Object[] {Webhooks.post(endpoint, null, "no-event", body), 400, "event_missing"},
            new Object[] {
              Webhooks.post(endpoint, "pull_request", null, body), 400, "delivery_missing"
            });

    for (Object[] c : cases) {
      Webhooks.Response response = (Webhooks.Response) c[0];
      assertThat(response.status()).isEqualTo(c[1]);
      assertThat(response.field("error")).isEqualTo(c[2]);
      assertThat(response.field("reason")).isNotBlank();
    }
    assertThat(((Webhooks.Response) cases.get(3)[0]).field("reason"))
        .startsWith("body is not valid JSON");
    for (String id : List.of("forged", "unsigned", "cut", "cut-signed", "no-event")) {
      assertNothingStoredFor(id);
    }
  }

  @Test
  void oversizedBodiesGet413WithAReason() {
    byte[] big = new byte[26 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    String delivery = UUID.randomUUID().toString();

    Webhooks.Response response = Webhooks.post(endpoint, "pull_request", delivery, big);

    assertThat(response.status()).isEqualTo(413);
    assertThat(response.field("error")).isEqualTo("payload_too_large");
    assertThat(response.field("reason")).contains("25 MB");
    assertNothingStoredFor(delivery);
  }

  @Test
  void aChunkedBodyIsVerifiedAsItStreamsAndRefusedOnceItPassesTheCap() {
    String delivery = UUID.randomUUID().toString();
    byte[] body = Webhooks.distinct("pull_request_opened.json");
    Webhooks.Response accepted = Webhooks.postChunked(endpoint, "pull_request", delivery, body);
    assertThat(accepted.status()).isEqualTo(202);
    manifestOf(delivery);

    byte[] big = new byte[26 * 1024 * 1024];
    Arrays.fill(big, (byte) ' ');
    String oversized = UUID.randomUUID().toString();
    Webhooks.Response refused = Webhooks.postChunked(endpoint, "pull_request", oversized, big);
    assertThat(refused.status()).isEqualTo(413);
    assertThat(refused.field("error")).isEqualTo("payload_too_large");
    assertNothingStoredFor(oversized);
  }

  @Test
  void aRedeliveryProducesNothingNew() {
    String delivery = UUID.randomUUID().toString();
    byte[] body = Webhooks.distinct("pull_request_synchronize.json");
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);
    assertThat(chunksOf(delivery, 2)).hasSize(2);

    // GitHub's "Redeliver": same X-GitHub-Delivery, same body. Stored again (the log is the truth),
    // fetched once.
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);
    assertThat(
            kafka.await(
                Topics.WEBHOOK_DELIVERIES,
                EventSerdes.webhookDelivery(),
                d -> d.deliveryId().equals(delivery),
                2,
                WAIT))
        .hasSize(2);
    // A later delivery for the same PR is processed after the redelivery (same key, same
    // partition): once its
    // manifest is out, the redelivery has been handled.
    String later = UUID.randomUUID().toString();
    assertThat(
            Webhooks.post(
                    endpoint,
                    "pull_request",
                    later,
                    Webhooks.distinct("pull_request_synchronize.json"))
                .status())
        .isEqualTo(202);
    manifestOf(later);

    assertThat(chunksOf(delivery, 3)).hasSize(2);
    assertThat(
            kafka.await(
                Topics.DIFF_MANIFESTS,
                EventSerdes.diffManifest(),
                m -> m.deliveryId().equals(delivery),
                2,
                Duration.ofSeconds(2)))
        .hasSize(1);
  }

  @Test
  void aCapturedBodyReplayedUnderANewDeliveryIdProducesNothingNew() {
    // X-GitHub-Delivery is not signed: whoever captured a delivery can resend it under any id.
    String original = UUID.randomUUID().toString();
    byte[] body = Webhooks.distinct("pull_request_synchronize.json");
    assertThat(Webhooks.post(endpoint, "pull_request", original, body).status()).isEqualTo(202);
    assertThat(chunksOf(original, 2)).hasSize(2);

    String replayed = UUID.randomUUID().toString();
    assertThat(Webhooks.post(endpoint, "pull_request", replayed, body).status()).isEqualTo(202);
    // Same key, same partition: once a later delivery's manifest is out, the replay was handled.
    String later = UUID.randomUUID().toString();
    assertThat(
            Webhooks.post(
                    endpoint,
                    "pull_request",
                    later,
                    Webhooks.distinct("pull_request_synchronize.json"))
                .status())
        .isEqualTo(202);
    manifestOf(later);

    assertThat(chunksOf(replayed, 3)).as("the replay fetched nothing").isEmpty();
    assertThat(
            kafka.await(
                Topics.DIFF_MANIFESTS,
                EventSerdes.diffManifest(),
                m -> m.deliveryId().equals(replayed),
                1,
                Duration.ofSeconds(2)))
        .isEmpty();
    assertThat(chunksOf(original, 3)).as("one set of chunks only").hasSize(2);
  }

  @Test
  void aDeliveryIdReusedWithADifferentBodyIsRefused() {
    String delivery = UUID.randomUUID().toString();
    byte[] first = Webhooks.distinct("pull_request_synchronize.json");
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, first).status()).isEqualTo(202);
    assertThat(chunksOf(delivery, 2)).hasSize(2);

    byte[] other = Webhooks.distinct("pull_request_synchronize.json");
    // The first body's signature on another body: a forgery.
    Webhooks.Response forged =
        Webhooks.post(endpoint, "pull_request", delivery, Webhooks.sign(first), other);
    assertThat(forged.status()).isEqualTo(401);
    assertThat(forged.field("error")).isEqualTo("signature_invalid");
    // Validly signed, but the id was used for another body: not a redelivery.
    Webhooks.Response reused = Webhooks.post(endpoint, "pull_request", delivery, other);
    assertThat(reused.status()).isEqualTo(409);
    assertThat(reused.field("error")).isEqualTo("delivery_id_reused");
    assertThat(reused.field("reason")).contains(delivery).contains("different body");
    assertThat(
            kafka.await(
                Topics.WEBHOOK_DELIVERIES,
                EventSerdes.webhookDelivery(),
                d -> d.deliveryId().equals(delivery),
                2,
                Duration.ofSeconds(1)))
        .as("only the first body was stored")
        .hasSize(1);

    // Another ingest instance (or this one after a restart) does not remember it: the fetcher's
    // durable store refuses it, with the reason, and fetches nothing.
    WebhookDelivery stored =
        kafka
            .await(
                Topics.WEBHOOK_DELIVERIES,
                EventSerdes.webhookDelivery(),
                d -> d.deliveryId().equals(delivery),
                1,
                WAIT)
            .get(0);
    String otherText = new String(other, StandardCharsets.UTF_8);
    WebhookDelivery sneaked =
        new WebhookDelivery(
            WebhookDelivery.SCHEMA_VERSION,
            delivery,
            stored.event(),
            stored.action(),
            stored.repository(),
            stored.pullRequestNumber(),
            stored.installationId(),
            stored.receivedAt(),
            Webhooks.sign(other),
            otherText);
    kafka.send(
        Topics.WEBHOOK_DELIVERIES,
        sneaked.key(),
        EventSerdes.webhookDelivery().serializer().serialize(Topics.WEBHOOK_DELIVERIES, sneaked));
    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> l.error().startsWith("delivery_id_reused") && l.error().contains(delivery),
            1,
            WAIT);
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).error()).contains("different body");
    assertThat(letters.get(0).sourceTopic()).isEqualTo(Topics.WEBHOOK_DELIVERIES);
    assertThat(chunksOf(delivery, 3)).as("nothing fetched for the second body").hasSize(2);
  }

  @Test
  void aPoisonRecordIsDeadLetteredAndTheStreamKeepsRunning() {
    byte[] poison = "{\"schemaVersion\": 1, \"deliveryId\": ".getBytes(StandardCharsets.UTF_8);
    kafka.send(Topics.WEBHOOK_DELIVERIES, REPO + "#" + PR, poison);

    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> Arrays.equals(l.value(), poison),
            1,
            WAIT);
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).error())
        .startsWith("unreadable_delivery: not a valid WebhookDelivery");
    assertThat(letters.get(0).sourceTopic()).isEqualTo(Topics.WEBHOOK_DELIVERIES);
    assertThat(letters.get(0).service()).isEqualTo("ingest");

    String delivery = UUID.randomUUID().toString();
    assertThat(
            Webhooks.post(
                    endpoint,
                    "pull_request",
                    delivery,
                    Webhooks.distinct("pull_request_opened.json"))
                .status())
        .isEqualTo(202);
    assertThat(chunksOf(delivery, 2)).hasSize(2);
  }

  @Test
  void aPullRequestGitHubDoesNotKnowIsDeadLetteredWithTheReason() {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_opened.json",
            json -> {
              json.put("number", 404);
              ((ObjectNode) json.path("pull_request")).put("number", 404);
            });

    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);

    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> l.key().equals(REPO + "#404"),
            1,
            WAIT);
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).error()).startsWith("github_404: ");
    assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).contains(delivery);
  }

  @Test
  void transientGitHubFailuresAreRetried() {
    String files = "/repos/Codertocat/Hello-World/pulls/2/files";
    int before = IngestTestResource.github().requestCount("GET", files);
    IngestTestResource.github().failNext("GET", files, 502, 2);
    String delivery = UUID.randomUUID().toString();

    assertThat(
            Webhooks.post(
                    endpoint,
                    "pull_request",
                    delivery,
                    Webhooks.distinct("pull_request_opened.json"))
                .status())
        .isEqualTo(202);

    assertThat(chunksOf(delivery, 2)).hasSize(2);
    assertThat(IngestTestResource.github().requestCount("GET", files) - before).isEqualTo(3);
  }

  @Test
  void aSecondaryRateLimitIsWaitedOutAsLongAsGitHubAsks() {
    String files = "/repos/Codertocat/Hello-World/pulls/2/files";
    int before = IngestTestResource.github().requestCount("GET", files);
    IngestTestResource.github().secondaryRateLimitNext("GET", files, 1, 1);
    String delivery = UUID.randomUUID().toString();

    assertThat(
            Webhooks.post(
                    endpoint,
                    "pull_request",
                    delivery,
                    Webhooks.distinct("pull_request_opened.json"))
                .status())
        .isEqualTo(202);

    assertThat(chunksOf(delivery, 2)).hasSize(2);
    List<java.time.Instant> times = IngestTestResource.github().requestTimes("GET", files);
    assertThat(times.size() - before).isEqualTo(2);
    // Retry-After: 1 (the journal keeps milliseconds)
    assertThat(Duration.between(times.get(times.size() - 2), times.get(times.size() - 1)))
        .isGreaterThanOrEqualTo(Duration.ofMillis(990));
  }

  @Test
  void aRateLimitLongerThanTheRetryBudgetIsDeadLetteredAtOnce() {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_opened.json",
            json -> {
              json.put("number", 429);
              ((ObjectNode) json.path("pull_request")).put("number", 429);
            });
    // the budget is 2 minutes (the default): waiting 121 s more would pass it
    IngestTestResource.github()
        .secondaryRateLimitNext("GET", "/repos/Codertocat/Hello-World/pulls/429", 121, 1);

    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);

    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> l.key().equals(REPO + "#429"),
            1,
            WAIT);
    assertThat(letters).hasSize(1);
    assertThat(letters.get(0).error())
        .startsWith("github_rate_limited: ")
        .contains(
            "waiting PT2M1S more to list files of Codertocat/Hello-World#429 would exceed the retry budget"
                + " of PT2M");
    assertThat(new String(letters.get(0).value(), StandardCharsets.UTF_8)).contains(delivery);
  }

  @Test
  void healthAndMetricsAreExposed() throws Exception {
    Webhooks.post(
        endpoint, "pull_request", "metrics-forged", "sha256=" + "0".repeat(64), "{}".getBytes());
    String delivery = UUID.randomUUID().toString();
    Webhooks.post(
        endpoint, "pull_request", delivery, Webhooks.distinct("pull_request_opened.json"));
    manifestOf(delivery);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(root.resolve("/q/health")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\": \"UP\"");

    HttpResponse<String> metrics =
        http.send(
            HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body())
        .contains(
            "attentive_ingest_deliveries_received_total{event=\"pull_request\",outcome=\"accepted\"")
        .contains("attentive_ingest_deliveries_rejected_total{reason=\"signature_invalid\"")
        .contains("attentive_ingest_github_fetch_seconds_count{outcome=\"success\"")
        .contains("attentive_ingest_records_published_total{topic=\"" + Topics.DIFF_CHUNKS + "\"");
  }

  private List<PullRequestDiffChunk> chunksOf(String delivery, int expected) {
    return kafka.await(
        Topics.DIFF_CHUNKS,
        EventSerdes.diffChunk(),
        c -> c.deliveryId().equals(delivery),
        expected,
        expected > 2 ? Duration.ofSeconds(2) : WAIT);
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

  private void assertNothingStoredFor(String delivery) {
    // The store is synchronous: had the delivery been written, it would be readable now.
    assertThat(
            kafka.await(
                Topics.WEBHOOK_DELIVERIES,
                EventSerdes.webhookDelivery(),
                d -> d.deliveryId().equals(delivery),
                1,
                Duration.ofSeconds(1)))
        .isEmpty();
  }
}
