package dev.attentive.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.LineRange;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import dev.attentive.events.Topics;
import dev.attentive.publisher.review.SignedMarkers;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.NewReviewComment;
import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedReview;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The publisher as deployed: reviews written to a real broker, a real GitHub API over HTTP (the
 * emulator, which refuses comments off the diff with 422 like GitHub), and assertions on what
 * GitHub received. Each test works on a pull request of its own.
 */
@QuarkusTest
@WithTestResource(PublisherTestResource.class)
class PublisherTest {

  static final String REPO = "acme/widgets";
  static final String HEAD_1 = "1111111111111111111111111111111111111111";
  static final String HEAD_2 = "2222222222222222222222222222222222222222";
  static final String WIDGET = "src/main/java/com/acme/Widget.java";

  /** Head lines 1-9 (first hunk) and 43-45 (second hunk) are in the diff; 10-42 are not. */
  static final String WIDGET_PATCH =
      """
      @@ -1,6 +1,9 @@
       package com.acme;
      \s
       public class Widget {
      -  int a;
      +  int a = 1;
      +  int b = 2;
      +  int c = 3;
      +  int d = 4;
         int e;
       }
      @@ -40,2 +43,3 @@ public class Widget {
         void f() {
      +    g();
         }""";

  static final Map<String, List<LineRange>> WIDGET_ANCHORS =
      Map.of(WIDGET, List.of(new LineRange(1, 9), new LineRange(43, 45)));
  static final Duration WAIT = Duration.ofSeconds(60);
  static final long INSTALLATION = 77L;

  EmbeddedKafka kafka = PublisherTestResource.kafka();
  GitHubEmulator github = PublisherTestResource.github();

  @TestHTTPResource("/")
  URI root;

  // ---------------------------------------------------------------- (1) one review, right lines,
  // suggestion block

  @Test
  void aReviewIsPostedWithInlineCommentsOnTheRightLinesAndASummary() throws Exception {
    int pr = 1;
    registerWidget(pr, HEAD_1);
    Review review =
        review(
            "d-1",
            pr,
            HEAD_1,
            List.of(
                suggestion(
                    Kind.TEST,
                    44,
                    44,
                    Severity.INFO,
                    0.5,
                    "g() is not covered by a test.",
                    null,
                    "test/Uncovered",
                    "fp-1-test"),
                suggestion(
                    Kind.STYLE,
                    5,
                    7,
                    Severity.WARNING,
                    0.8,
                    "Declare one field per line group.",
                    "  int b = 2, c = 3;\n  int d = 4;\n",
                    "style/MultipleFields",
                    "fp-1-fields"),
                suggestion(
                    Kind.REPAIR,
                    4,
                    4,
                    Severity.ERROR,
                    0.9,
                    "Field 'a' is never read.",
                    null,
                    "repair/UnusedField",
                    "fp-1-unused")),
            List.of("skipped docs/logo.png: binary file"));

    send(review);

    PostedReview posted = awaitReviews(pr, 1).get(0);
    assertThat(posted.commitId()).isEqualTo(HEAD_1);
    assertThat(posted.state()).isEqualTo("COMMENTED");
    assertThat(posted.user()).isEqualTo("attentive-bot");
    assertThat(posted.body())
        .isEqualTo(
            """
        ### Attentive reviewed 1 file at `1111111`

        **3 new suggestions**: REPAIR 1 · STYLE 1 · TEST 1 — 3 inline, 0 listed below.

        #### Notes
        - skipped docs/logo.png: binary file

        <!-- attentive:delivery=d-1 -->""");
    // most severe first; the multi-line suggestion spans start_line..line
    assertThat(posted.comments())
        .extracting(
            PostedComment::path, PostedComment::startLine, PostedComment::line, PostedComment::side)
        .containsExactly(
            tuple(WIDGET, null, 4, "RIGHT"),
            tuple(WIDGET, 5, 7, "RIGHT"),
            tuple(WIDGET, null, 44, "RIGHT"));
    assertThat(posted.comments().get(0).body())
        .isEqualTo(
            """
        **REPAIR** · `repair/UnusedField` · ERROR

        Field 'a' is never read.

        <!-- attentive:fp=fp-1-unused -->""");
    assertThat(posted.comments().get(1).body())
        .isEqualTo(
            """
        **STYLE** · `style/MultipleFields` · WARNING

        Declare one field per line group.

        ```suggestion
          int b = 2, c = 3;
          int d = 4;
        ```

        <!-- attentive:fp=fp-1-fields -->""");
    assertThat(posted.comments().get(2).body())
        .endsWith("g() is not covered by a test.\n\n" + "<!-- attentive:fp=fp-1-test -->");

    // what went over the wire: one POST, event COMMENT on the head SHA, no side (GitHub assumes
    // RIGHT)
    assertThat(github.requestCount("POST", reviewsPath(pr))).isEqualTo(1);
    JsonNode sent =
        EventJson.mapper().readTree(github.requests("POST", reviewsPath(pr)).get(0).body());
    assertThat(sent.get("event").asText()).isEqualTo("COMMENT");
    assertThat(sent.get("commit_id").asText()).isEqualTo(HEAD_1);
    assertThat(sent.get("comments").get(1).get("start_line").asInt()).isEqualTo(5);
    assertThat(sent.get("comments").get(1).get("line").asInt()).isEqualTo(7);
    assertThat(sent.get("comments").get(0).has("side")).isFalse();
    assertThat(sent.get("comments").get(0).has("start_line")).isFalse();
  }

