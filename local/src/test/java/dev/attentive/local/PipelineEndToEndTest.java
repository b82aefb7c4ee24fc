package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RecordedRequest;
import dev.attentive.testkit.github.RepositoryContents;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * End to end on a real broker: ingest, reviewer and publisher run as their own JVMs from the jars
 * this build made; a signed webhook for a PR served by the GitHub emulator turns into exactly one
 * review POST.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PipelineEndToEndTest {

  static final String SECRET = "e2e-secret";
  static final String REPO = "acme/widgets";
  static final int PR = 3;
  static final String HEAD_1 = "1111111111111111111111111111111111111111";
  static final String HEAD_2 = "2222222222222222222222222222222222222222";
  static final String PATH = "src/main/java/com/acme/widgets/Widget.java";
  static final String REVIEWS = "/repos/" + REPO + "/pulls/" + PR + "/reviews";

  static final String WIDGET_1 =
      """
      package com.acme.widgets;

      import java.util.*;

      public class Widget {
        private final List<String> parts = new ArrayList<>();

        public int count(){ return parts.size(); }
      }
      """;

  /** The second push adds a method; everything from the first push is unchanged. */
  static final String WIDGET_2 =
      WIDGET_1.replace(
          "  public int count(){ return parts.size(); }\n",
          "  public int count(){ return parts.size(); }\n\n  public void Add_Part(String part) {\n"
              + "    parts.add(part);\n  }\n");

  static Pipeline pipeline;
  static String firstDelivery = UUID.randomUUID().toString();

  @BeforeAll
  static void start() throws Exception {
    StackConfig config = StackConfig.fromEnvironment();
    Path work = Files.createTempDirectory("attentive-e2e");
    pipeline =
        Pipeline.start(
            config.root(),
            work,
            SECRET,
            null,
            Pipeline.EMULATOR_TOKEN,
            0,
            Pipeline.SERVICES,
            ServiceProcess.QUICK_START);
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  @Order(1)
  void aSignedWebhookBecomesExactlyOneReviewWithSuggestionsOnTheRightLines() throws Exception {
    serve(HEAD_1, WIDGET_1);

    var answer = pipeline.deliver("pull_request", firstDelivery, payload("opened", HEAD_1));
    assertThat(answer.statusCode()).isEqualTo(202);

    JsonNode review = awaitReviews(1).get(0);
    assertThat(review.path("commit_id").asText()).isEqualTo(HEAD_1);
    assertThat(review.path("event").asText()).isEqualTo("COMMENT");
    assertThat(review.path("body").asText())
        // The publisher's delivery marker, signed with the deployment's marker secret (issue 11).
        .containsPattern(
            "<!-- attentive:delivery="
                + java.util.regex.Pattern.quote(firstDelivery)
                + " mac=[0-9a-f]{32} -->");
    List<String> anchors = new ArrayList<>();
    for (JsonNode c : review.path("comments")) {
      assertThat(c.path("path").asText()).isEqualTo(PATH);
      anchors.add(
          (c.hasNonNull("start_line") ? c.path("start_line").asInt() + "-" : "")
              + c.path("line").asInt());
    }
    // Line 3: the star import; line 8: google-java-format rewrites the one-line method.
    assertThat(anchors).contains("3", "8");
    JsonNode formatted = comment(review, 8);
    assertThat(formatted.path("body").asText())
        .contains("```suggestion\n  public int count() {\n    return parts.size();\n  }\n```");
    assertThat(comment(review, 3).path("body").asText()).contains("AvoidStarImport");
  }

  @Test
  @Order(2)
  void theSameDeliveryRedeliveredPostsNothingAndANewPushIsReviewedOnlyForWhatIsNew()
      throws Exception {
    var again = pipeline.deliver("pull_request", firstDelivery, payload("opened", HEAD_1));
    assertThat(again.statusCode()).isEqualTo(202);

    serve(HEAD_2, WIDGET_2);
    var sync =
        pipeline.deliver(
            "pull_request", UUID.randomUUID().toString(), payload("synchronize", HEAD_2));
    assertThat(sync.statusCode()).isEqualTo(202);

    // Deliveries of one PR are processed in order: once the push's review is there, the redelivery
    // was handled.
    List<JsonNode> reviews = awaitReviews(2);
    Thread.sleep(2000); // and nothing else arrives
    assertThat(pipeline.github().requests("POST", REVIEWS)).hasSize(2);
    JsonNode second = reviews.get(1);
    assertThat(second.path("commit_id").asText()).isEqualTo(HEAD_2);
    List<Integer> lines = new ArrayList<>();
    second.path("comments").forEach(c -> lines.add(c.path("line").asInt()));
    assertThat(lines)
        .as("only the new method (lines 10-12) is commented on")
        .isNotEmpty()
        .allMatch(l -> l >= 10 && l <= 12);
    assertThat(second.path("body").asText()).doesNotContain("AvoidStarImport");
    assertThat(
            pipeline
                .kafka()
                .await(
                    Topics.DEAD_LETTERS,
                    EventSerdes.deadLetter(),
                    l -> true,
                    1,
                    Duration.ofSeconds(1)))
        .as("nothing dead-lettered")
        .isEmpty();
  }

  /**
   * The attention model's part: a planted off-by-one in a loop bound becomes a REPAIR comment with
   * the fix.
   */
  static final int BUG_PR = 4;

  static final String BUG_HEAD = "4444444444444444444444444444444444444444";
  static final String BUG_PATH = "src/main/java/com/acme/widgets/Totals.java";
  static final String TOTALS =
      """
      package com.acme.widgets;

      public final class Totals {

        private Totals() {}

        public static int sum(int[] prices) {
          int total = 0;
          for (int i = 0; i <= prices.length; i++) {
            total += prices[i];
          }
          return total;
        }
      }
      """;

  @Test
  @Order(3)
  void aPlantedLoopBoundBugGetsARepairCommentWithTheFixOnItsLine() throws Exception {
    String reviews = "/repos/" + REPO + "/pulls/" + BUG_PR + "/reviews";
    GitHubEmulator github = pipeline.github();
    github
        .pullRequest(REPO, BUG_PR)
        .head(BUG_HEAD)
        .base("0".repeat(40))
        .clearFiles()
        .file(BUG_PATH, "added", SyntheticJava.newFilePatch(TOTALS))
        .register();
    RepositoryContents.serve(github, REPO, BUG_HEAD, BUG_PATH, TOTALS);
    byte[] body =
        new String(payload("opened", BUG_HEAD))
            .replace("\"number\":" + PR, "\"number\":" + BUG_PR)
            .getBytes();
    assertThat(pipeline.deliver("pull_request", UUID.randomUUID().toString(), body).statusCode())
        .isEqualTo(202);

    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (github.requests("POST", reviews).isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(github.requests("POST", reviews)).hasSize(1);
    JsonNode review = EventJson.mapper().readTree(github.requests("POST", reviews).get(0).body());
    String repair = comment(review, 9).path("body").asText();
    assertThat(repair)
        .contains("Possible bug")
        .contains("attention model")
        .contains("```suggestion\n    for (int i = 0; i < prices.length; i++) {\n```");
  }

  @Test
  @Order(4)
  void noSecretOrTokenIsEverLoggedOrDeadLettered() throws Exception {
    // A forged delivery too, so that the refusal path has logged what it logs.
    var forged =
        Webhook.post(
            pipeline.webhookUrl(),
            "pull_request",
            UUID.randomUUID().toString(),
            payload("opened", HEAD_1),
            "not-the-" + SECRET);
    assertThat(forged.statusCode()).isEqualTo(401);
    Thread.sleep(1000);

    List<String> secrets = List.of(SECRET, Pipeline.EMULATOR_TOKEN);
    for (ServiceProcess service : pipeline.services()) {
      String log = Files.readString(service.log());
      assertThat(log).as(service.name() + " log").isNotEmpty();
      for (String secret : secrets) {
        assertThat(log).as(service.name() + " log").doesNotContain(secret);
      }
    }
    for (var letter :
        pipeline
            .kafka()
            .await(
                Topics.DEAD_LETTERS,
                EventSerdes.deadLetter(),
                l -> true,
                Integer.MAX_VALUE,
                Duration.ofSeconds(2))) {
      String text =
          letter.error() + "\n" + letter.errorDetail() + "\n" + new String(letter.value());
      for (String secret : secrets) {
        assertThat(text).as("dead letter from " + letter.service()).doesNotContain(secret);
      }
    }
  }

  private static JsonNode comment(JsonNode review, int line) {
    for (JsonNode c : review.path("comments")) {
      if (c.path("line").asInt() == line || c.path("start_line").asInt() == line) {
        return c;
      }
    }
    throw new AssertionError("no comment on line " + line + " in " + review.toPrettyString());
  }

  private static List<JsonNode> awaitReviews(int count) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    List<RecordedRequest> posted = pipeline.github().requests("POST", REVIEWS);
    while (posted.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      posted = pipeline.github().requests("POST", REVIEWS);
    }
    assertThat(posted).as("review POSTs").hasSizeGreaterThanOrEqualTo(count);
    List<JsonNode> bodies = new ArrayList<>();
    for (RecordedRequest r : posted) {
      bodies.add(EventJson.mapper().readTree(r.body()));
    }
    return bodies;
  }

  private static void serve(String head, String source) {
    GitHubEmulator github = pipeline.github();
    github
        .pullRequest(REPO, PR)
        .head(head)
        .base("0".repeat(40))
        .clearFiles()
        .file(PATH, "added", SyntheticJava.newFilePatch(source))
        .register();
    RepositoryContents.serve(github, REPO, head, PATH, source);
    // Its default branch, which ingest learns the repository's conventions from (issue 12).
    github.repository(REPO).defaultBranch("main").file(PATH, source).commit();
    // The repository asks for Google's rule set and formatter (without it, only its own learned
    // conventions would review its style: issue 12).
    RepositoryContents.serve(
        github,
        REPO,
        "main",
        ".attentive.yml",
        "version: 1\nstyle:\n  checkstyle: google_checks.xml\n  formatter: true\n");
  }

  private static byte[] payload(String action, String head) throws Exception {
    var root = EventJson.mapper().createObjectNode();
    root.put("action", action).put("number", PR);
    var pr = root.putObject("pull_request");
    pr.put("number", PR).put("state", "open").put("draft", false);
    pr.putObject("head").put("sha", head).put("ref", "widgets");
    pr.putObject("base").put("sha", "0".repeat(40)).put("ref", "main");
    root.putObject("repository")
        .put("full_name", REPO)
        .put("name", "widgets")
        .put("default_branch", "main");
    root.putObject("installation").put("id", 77);
    return EventJson.mapper().writeValueAsBytes(root);
  }
}
