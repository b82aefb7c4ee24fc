package dev.attentive.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;
import org.kohsuke.github.GHPullRequestReviewState;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/**
 * The emulator's pull request reviews: GitHub's 422 rule for lines outside the diff, listing,
 * failures.
 */
class GitHubEmulatorReviewsTest {

  private static final String REPO = "octo/widgets";
  private static final int NUMBER = 7;
  private static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
  private static final String REVIEWS = "/repos/octo/widgets/pulls/7/reviews";
  private static final String COMMENTS = "/repos/octo/widgets/pulls/7/comments";

  /**
   * RIGHT (head) lines: 1-4 (first hunk: context, added, added, context) and 11-13 (second hunk);
   * LEFT (base) lines: 1-3 and 10-11. Positions: 1-5 in the first hunk, 6 is the second header, 7-9
   * below it.
   */
  private static final String PATCH =
      """
      @@ -1,3 +1,4 @@
       package a;
      -import x;
      +import y;
      +import z;
       class A {
      @@ -10,2 +11,3 @@ class A {
         int f;
      +  int g;
       }""";

  private static final String PATH = "src/A.java";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static GitHubEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startEmulator() {
    emulator = GitHubEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void registerPullRequest() {
    emulator.reset();
    emulator.authenticatedUser("attentive-bot");
    emulator
        .pullRequest(REPO, NUMBER)
        .head(HEAD)
        .file(PATH, "modified", PATCH)
        .file("README.md", "added", "@@ -0,0 +1,2 @@\n+# Widgets\n+hello")
        .binaryFile("logo.png")
        .register();
  }

  private static GHPullRequest pullRequest() throws IOException {
    GitHub github =
        new GitHubBuilder()
            .withEndpoint(emulator.baseUrl())
            .withOAuthToken("t", "attentive-bot")
            .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
            .build();
    return github.getRepository(REPO).getPullRequest(NUMBER);
  }

  private HttpResponse<String> post(String path, JsonNode body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String pathAndQuery) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /**
   * A review request body with one comment. {@code startLine}/{@code side} null to leave them out.
   */
  private static ObjectNode review(String path, Integer startLine, int line, String side) {
    ObjectNode body =
        MAPPER
            .createObjectNode()
            .put("commit_id", HEAD)
            .put("event", "COMMENT")
            .put("body", "summary");
    ObjectNode comment =
        body.putArray("comments")
            .addObject()
            .put("path", path)
            .put("line", line)
            .put("body", "a comment");
    if (startLine != null) {
      comment.put("start_line", startLine);
    }
    if (side != null) {
      comment.put("side", side);
    }
    return body;
  }

  @Test
  void kohsukePostsAReviewAndReadsItBackWithGitHubsShapes() throws Exception {
    GHPullRequest pr = pullRequest();

    GHPullRequestReview created =
        pr.createReview()
            .commitId(HEAD)
            .event(GHPullRequestReviewEvent.COMMENT)
            .body("Attentive reviewed 2 files")
            .singleLineComment("on an added line", PATH, 3)
            .multiLineComment("on the first hunk", PATH, 1, 4)
            .singleLineComment("in the second hunk", PATH, 12)
            .singleLineComment("README", "README.md", 2)
            .create();

    assertThat(created.getId()).isPositive();
    assertThat(created.getState()).isEqualTo(GHPullRequestReviewState.COMMENTED);
    assertThat(created.getBody()).isEqualTo("Attentive reviewed 2 files");
    assertThat(created.getCommitId()).isEqualTo(HEAD);
    assertThat(created.getUser().getLogin()).isEqualTo("attentive-bot");
    assertThat(created.getHtmlUrl().toString())
        .isEqualTo("https://github.com/octo/widgets/pull/7#pullrequestreview-" + created.getId());
    assertThat(created.getSubmittedAt()).isNotNull();

    // what kohsuke sent: no side (GitHub assumes RIGHT)
    JsonNode sent = MAPPER.readTree(emulator.requests("POST", REVIEWS).get(0).body());
    assertThat(sent.get("event").asText()).isEqualTo("COMMENT");
    assertThat(sent.get("comments").get(1).get("start_line").asInt()).isEqualTo(1);
    assertThat(sent.get("comments").get(1).has("side")).isFalse();

    List<GHPullRequestReview> listed = pr.listReviews().toList();
    assertThat(listed).extracting(GHPullRequestReview::getId).containsExactly(created.getId());
    assertThat(listed.get(0).getBody()).isEqualTo("Attentive reviewed 2 files");

    List<GHPullRequestReviewComment> comments = pr.listReviewComments().toList();
    assertThat(comments)
        .extracting(GHPullRequestReviewComment::getBody)
        .containsExactly("on an added line", "on the first hunk", "in the second hunk", "README");
    assertThat(comments)
        .extracting(GHPullRequestReviewComment::getPath)
        .containsExactly(PATH, PATH, PATH, "README.md");
    assertThat(comments)
        .extracting(GHPullRequestReviewComment::getLine)
        .containsExactly(3, 4, 12, 2);
    assertThat(comments.get(1).getStartLine()).isEqualTo(1);
    assertThat(comments.get(0).getPullRequestReviewId()).isEqualTo(created.getId());
    assertThat(comments.get(0).getCommitId()).isEqualTo(HEAD);
    assertThat(comments.get(0).getSide()).isEqualTo(GHPullRequestReviewComment.Side.RIGHT);

    JsonNode raw = MAPPER.readTree(get(COMMENTS).body());
    assertThat(raw.get(0).get("position").asInt())
        .isEqualTo(4); // the removed line takes a position too
    assertThat(raw.get(0).get("diff_hunk").asText())
        .isEqualTo("@@ -1,3 +1,4 @@\n package a;\n-import x;\n+import y;\n+import z;");
    assertThat(raw.get(0).get("start_line").isNull()).isTrue();
    assertThat(raw.get(0).get("user").get("login").asText()).isEqualTo("attentive-bot");
    assertThat(raw.get(2).get("position").asInt()).isEqualTo(8);
    assertThat(raw.get(2).get("diff_hunk").asText())
        .isEqualTo("@@ -10,2 +11,3 @@ class A {\n   int f;\n+  int g;");
    assertThat(raw.get(1).get("start_side").asText()).isEqualTo("RIGHT");
    JsonNode rawReview = MAPPER.readTree(get(REVIEWS).body()).get(0);
    assertThat(rawReview.fieldNames())
        .toIterable()
        .contains(
            "id",
            "node_id",
            "user",
            "body",
            "state",
            "html_url",
            "pull_request_url",
            "submitted_at",
            "commit_id",
            "_links",
            "author_association");
    assertThat(rawReview.get("node_id").asText())
        .isEqualTo(GitHubJson.nodeId("017:PullRequestReview", created.getId()));

    List<PostedReview> posted = emulator.reviewsPosted(REPO, NUMBER);
    assertThat(posted).hasSize(1);
    PostedReview review = posted.get(0);
    assertThat(review.id()).isEqualTo(created.getId());
    assertThat(review.user()).isEqualTo("attentive-bot");
    assertThat(review.state()).isEqualTo("COMMENTED");
    assertThat(review.commitId()).isEqualTo(HEAD);
    assertThat(review.body()).isEqualTo("Attentive reviewed 2 files");
    assertThat(review.comments())
        .containsExactly(
            new PostedComment(
                comments.get(0).getId(),
                created.getId(),
                PATH,
                3,
                null,
                "RIGHT",
                "on an added line"),
            new PostedComment(
                comments.get(1).getId(), created.getId(), PATH, 4, 1, "RIGHT", "on the first hunk"),
            new PostedComment(
                comments.get(2).getId(),
                created.getId(),
                PATH,
                12,
                null,
                "RIGHT",
                "in the second hunk"),
            new PostedComment(
                comments.get(3).getId(), created.getId(), "README.md", 2, null, "RIGHT", "README"));
  }

  @Test
  void aCommentOnALineOutsideThePatchGets422AndNothingIsRecorded() throws Exception {
    GHPullRequest pr = pullRequest();

    // line 5 of the head is between the hunks: GitHub cannot place it, and refuses the whole review
    assertThatThrownBy(
            () ->
                pr.createReview()
                    .commitId(HEAD)
                    .event(GHPullRequestReviewEvent.COMMENT)
                    .body("x")
                    .singleLineComment("fine", PATH, 2)
                    .singleLineComment("outside", PATH, 5)
                    .create())
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(422));

    HttpResponse<String> raw = post(REVIEWS, review(PATH, null, 5, null));
    assertThat(raw.statusCode()).isEqualTo(422);
    assertThat(MAPPER.readTree(raw.body()))
        .isEqualTo(
            MAPPER.readTree(
                """
        {"message":"Unprocessable Entity","errors":["Line could not be resolved"],
         "documentation_url":"https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request",
         "status":"422"}"""));

    assertThat(emulator.reviewsPosted(REPO, NUMBER)).isEmpty();
    assertThat(get(REVIEWS).body()).isEqualTo("[]");
    assertThat(get(COMMENTS).body()).isEqualTo("[]");
    assertThat(pr.listReviews().toList()).isEmpty();
  }