  // ---------------------------------------------------------------- (2) redelivery

  @Test
  void theSameReviewAgainPostsNothing() throws Exception {
    int pr = 2;
    registerWidget(pr, HEAD_1);
    // more suggestions outside the diff than one summary can list: those cut are not recorded as
    // posted, so only
    // the delivery id keeps a redelivery from posting them in a second review
    List<Suggestion> suggestions = new ArrayList<>(List.of(anchored(4, "fp-2-a")));
    IntStream.range(0, 80)
        .forEach(
            i ->
                suggestions.add(
                    suggestion(
                        Kind.STYLE,
                        20,
                        20,
                        Severity.INFO,
                        0.5,
                        "Outside " + i + " " + "o".repeat(1_200),
                        null,
                        "style/O",
                        "fp-2-o-" + i)));
    Review review = review("d-2", pr, HEAD_1, suggestions, List.of());
    send(review);
    PostedReview first = awaitReviews(pr, 1).get(0);
    assertThat(first.body())
        .contains(" more, not shown: GitHub limits a review body to 65,536 characters.");
    assertThat(fingerprints(first))
        .hasSizeBetween(50, 80)
        .contains("fp-2-a")
        .doesNotContain("fp-2-o-79");

    send(review); // a redelivery, or a replay of the topic
    // a later review of the same PR is processed after it (same key, same partition): once it is
    // posted, the
    // redelivery has been handled
    send(
        review(
            "d-2-later",
            pr,
            HEAD_1,
            List.of(anchored(4, "fp-2-a"), anchored(5, "fp-2-b")),
            List.of()));
    List<PostedReview> posted = awaitReviews(pr, 2);

    assertThat(posted).hasSize(2);
    assertThat(github.requestCount("POST", reviewsPath(pr))).isEqualTo(2);
    // the redelivery was recognised from the record in Kafka without asking GitHub: the reviews
    // were listed once
    // for the first review (no record yet) and once by the later one (its check before posting)
    assertThat(github.requestCount("GET", reviewsPath(pr))).isEqualTo(2);
    assertThat(posted.get(1).body()).contains("<!-- attentive:delivery=d-2-later -->");
    assertThat(fingerprints(posted.get(1))).containsExactly("fp-2-b");
  }

  // ---------------------------------------------------------------- (3) new push: only what is new

