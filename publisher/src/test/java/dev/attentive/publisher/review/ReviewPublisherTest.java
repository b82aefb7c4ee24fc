package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.BOT;
import static dev.attentive.publisher.review.Fixtures.MARKERS;
import static dev.attentive.publisher.review.Fixtures.at;
import static dev.attentive.publisher.review.Fixtures.review;
import static dev.attentive.publisher.review.SignedMarkers.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.PostedFingerprints;
import dev.attentive.events.Review;
import dev.attentive.github.call.FakeTicker;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubErrors;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.publisher.github.GitHubReviews.ExistingComment;
import dev.attentive.publisher.github.GitHubReviews.ExistingReview;
import dev.attentive.publisher.github.GitHubReviews.NewComment;
import dev.attentive.publisher.review.ReviewPublisher.Outcome;
import dev.attentive.publisher.review.ReviewPublisher.Result;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReviewPublisherTest {

  final FakeGitHub github = new FakeGitHub();
  final FakeTicker ticker = new FakeTicker();
  final GitHubCalls calls = Fixtures.calls(ticker);
  final ReviewPublisher publisher =
      new ReviewPublisher(
          github, calls, new ReviewPlanner(25), new ReviewBodies(65_536, 25, MARKERS), MARKERS, 3);

  static PostedFingerprints state(List<String> fingerprints, List<String> deliveries) {
    return new PostedFingerprints(
        PostedFingerprints.SCHEMA_VERSION, "o/r", 1, fingerprints, deliveries);
  }

  @Test
  void withoutARecordTheStateIsRebuiltFromTheMarkersOnGitHub() throws Exception {
    github.reviews.add(
        new ExistingReview(
            1,
            BOT,
            "old summary <!-- attentive:fp=listed -->\n\n" + "<!-- attentive:delivery=d-old -->"));
    github.reviews.add(new ExistingReview(2, BOT, "a human's review, no markers"));
    github.comments.add(new ExistingComment(3, 1L, BOT, "inline\n\n<!-- attentive:fp=inline -->"));
    github.comments.add(
        new ExistingComment(4, 2L, BOT, "quoting <!-- attentive:fp=quoted --> mid-text"));

    Result result =
        publisher.publish(
            review(
                "d-new",
                List.of(at(1, "inline"), at(2, "listed"), at(3, "quoted"), at(15, "outside"))),
            null);

    assertThat(result.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(github.posts).isEqualTo(1);
    assertThat(github.posted.get(0).comments()).extracting(NewComment::line).containsExactly(3);
    assertThat(github.posted.get(0).commitId()).isEqualTo(Fixtures.HEAD);
    assertThat(result.inline()).isEqualTo(1);
    assertThat(result.listed()).isEqualTo(1);
    assertThat(result.repeats()).isEqualTo(2);
    assertThat(result.state())
        .isEqualTo(
            state(List.of("listed", "inline", "quoted", "outside"), List.of("d-old", "d-new")));
    // the rebuild read both lists once; it also covers the check for this delivery's marker
    assertThat(github.reviewLists).isEqualTo(1);
    assertThat(github.commentLists).isEqualTo(1);
  }

  /** A publisher whose markers report what they reject. */
  ReviewPublisher publisher(List<String> rejected) {
    Markers markers =
        new Markers(SignedMarkers.SECRET.getBytes(StandardCharsets.UTF_8), true, rejected::add);
    return new ReviewPublisher(
        github, calls, new ReviewPlanner(25), new ReviewBodies(65_536, 25, markers), markers, 3);
  }

  @Test
  void markersInReviewsAndCommentsBySomeoneElseAreNotBelieved() throws Exception {
    // the PR's author posts the (deterministic) fingerprints, even correctly signed ones copied
    // from the bot elsewhere, to keep findings from being posted
    github.reviews.add(
        new ExistingReview(
            1,
            "pr-author",
            "LGTM " + MARKERS.fingerprint("listed") + " " + MARKERS.delivery("d-new")));
    github.comments.add(
        new ExistingComment(2, 1L, "pr-author", "ok\n\n" + MARKERS.fingerprint("inline")));
    github.comments.add(new ExistingComment(3, 1L, null, "ghost <!-- attentive:fp=ghost -->"));
    List<String> rejected = new ArrayList<>();

    Result result =
        publisher(rejected)
            .publish(
                review("d-new", List.of(at(1, "inline"), at(15, "listed"), at(2, "ghost"))), null);

    assertThat(result.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(result.repeats()).isZero();
    assertThat(github.posted.get(0).comments()).extracting(NewComment::line).containsExactly(1, 2);
    assertThat(unsigned(github.posted.get(0).body())).contains("<!-- attentive:fp=listed -->");
    assertThat(rejected).hasSize(4).containsOnly(Markers.FOREIGN_AUTHOR);
  }

  @Test
  void markersOfTheBotWithAWrongMacAreNotBelieved() throws Exception {
    github.reviews.add(
        new ExistingReview(
            1, BOT, "x <!-- attentive:fp=listed mac=0123456789abcdef0123456789abcdef -->"));
    github.comments.add(
        new ExistingComment(
            2, 1L, BOT, "y\n\n<!-- attentive:fp=inline mac=0123456789abcdef0123456789abcdef -->"));
    List<String> rejected = new ArrayList<>();

    Result result =
        publisher(rejected)
            .publish(review("d-new", List.of(at(1, "inline"), at(15, "listed"))), null);

    assertThat(result.repeats()).isZero();
    assertThat(result.inline()).isEqualTo(1);
    assertThat(result.listed()).isEqualTo(1);
    assertThat(rejected).containsExactly(Markers.BAD_MAC, Markers.BAD_MAC);
  }

  @Test
  void theBotsOwnSignedMarkersKeepFindingsFromBeingRepeated() throws Exception {
    github.reviews.add(
        new ExistingReview(
            1, BOT, "old " + MARKERS.fingerprint("listed") + "\n\n" + MARKERS.delivery("d-old")));
    github.comments.add(
        new ExistingComment(2, 1L, BOT.toUpperCase(), "y\n\n" + MARKERS.fingerprint("inline")));

    Result result =
        publisher.publish(
            review("d-new", List.of(at(1, "inline"), at(15, "listed"), at(2, "new"))), null);

    assertThat(result.repeats()).isEqualTo(2);
    assertThat(result.inline()).isEqualTo(1);
    assertThat(result.state().fingerprints()).containsExactly("listed", "inline", "new");
    assertThat(result.state().reviewedDeliveries()).containsExactly("d-old", "d-new");
  }

  @Test
  void aRedeliveryTouchesNeitherGitHubNorTheRecord() throws Exception {
    PostedFingerprints known = state(List.of("a"), List.of("d-1"));

    Result result = publisher.publish(review("d-1", List.of(at(1, "a"), at(2, "b"))), known);

    assertThat(result.outcome()).isEqualTo(Outcome.REDELIVERY);
    assertThat(result.state()).isEqualTo(known);
    assertThat(github.opened).isZero();
  }

  @Test
  void aDeliveryFoundOnGitHubIsRecordedNotPosted() throws Exception {
    github.reviews.add(
        new ExistingReview(1, BOT, "x <!-- attentive:fp=b --> <!-- attentive:delivery=d-2 -->"));
    github.comments.add(new ExistingComment(2, 1L, BOT, "y\n<!-- attentive:fp=c -->"));

    Result result =
        publisher.publish(
            review("d-2", List.of(at(1, "b"), at(2, "c"), at(3, "d"))),
            state(List.of("a"), List.of("d-1")));

    assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_ON_GITHUB);
    assertThat(github.posts).isZero();
    assertThat(result.state()).isEqualTo(state(List.of("a", "b", "c"), List.of("d-1", "d-2")));
  }

  @Test
  void whenNothingIsNewNoReviewIsPostedButTheDeliveryIsRecorded() throws Exception {
    Result result =
        publisher.publish(review("d-3", List.of(at(1, "a"))), state(List.of("a"), List.of("d-1")));

    assertThat(result.outcome()).isEqualTo(Outcome.NOTHING_NEW);
    assertThat(result.repeats()).isEqualTo(1);
    assertThat(result.state()).isEqualTo(state(List.of("a"), List.of("d-1", "d-3")));
    assertThat(github.opened).isZero();
  }

  @Test
  void aServerErrorAfterTheReviewWasWrittenDoesNotPostItTwice() throws Exception {
    github.postFailures.add(GitHubErrors.status(502, "bad gateway"));
    github.failAfterCreating = true;

    Result result =
        publisher.publish(
            review("d-4", List.of(at(1, "a"), at(15, "b"))), state(List.of(), List.of()));

    assertThat(github.posts).isEqualTo(1);
    assertThat(github.posted).hasSize(1);
    assertThat(result.outcome()).isEqualTo(Outcome.ALREADY_ON_GITHUB);
    assertThat(result.state()).isEqualTo(state(List.of("b", "a"), List.of("d-4")));
    // the backoff, then the rest of the 1 s spacing of writes: a retried write is a write too
    assertThat(ticker.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(900));
  }

  @Test
  void aServerErrorThatWroteNothingIsRetried() throws Exception {
    github.postFailures.add(GitHubErrors.status(500, "oops"));

    Result result =
        publisher.publish(review("d-5", List.of(at(1, "a"))), state(List.of(), List.of()));

    assertThat(result.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(github.posts).isEqualTo(2);
    assertThat(github.posted).hasSize(1);
    assertThat(github.reviewLists).isEqualTo(2); // before posting, and before the retry
  }

  @Test
  void inlineCommentsGitHubRefusesArePostedInTheSummaryInstead() throws Exception {
    github.postFailures.add(
        GitHubErrors.status(
            422,
            "{\"message\":\"Unprocessable Entity\","
                + "\"errors\":[\"Line could not be resolved\"]}"));

    Result result =
        publisher.publish(
            review("d-6", List.of(at(1, "a"), at(2, "b"))), state(List.of(), List.of()));

    assertThat(result.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(result.refusedInline()).isTrue();
    assertThat(result.inline()).isZero();
    assertThat(result.listed()).isEqualTo(2);
    assertThat(github.posts).isEqualTo(2);
    assertThat(github.posted.get(0).comments()).isEmpty();
    assertThat(unsigned(github.posted.get(0).body()))
        .contains(
            "— GitHub refused it as an inline comment <!-- attentive:fp=a -->",
            "— GitHub refused it as an inline comment <!-- attentive:fp=b -->");
    assertThat(result.state().fingerprints()).containsExactly("a", "b");
  }

  @Test
  void aRefusedSummaryOnlyReviewFailsWithTheStatus() {
    github.postFailures.add(GitHubErrors.status(422, "{\"message\":\"Unprocessable Entity\"}"));

    assertThatThrownBy(
            () ->
                publisher.publish(
                    review("d-7", List.of(at(15, "outside"))), state(List.of(), List.of())))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("github_422");
              assertThat(e.status()).isEqualTo(422);
            });
    assertThat(github.posts).isEqualTo(1);
  }

  @Test
  void onlyTheNewestDeliveriesAreRemembered() throws Exception {
    Review review = review("d-4", List.of(at(1, "a")));
    Result result = publisher.publish(review, state(List.of(), List.of("d-1", "d-2", "d-3")));
    assertThat(result.state().reviewedDeliveries()).containsExactly("d-2", "d-3", "d-4");
  }
}