  @Test
  void everyLineOfTheRangeMustBeOnTheRightSideOfOneHunk() throws Exception {
    // head line 10 is between the hunks, 14 after the last; base line 4 is not in the patch on the
    // LEFT either
    assertThat(errors(post(REVIEWS, review(PATH, null, 10, null))))
        .containsExactly("Line could not be resolved");
    assertThat(errors(post(REVIEWS, review(PATH, null, 14, null))))
        .containsExactly("Line could not be resolved");
    assertThat(errors(post(REVIEWS, review(PATH, null, 0, null))))
        .containsExactly("Line could not be resolved");
    assertThat(errors(post(REVIEWS, review(PATH, 4, 11, null))))
        .containsExactly(
            "pull_request_review_thread.start_line must be part of the same hunk as the line.");
    assertThat(errors(post(REVIEWS, review(PATH, 3, 3, null))))
        .containsExactly("pull_request_review_thread.start_line must precede the end line.");
    assertThat(errors(post(REVIEWS, review("src/B.java", null, 1, null))))
        .containsExactly("Path could not be resolved");
    // a binary file is part of the pull request, but has no lines to comment on
    assertThat(errors(post(REVIEWS, review("logo.png", null, 1, null))))
        .containsExactly("Line could not be resolved");
    assertThat(errors(post(REVIEWS, review(PATH, null, 4, "LEFT"))))
        .containsExactly("Line could not be resolved");
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).isEmpty();