  @Test
  void aNewPushIsReviewedOnlyForNewFingerprints() throws Exception {
    int pr = 3;
    registerWidget(pr, HEAD_1);
    send(
        review(
            "d-3-1", pr, HEAD_1, List.of(anchored(4, "fp-3-a"), anchored(5, "fp-3-b")), List.of()));
    awaitReviews(pr, 1);

    // the push adds two lines at the top: the same findings are now two lines lower, plus a new one
    github
        .pullRequest(REPO, pr)
        .head(HEAD_2)
        .clearFiles()
        .file(WIDGET, "added", addedPatch(12))
        .register();
    send(
        review(
            "d-3-2",
            pr,
            HEAD_2,
            List.of(anchored(6, "fp-3-a"), anchored(7, "fp-3-b"), anchored(9, "fp-3-c")),
            Map.of(WIDGET, List.of(new LineRange(1, 12))),
            List.of()));

    List<PostedReview> posted = awaitReviews(pr, 2);
    PostedReview second = posted.get(1);
    assertThat(second.commitId()).isEqualTo(HEAD_2);
    assertThat(second.comments()).extracting(PostedComment::line).containsExactly(9);
    assertThat(fingerprints(second)).containsExactly("fp-3-c");
    assertThat(second.body())
        .isEqualTo(
            """
        ### Attentive reviewed 1 file at `2222222`

        **1 new suggestion**: REPAIR 0 · STYLE 1 · TEST 0 — 1 inline, 0 listed below.
        2 suggestions were already posted on this pull request and are not repeated.

        <!-- attentive:delivery=d-3-2 -->""");
  }

  // ---------------------------------------------------------------- (4) anchoring

  @Test
  void suggestionsOutsideTheDiffGoIntoTheSummaryAndGitHubAcceptsTheReview() throws Exception {
    int pr = 4;
    registerWidget(pr, HEAD_1);
    send(
        review(
            "d-4",
            pr,
            HEAD_1,
            List.of(
                anchored(4, "fp-4-in"),
                suggestion(
                    Kind.STYLE,
                    20,
                    20,
                    Severity.WARNING,
                    0.9,
                    "Between the hunks.",
                    "  int x;",
                    "style/Gap",
                    "fp-4-gap"),
                suggestion(
                    Kind.REPAIR,
                    9,
                    43,
                    Severity.ERROR,
                    0.7,
                    "Spans two hunks.",
                    null,
                    "repair/Span",
                    "fp-4-span"),
                new Suggestion(
                    Kind.TEST,
                    "README.md",
                    1,
                    1,
                    Severity.INFO,
                    0.6,
                    "No anchors for this file.",
                    null,
                    "test/Readme",
                    "fp-4-readme")),
            List.of()));

    PostedReview posted = awaitReviews(pr, 1).get(0);
    assertThat(github.requestCount("POST", reviewsPath(pr)))
        .as("accepted at once, no 422")
        .isEqualTo(1);
    assertThat(posted.comments()).extracting(PostedComment::line).containsExactly(4);
    assertThat(posted.body())
        .isEqualTo(
            """
        ### Attentive reviewed 1 file at `1111111`

        **4 new suggestions**: REPAIR 1 · STYLE 2 · TEST 1 — 1 inline, 3 listed below.

        #### Not commented inline
        - `src/main/java/com/acme/Widget.java:9-43` **REPAIR** `repair/Span` (ERROR): Spans two hunks. \
        — not on lines of the diff <!-- attentive:fp=fp-4-span -->
        - `src/main/java/com/acme/Widget.java:20` **STYLE** `style/Gap` (WARNING): Between the hunks. \
        — not on lines of the diff <!-- attentive:fp=fp-4-gap -->
        - `README.md:1` **TEST** `test/Readme` (INFO): No anchors for this file. \
        — not on lines of the diff <!-- attentive:fp=fp-4-readme -->

        <!-- attentive:delivery=d-4 -->""");
  }

  // ---------------------------------------------------------------- (5) inline cap