    // accepted: a multi-line range inside one hunk, the last line of a hunk, a removed (LEFT) line
    assertThat(post(REVIEWS, review(PATH, 11, 13, null)).statusCode()).isEqualTo(200);
    assertThat(post(REVIEWS, review(PATH, null, 4, "RIGHT")).statusCode()).isEqualTo(200);
    assertThat(post(REVIEWS, review(PATH, null, 2, "LEFT")).statusCode()).isEqualTo(200);
    assertThat(emulator.reviewsPosted(REPO, NUMBER))
        .extracting(r -> r.comments().get(0))
        .extracting(PostedComment::line, PostedComment::startLine, PostedComment::side)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(13, 11, "RIGHT"),
            org.assertj.core.groups.Tuple.tuple(4, null, "RIGHT"),
            org.assertj.core.groups.Tuple.tuple(2, null, "LEFT"));
  }

  @Test
  void oneBadCommentAmongGoodOnesRefusesTheWholeReview() throws Exception {
    ObjectNode body = review(PATH, null, 2, null);
    ((ArrayNode) body.get("comments"))
        .addObject()
        .put("path", PATH)
        .put("line", 7)
        .put("body", "outside");
    ((ArrayNode) body.get("comments"))
        .addObject()
        .put("path", PATH)
        .put("line", 12)
        .put("body", "inside");

    assertThat(errors(post(REVIEWS, body))).containsExactly("Line could not be resolved");
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).isEmpty();
  }

  @Test
  void bodiesOverGitHubsLimitAreRefused() throws Exception {
    ObjectNode body = review(PATH, null, 2, null).put("body", "x".repeat(65_537));
    assertThat(errors(post(REVIEWS, body)))
        .containsExactly("Body is too long (maximum is 65536 characters)");

    ObjectNode longComment = review(PATH, null, 2, null);
    ((ObjectNode) longComment.get("comments").get(0)).put("body", "y".repeat(65_537));
    assertThat(errors(post(REVIEWS, longComment)))
        .containsExactly("Body is too long (maximum is 65536 characters)");

    assertThat(
            post(REVIEWS, review(PATH, null, 2, null).put("body", "z".repeat(65_536))).statusCode())
        .isEqualTo(200);
    assertThat(emulator.reviewsPosted(REPO, NUMBER))
        .extracting(r -> r.body().length())
        .containsExactly(65_536);
  }

  @Test
  void reviewsAndCommentsArePaginatedLikeTheFilesList() throws Exception {
    IntStream.range(0, 35)
        .forEach(
            i ->
                emulator.addReview(
                    REPO,
                    NUMBER,
                    "someone",
                    "review " + i,
                    List.of(
                        NewReviewComment.of(PATH, 2, "comment " + i),
                        new NewReviewComment(PATH, 11, 13, "multi " + i))));

    HttpResponse<String> first = get(REVIEWS);
    assertThat(MAPPER.readTree(first.body()).size()).isEqualTo(30);
    String url = emulator.baseUrl() + REVIEWS;
    assertThat(first.headers().firstValue("Link"))
        .hasValue("<" + url + "?page=2>; rel=\"next\", <" + url + "?page=2>; rel=\"last\"");
    JsonNode second = MAPPER.readTree(get(REVIEWS + "?page=2").body());
    assertThat(second.size()).isEqualTo(5);
    assertThat(second.get(4).get("body").asText()).isEqualTo("review 34");
    assertThat(second.get(4).get("user").get("login").asText()).isEqualTo("someone");

    GHPullRequest pr = pullRequest();
    assertThat(pr.listReviews().withPageSize(100).toList()).hasSize(35);
    List<GHPullRequestReviewComment> comments = pr.listReviewComments().toList();
    assertThat(comments).hasSize(70);
    assertThat(comments.get(69).getBody()).isEqualTo("multi 34");
    assertThat(comments.get(69).getStartLine()).isEqualTo(11);
    assertThat(comments.get(69).getLine()).isEqualTo(13);
    assertThat(emulator.requestCount("GET", COMMENTS)).isEqualTo(3); // 30 + 30 + 10
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).hasSize(35);
  }

  @Test
  void failuresAndTheSecondaryRateLimitRecordNothing() throws Exception {
    emulator.failNext("POST", REVIEWS, 502, 1);
    emulator.secondaryRateLimitNext("POST", REVIEWS, 1, 1);

    // the most recently added failure answers first
    HttpResponse<String> limited = post(REVIEWS, review(PATH, null, 2, null));
    assertThat(limited.statusCode()).isEqualTo(403);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(MAPPER.readTree(limited.body()).get("message").asText())
        .startsWith("You have exceeded a secondary rate limit.");
    assertThat(post(REVIEWS, review(PATH, null, 2, null)).statusCode()).isEqualTo(502);
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).isEmpty();
    assertThat(post(REVIEWS, review(PATH, null, 2, null)).statusCode()).isEqualTo(200);
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).hasSize(1);

    // kohsuke with its abuse-limit handler set to FAIL surfaces the 403 with its headers instead of
    // sleeping
    emulator.secondaryRateLimitNext("POST", REVIEWS, 30, 1);
    GHPullRequest pr = pullRequest();
    long start = System.nanoTime();
    assertThatThrownBy(
            () ->
                pr.createReview()
                    .commitId(HEAD)
                    .event(GHPullRequestReviewEvent.COMMENT)
                    .body("b")
                    .create())
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.getResponseCode()).isEqualTo(403);
              assertThat(e.getResponseHeaderFields().entrySet())
                  .anySatisfy(
                      h -> {
                        assertThat(h.getKey()).isEqualToIgnoringCase("Retry-After");
                        assertThat(h.getValue()).containsExactly("30");
                      });
            });
    assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    assertThat(emulator.requestCount("POST", REVIEWS)).isEqualTo(4);
    List<Instant> times = emulator.requestTimes("POST", REVIEWS);
    assertThat(times).hasSize(4).isSorted();
  }

  @Test
  void unknownPullRequestsAre404AndResetForgetsReviews() throws Exception {
    assertThat(
            post("/repos/octo/widgets/pulls/8/reviews", review(PATH, null, 2, null)).statusCode())
        .isEqualTo(404);
    assertThat(get("/repos/octo/widgets/pulls/8/reviews").statusCode()).isEqualTo(404);
    assertThat(get("/repos/octo/widgets/pulls/8/comments").statusCode()).isEqualTo(404);
    assertThatThrownBy(() -> emulator.addReview(REPO, 8, "x", "y", List.of()))
        .isInstanceOf(IllegalStateException.class);

    assertThat(post(REVIEWS, review(PATH, null, 2, null)).statusCode()).isEqualTo(200);
    // a new push keeps the reviews (and validates against the new patch)
    emulator
        .pullRequest(REPO, NUMBER)
        .head("0123456789abcdef0123456789abcdef01234567")
        .clearFiles()
        .file(PATH, "modified", "@@ -1 +1,2 @@\n x\n+y")
        .register();
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).hasSize(1);
    assertThat(errors(post(REVIEWS, review(PATH, null, 3, null))))
        .containsExactly("Line could not be resolved");
    HttpResponse<String> onNewHead =
        post(REVIEWS, MAPPER.createObjectNode().put("event", "COMMENT").put("body", "b"));
    assertThat(MAPPER.readTree(onNewHead.body()).get("commit_id").asText())
        .isEqualTo("0123456789abcdef0123456789abcdef01234567");

    emulator.reset();
    assertThat(emulator.reviewsPosted(REPO, NUMBER)).isEmpty();
    assertThat(get(REVIEWS).statusCode()).isEqualTo(404);
  }

  private static List<String> errors(HttpResponse<String> response) throws IOException {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    JsonNode errors = MAPPER.readTree(response.body()).get("errors");
    return MAPPER.convertValue(
        errors, MAPPER.getTypeFactory().constructCollectionType(List.class, String.class));
  }
}