  @Test
  void thirtyAnchoredSuggestionsGiveTwentyFiveInlineAndFiveInTheSummary() throws Exception {
    int pr = 5;
    String big = "src/main/java/com/acme/Big.java";
    github
        .pullRequest(REPO, pr)
        .head(HEAD_1)
        .clearFiles()
        .file(big, "added", addedPatch(40))
        .register();
    // 0-4 are INFO (though the most confident), 5-29 WARNING with rising confidence
    List<Suggestion> suggestions =
        IntStream.range(0, 30)
            .mapToObj(
                i ->
                    new Suggestion(
                        Kind.STYLE,
                        big,
                        i + 1,
                        i + 1,
                        i < 5 ? Severity.INFO : Severity.WARNING,
                        i < 5 ? 0.99 : 0.5 + i / 100.0,
                        "Finding " + i + ".",
                        null,
                        "style/R" + i,
                        "fp-5-" + i))
            .toList();
    send(
        review(
            "d-5", pr, HEAD_1, suggestions, Map.of(big, List.of(new LineRange(1, 40))), List.of()));

    PostedReview posted = awaitReviews(pr, 1).get(0);
    assertThat(posted.comments()).hasSize(25);
    assertThat(posted.comments())
        .extracting(PostedComment::line)
        .containsExactlyElementsOf(IntStream.iterate(30, l -> l >= 6, l -> l - 1).boxed().toList());
    assertThat(posted.body())
        .contains(
            "**30 new suggestions**: REPAIR 0 · STYLE 30 · TEST 0 — 25 inline, 5 listed "
                + "below.");
    List<String> listed = posted.body().lines().filter(l -> l.startsWith("- `")).toList();
    assertThat(listed).hasSize(5);
    for (int i = 0; i < 5; i++) { // the five INFO ones, equally confident, so by line
      assertThat(listed.get(i))
          .isEqualTo(
              "- `"
                  + big
                  + ":"
                  + (i + 1)
                  + "` **STYLE** `style/R"
                  + i
                  + "` (INFO): "
                  + "Finding "
                  + i
                  + ". — over the limit of 25 inline comments <!-- attentive:fp=fp-5-"
                  + i
                  + " -->");
    }
  }

  // ---------------------------------------------------------------- (6) GitHub failures

  @Test
  void serverErrorsAreRetriedAndTheReviewPostedOnce() throws Exception {
    int pr = 6;
    registerWidget(pr, HEAD_1);
    github.failNext("POST", reviewsPath(pr), 502, 2);

    send(review("d-6", pr, HEAD_1, List.of(anchored(4, "fp-6-a")), List.of()));

    List<PostedReview> posted = awaitReviews(pr, 1);
    assertThat(github.requestCount("POST", reviewsPath(pr))).isEqualTo(3);
    // before each retry the publisher looked for the review on GitHub (a 502 may still have created
    // it)
    assertThat(github.requestCount("GET", reviewsPath(pr))).isEqualTo(1 + 2);
    assertThat(posted).hasSize(1);
    assertThat(fingerprints(posted.get(0))).containsExactly("fp-6-a");
    assertThat(deadLettersWithKey(REPO + "#" + pr, Duration.ofSeconds(1))).isEmpty();
  }

  @Test
  void aSecondaryRateLimitIsWaitedOutForRetryAfter() throws Exception {
    int pr = 7;
    registerWidget(pr, HEAD_1);
    github.secondaryRateLimitNext("POST", reviewsPath(pr), 1, 1);

    send(review("d-7", pr, HEAD_1, List.of(anchored(4, "fp-7-a")), List.of()));

    assertThat(awaitReviews(pr, 1)).hasSize(1);
    List<Instant> posts = github.requestTimes("POST", reviewsPath(pr));
    assertThat(posts).hasSize(2);
    assertThat(Duration.between(posts.get(0), posts.get(1)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void serverErrorsBeyondTheRetryBudgetDeadLetterTheReviewAndTheStreamGoesOn() throws Exception {
    int pr = 8;
    registerWidget(pr, HEAD_1);
    github.failNext("POST", reviewsPath(pr), 503, PublisherTestResource.MAX_ATTEMPTS);
    Review review = review("d-8", pr, HEAD_1, List.of(anchored(4, "fp-8-a")), List.of());
    byte[] bytes = EventSerdes.review().serialize(Topics.REVIEWS, review);

    kafka.send(Topics.REVIEWS, review.key().value(), bytes);

    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> Arrays.equals(l.value(), bytes),
            1,
            WAIT);
    assertThat(letters).hasSize(1);
    DeadLetter letter = letters.get(0);
    assertThat(letter.service()).isEqualTo("publisher");
    assertThat(letter.sourceTopic()).isEqualTo(Topics.REVIEWS);
    assertThat(letter.key()).isEqualTo(REPO + "#8");
    assertThat(letter.error())
        .isEqualTo(
            "github_unavailable: GitHub still failing after 3 attempts to create review"
                + " on acme/widgets#8: 503 {\"message\":\"Service Unavailable\",\"documentation_url\":"
                + "\"https://docs.github.com/rest\"}");
    assertThat(github.requestCount("POST", reviewsPath(pr))).isEqualTo(3);
    assertThat(github.reviewsPosted(REPO, pr)).isEmpty();

    // not recorded as posted: replaying the dead letter's bytes posts it; and the stream kept
    // running
    kafka.send(Topics.REVIEWS, letter.key(), letter.value());
    List<PostedReview> posted = awaitReviews(pr, 1);
    assertThat(fingerprints(posted.get(0))).containsExactly("fp-8-a");
  }

  @Test
  void aReviewGitHubRefusesInlineIsPostedWithEverythingInTheSummary() throws Exception {
    int pr = 12;
    registerWidget(pr, HEAD_1);
    // anchors that do not match GitHub's diff (lines 10-20 are not in it): GitHub answers 422
    send(
        review(
            "d-12",
            pr,
            HEAD_1,
            List.of(anchored(15, "fp-12-a")),
            Map.of(WIDGET, List.of(new LineRange(1, 20))),
            List.of()));

    PostedReview posted = awaitReviews(pr, 1).get(0);
    assertThat(github.requestCount("POST", reviewsPath(pr))).isEqualTo(2);
    assertThat(posted.comments()).isEmpty();
    assertThat(posted.body())
        .contains(
            "\n- `"
                + WIDGET
                + ":15` **STYLE** `style/R` (WARNING): Finding fp-12-a. "
                + "— GitHub refused it as an inline comment <!-- attentive:fp=fp-12-a -->\n");
  }

  // ---------------------------------------------------------------- (7) poison

  @Test
  void aPoisonRecordIsDeadLetteredAndTheStreamKeepsRunning() throws Exception {
    int pr = 9;
    byte[] poison = "{\"schemaVersion\": 1, \"deliveryId\": ".getBytes(StandardCharsets.UTF_8);
    kafka.send(Topics.REVIEWS, REPO + "#" + pr, poison);
    byte[] noRepository =
        EventSerdes.review()
            .serialize(Topics.REVIEWS, review("d-9-bad", pr, HEAD_1, List.of(), List.of()));
    String badJson =
        new String(noRepository, StandardCharsets.UTF_8).replace("\"acme/widgets\"", "\"widgets\"");
    kafka.send(Topics.REVIEWS, REPO + "#" + pr, badJson.getBytes(StandardCharsets.UTF_8));

    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> l.key().equals(REPO + "#" + pr),
            2,
            WAIT);
    assertThat(letters).hasSize(2);
    assertThat(letters.get(0).value()).isEqualTo(poison);
    assertThat(letters.get(0).error())
        .startsWith("unreadable_review: not a valid Review on " + Topics.REVIEWS);
    assertThat(letters.get(0).service()).isEqualTo("publisher");
    assertThat(letters.get(1).error())
        .isEqualTo("invalid_review: repository must be owner/name, was widgets");

    registerWidget(pr, HEAD_1);
    send(review("d-9", pr, HEAD_1, List.of(anchored(4, "fp-9-a")), List.of()));
    assertThat(fingerprints(awaitReviews(pr, 1).get(0))).containsExactly("fp-9-a");
  }

  // ---------------------------------------------------------------- (8) restart safety

  @Test
  void withNoRecordInKafkaWhatGitHubAlreadyShowsIsNotPostedAgain() throws Exception {
    int pr = 10;
    registerWidget(pr, HEAD_1);
    // posted before the state was lost: a summary listing one suggestion and an inline comment for
    // another
    github.addReview(
        REPO,
        pr,
        "attentive-bot",
        "### Attentive reviewed 1 file at `0000000`\n\n"
            + "- `"
            + WIDGET
            + ":30` **STYLE** `style/R` (WARNING): Old. <!-- attentive:fp=fp-10-listed -->\n\n"
            + "<!-- attentive:delivery=d-10-old -->",
        List.of(
            NewReviewComment.of(
                WIDGET,
                4,
                "**STYLE** · `style/R` · WARNING\n\nOld.\n\n"
                    + "<!-- attentive:fp=fp-10-inline -->")));

    send(
        review(
            "d-10",
            pr,
            HEAD_1,
            List.of(
                anchored(4, "fp-10-inline"), anchored(5, "fp-10-listed"), anchored(6, "fp-10-new")),
            List.of()));

    List<PostedReview> reviews = awaitReviews(pr, 2);
    PostedReview posted = reviews.get(1);
    assertThat(fingerprints(posted)).containsExactly("fp-10-new");
    assertThat(posted.body())
        .contains(
            "2 suggestions were already posted on this pull request and are not " + "repeated.");

    // the delivery of the review already on GitHub is recognised too
    send(review("d-10-old", pr, HEAD_1, List.of(anchored(7, "fp-10-other")), List.of()));
    send(
        review(
            "d-10-later",
            pr,
            HEAD_1,
            List.of(anchored(6, "fp-10-new"), anchored(8, "fp-10-newer")),
            List.of()));
    reviews = awaitReviews(pr, 3);
    assertThat(reviews).hasSize(3);
    assertThat(reviews.get(2).body()).contains("<!-- attentive:delivery=d-10-later -->");
    assertThat(fingerprints(reviews.get(2))).containsExactly("fp-10-newer");
  }

  @Test
  void aReviewThatReachedGitHubBeforeACrashIsRecordedNotPostedAgain() throws Exception {
    int pr = 11;
    registerWidget(pr, HEAD_1);
    send(review("d-11-1", pr, HEAD_1, List.of(anchored(4, "fp-11-a")), List.of()));
    awaitReviews(pr, 1); // the PR now has a record in Kafka

    // the POST of d-11-crashed went through, then the publisher died before committing
    github.addReview(
        REPO,
        pr,
        "attentive-bot",
        "summary <!-- attentive:fp=fp-11-x -->\n\n" + "<!-- attentive:delivery=d-11-crashed -->",
        List.of(NewReviewComment.of(WIDGET, 5, "body\n\n<!-- attentive:fp=fp-11-y -->")));
    List<Suggestion> crashed =
        List.of(anchored(5, "fp-11-y"), anchored(6, "fp-11-x"), anchored(7, "fp-11-z"));
    send(review("d-11-crashed", pr, HEAD_1, crashed, List.of()));
    List<Suggestion> later = new ArrayList<>(crashed);
    later.add(anchored(8, "fp-11-w"));
    send(review("d-11-later", pr, HEAD_1, later, List.of()));

    List<PostedReview> reviews = awaitReviews(pr, 3);
    assertThat(reviews).hasSize(3);
    assertThat(github.requestCount("POST", reviewsPath(pr))).isEqualTo(2);
    // x and y are on GitHub; z was in the crashed review's plan but GitHub does not show it, so it
    // is still new
    assertThat(fingerprints(reviews.get(2))).containsExactly("fp-11-z", "fp-11-w");
  }

  // ---------------------------------------------------------------- forged markers (issue 11)

  @Test
  void markersCountOnlyInTheBotsOwnReviewsAndCommentsWithTheRightMac() throws Exception {
    int pr = 40;
    registerWidget(pr, HEAD_1);
    // the PR's author posts the (deterministic) fingerprints to keep findings from being posted:
    // old-style, and signed ones copied from the bot's comments elsewhere
    github.addReview(
        REPO,
        pr,
        "pr-author",
        "LGTM <!-- attentive:fp=fp-40-listed --> "
            + SignedMarkers.MARKERS.fingerprint("fp-40-signed")
            + " <!-- attentive:delivery=d-40 -->",
        List.of(NewReviewComment.of(WIDGET, 4, "nit\n\n<!-- attentive:fp=fp-40-inline -->")));
    // in the bot's name, but with a MAC this deployment did not make
    github.addReview(
        REPO,
        pr,
        "attentive-bot",
        "summary <!-- attentive:fp=fp-40-forged mac=0123456789abcdef0123456789abcdef -->",
        List.of());

    send(
        review(
            "d-40",
            pr,
            HEAD_1,
            List.of(
                anchored(4, "fp-40-inline"),
                anchored(5, "fp-40-listed"),
                anchored(6, "fp-40-signed"),
                anchored(7, "fp-40-forged")),
            List.of()));

    List<PostedReview> reviews = awaitReviewsAsPosted(pr, 3);
    PostedReview posted = SignedMarkers.unsigned(reviews.get(2));
    assertThat(fingerprints(posted))
        .containsExactly("fp-40-inline", "fp-40-listed", "fp-40-signed", "fp-40-forged");
    assertThat(posted.body()).doesNotContain("already posted");
  }

  @Test
  void aFileNameOrRuleCannotPutAMarkerLinkOrHtmlIntoTheSummary() throws Exception {
    int pr = 41;
    registerWidget(pr, HEAD_1);
    Suggestion odd =
        new Suggestion(
            Kind.STYLE,
            "x`<!-- attentive:fp=abc -->`.java",
            1,
            1,
            Severity.WARNING,
            0.8,
            "See [docs](https://evil.example) <img src=x> `ok` <!-- attentive:fp=ghi -->",
            null,
            "style/R`<!-- attentive:fp=def -->",
            "fp-41");
    send(review("d-41", pr, HEAD_1, List.of(odd), List.of()));

    String body = awaitReviewsAsPosted(pr, 1).get(0).body();
    // even reading old-style markers, the only ones in the summary are the publisher's own
    assertThat(SignedMarkers.MARKERS.fingerprints(body)).containsExactly("fp-41");
    assertThat(body.split("<!--", -1)).hasSize(3); // fp-41 and the delivery
    assertThat(SignedMarkers.unsigned(body))
        .contains(
            "- ``x`<!-\u200B- attentive:fp=abc --\u200B>`.java:1`` **STYLE** "
                + "``style/R`<!-\u200B- attentive:fp=def --\u200B>`` (WARNING): "
                + "See \\[docs\\](https://evil.example) &lt;img src=x> `ok` "
                + "&lt;!-- attentive:fp=ghi --> — not on lines of the diff "
                + "<!-- attentive:fp=fp-41 -->");
  }

  // ---------------------------------------------------------------- (9) GitHub's body limit

  @Test
  void bodiesOverGitHubsLimitAreTruncated() throws Exception {
    int pr = 13;
    registerWidget(pr, HEAD_1);
    Suggestion huge =
        suggestion(
            Kind.REPAIR,
            4,
            4,
            Severity.ERROR,
            0.9,
            "x".repeat(70_000),
            "  int a = 2;",
            "repair/Huge",
            "fp-13-huge");
    List<String> notes =
        IntStream.range(0, 80).mapToObj(i -> "note " + i + " " + "n".repeat(1_500)).toList();
    send(review("d-13", pr, HEAD_1, List.of(huge), notes));

    PostedReview posted = awaitReviews(pr, 1).get(0);
    assertThat(github.reviewsPosted(REPO, pr).get(0).comments().get(0).body()).hasSize(65_536);
    String comment = posted.comments().get(0).body();
    assertThat(comment)
        .startsWith("**REPAIR** · `repair/Huge` · ERROR\n\nxxx")
        .endsWith(
            "x…\n\n```suggestion\n  int a = 2;\n```\n\n"
                + "_(Truncated: GitHub limits a comment to 65,536 characters.)_\n\n<!-- attentive:fp=fp-13-huge -->");
    assertThat(posted.body().length()).isLessThanOrEqualTo(65_536).isGreaterThan(60_000);
    assertThat(posted.body())
        .contains("\n- note 0 nnn")
        .doesNotContain("note 79")
        .endsWith(
            " more, not shown: GitHub limits a review body to 65,536 characters.\n\n"
                + "<!-- attentive:delivery=d-13 -->");
    // every note shown is cut to 1,000 characters
    assertThat(posted.body().lines().filter(l -> l.startsWith("- note ")))
        .allSatisfy(l -> assertThat(l).hasSize(2 + 1_000).endsWith("n…"));
  }

  // ---------------------------------------------------------------- health and metrics

  @Test
  void healthAndMetricsAreExposed() throws Exception {
    int pr = 14;
    registerWidget(pr, HEAD_1);
    github.failNext("POST", reviewsPath(pr), 500, 1);
    send(review("d-14-1", pr, HEAD_1, List.of(anchored(4, "fp-14-a")), List.of()));
    send(
        review(
            "d-14-2",
            pr,
            HEAD_1,
            List.of(anchored(4, "fp-14-a"), anchored(5, "fp-14-b")),
            List.of()));
    kafka.send(Topics.REVIEWS, REPO + "#" + pr, "not json".getBytes(StandardCharsets.UTF_8));
    awaitReviews(pr, 2);
    assertThat(deadLettersWithKey(REPO + "#" + pr, WAIT)).hasSize(1);

    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(root.resolve("/q/health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\": \"UP\"");

    String metrics =
        http.send(
                HttpRequest.newBuilder(root.resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    assertThat(metrics)
        .contains("attentive_publisher_reviews_posted_total")
        .contains("attentive_publisher_comments_posted_total")
        .contains("attentive_publisher_suggestions_suppressed_total{reason=\"repeat\"")
        .contains("attentive_publisher_github_retries_total{reason=\"unavailable\"")
        .contains("attentive_publisher_dead_letters_total{reason=\"unreadable_review\"");
  }

  // ---------------------------------------------------------------- helpers

  private void registerWidget(int pr, String head) {
    github
        .pullRequest(REPO, pr)
        .head(head)
        .clearFiles()
        .file(WIDGET, "modified", WIDGET_PATCH)
        .register();
  }

  static String reviewsPath(int pr) {
    return "/repos/" + REPO + "/pulls/" + pr + "/reviews";
  }

  /** A file added with {@code lines} lines. */
  static String addedPatch(int lines) {
    return "@@ -0,0 +1,"
        + lines
        + " @@\n"
        + IntStream.rangeClosed(1, lines)
            .mapToObj(i -> "+line " + i)
            .collect(Collectors.joining("\n"));
  }

  static Review review(
      String delivery, int pr, String head, List<Suggestion> suggestions, List<String> notes) {
    return review(delivery, pr, head, suggestions, WIDGET_ANCHORS, notes);
  }

  static Review review(
      String delivery,
      int pr,
      String head,
      List<Suggestion> suggestions,
      Map<String, List<LineRange>> anchors,
      List<String> notes) {
    return new Review(
        Review.SCHEMA_VERSION,
        delivery,
        REPO,
        pr,
        "0".repeat(40),
        head,
        INSTALLATION,
        "pull_request.synchronize",
        1,
        suggestions,
        anchors,
        notes,
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  static Suggestion suggestion(
      Kind kind,
      int start,
      int end,
      Severity severity,
      double confidence,
      String message,
      String replacement,
      String rule,
      String fingerprint) {
    return new Suggestion(
        kind, WIDGET, start, end, severity, confidence, message, replacement, rule, fingerprint);
  }

  /** A single-line STYLE warning in Widget.java. */
  static Suggestion anchored(int line, String fingerprint) {
    return suggestion(
        Kind.STYLE,
        line,
        line,
        Severity.WARNING,
        0.8,
        "Finding " + fingerprint + ".",
        null,
        "style/R",
        fingerprint);
  }

  private void send(Review review) {
    kafka.send(
        Topics.REVIEWS,
        review.key().value(),
        EventSerdes.review().serialize(Topics.REVIEWS, review));
  }

  /** Polls the emulator until the PR has at least {@code count} reviews (or the wait is over). */
  private List<PostedReview> awaitReviews(int pr, int count) throws InterruptedException {
    return awaitReviewsAsPosted(pr, count).stream().map(SignedMarkers::unsigned).toList();
  }

  /** {@link #awaitReviews}, the bodies as they are (MACs in them, unchecked). */
  private List<PostedReview> awaitReviewsAsPosted(int pr, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<PostedReview> reviews = github.reviewsPosted(REPO, pr);
    while (reviews.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      reviews = github.reviewsPosted(REPO, pr);
    }
    assertThat(reviews).as("reviews on #" + pr).hasSizeGreaterThanOrEqualTo(count);
    return reviews;
  }

  private List<DeadLetter> deadLettersWithKey(String key, Duration wait) {
    return kafka.await(
        Topics.DEAD_LETTERS, EventSerdes.deadLetter(), l -> key.equals(l.key()), 1, wait);
  }

  /** The fingerprints a review posted: inline comments' markers, then the summary's. */
  static List<String> fingerprints(PostedReview review) {
    List<String> out = new ArrayList<>();
    for (PostedComment c : review.comments()) {
      var m =
          java.util.regex.Pattern.compile("<!-- attentive:fp=(\\S+) -->\\s*$").matcher(c.body());
      assertThat(m.find()).as("marker at the end of " + c.body()).isTrue();
      out.add(m.group(1));
    }
    var m = java.util.regex.Pattern.compile("<!-- attentive:fp=(\\S+) -->").matcher(review.body());
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }
}
