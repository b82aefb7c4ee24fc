package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.BOT;
import static dev.attentive.publisher.review.Fixtures.MARKERS;
import static dev.attentive.publisher.review.Fixtures.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.PostedFingerprints;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import dev.attentive.github.call.FakeTicker;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.publisher.github.GitHubReviews;
import dev.attentive.publisher.review.ReviewPublisher.Outcome;
import dev.attentive.publisher.review.ReviewPublisher.Result;
import dev.attentive.settings.RepositorySettingsParser;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one comment about a repository's {@code .attentive.yml} problems, and what it must never
 * break.
 */
class ConfigProblemsCommentTest {

  static final RepositorySettings BROKEN =
      RepositorySettingsParser.parse("review:\n  maxComments: 0\n", "o/r@main:.attentive.yml");

  final FakeTicker ticker = new FakeTicker();
  final GitHubCalls calls = Fixtures.calls(ticker);

  /** A pull request with a conversation. */
  static final class Conversation implements GitHubReviews, GitHubReviews.PullRequest {
    final List<String> conversation = new ArrayList<>();

    /** Comments by the pull request's author, listed before the bot's. */
    final List<String> byAuthor = new ArrayList<>();

    int reviewsPosted;

    @Override
    public PullRequest pullRequest(String repository, int number, Long installationId) {
      return this;
    }

    @Override
    public String botLogin() {
      return BOT;
    }

    @Override
    public List<ExistingReview> reviews() {
      return List.of();
    }

    @Override
    public List<ExistingComment> comments() {
      return List.of();
    }

    @Override
    public CreatedReview createReview(NewReview review) {
      reviewsPosted++;
      return new CreatedReview(reviewsPosted, "https://github.com/o/r/pull/1");
    }

    @Override
    public List<ExistingComment> conversation() {
      List<ExistingComment> out = new ArrayList<>();
      byAuthor.forEach(body -> out.add(new ExistingComment(out.size(), null, "pr-author", body)));
      conversation.forEach(body -> out.add(new ExistingComment(out.size(), null, BOT, body)));
      return out;
    }

    @Override
    public void comment(String body) throws IOException {
      conversation.add(body);
    }
  }

  static Review review(String delivery, RepositorySettings settings) {
    return new Review(
        Review.SCHEMA_VERSION,
        delivery,
        "o/r",
        1,
        "0".repeat(40),
        Fixtures.HEAD,
        5L,
        "pull_request.opened",
        1,
        List.of(at(1, "fp-" + delivery)),
        Fixtures.ANCHORS,
        List.of(),
        Instant.parse("2025-01-01T00:00:00Z"),
        settings);
  }

  ReviewPublisher publisher(GitHubReviews github) {
    return new ReviewPublisher(
        github, calls, new ReviewPlanner(25), new ReviewBodies(65_536, 25, MARKERS), MARKERS, 10);
  }

  @Test
  void theCommentIsPostedOnceAndRememberedWithTheFingerprints() throws Exception {
    Conversation github = new Conversation();
    ReviewPublisher publisher = publisher(github);

    Result first = publisher.publish(review("d1", BROKEN), null);
    Result second = publisher.publish(review("d2", BROKEN), first.state());

    assertThat(first.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(second.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(github.reviewsPosted).isEqualTo(2);
    assertThat(github.conversation).hasSize(1);
    assertThat(github.conversation.get(0))
        .contains("review.maxComments must be between 1 and 100, was 0");
    assertThat(first.state().fingerprints()).contains("config-problems:" + BROKEN.problemsHash());
  }

  @Test
  void withLostStateTheCommentOnGitHubIsFoundNotPostedAgain() throws Exception {
    Conversation github = new Conversation();
    github.conversation.add("earlier\n\n" + MARKERS.configProblems(BROKEN.problemsHash()));

    Result result = publisher(github).publish(review("d1", BROKEN), null);

    assertThat(github.conversation).hasSize(1);
    assertThat(result.state().fingerprints()).contains("config-problems:" + BROKEN.problemsHash());
  }

  @Test
  void aMarkerInSomeoneElsesCommentDoesNotKeepTheBotQuiet() throws Exception {
    Conversation github = new Conversation();
    // a valid marker, even: copied from the bot's comment on another pull request
    github.byAuthor.add("nothing to see\n\n" + MARKERS.configProblems(BROKEN.problemsHash()));

    Result result = publisher(github).publish(review("d1", BROKEN), null);

    assertThat(github.conversation).hasSize(1);
    assertThat(github.conversation.get(0))
        .contains("review.maxComments must be between 1 and 100, was 0");
    assertThat(result.state().fingerprints()).contains("config-problems:" + BROKEN.problemsHash());
  }

  @Test
  void aCommentThatCannotBePostedNeverLosesTheRecordOfThePostedReview() throws Exception {
    FakeGitHub github = new FakeGitHub(); // supports no comments: UnsupportedOperationException

    Result result = publisher(github).publish(review("d1", BROKEN), null);

    assertThat(result.outcome()).isEqualTo(Outcome.POSTED);
    assertThat(result.state().reviewedDeliveries()).containsExactly("d1");
    assertThat(result.state().fingerprints())
        .doesNotContain("config-problems:" + BROKEN.problemsHash());
  }

  @Test
  void withoutProblemsNothingIsSaid() throws Exception {
    Conversation github = new Conversation();
    RepositorySettings fine = RepositorySettingsParser.parse("review:\n  maxComments: 5\n", null);

    publisher(github)
        .publish(review("d1", fine), new PostedFingerprints(1, "o/r", 1, List.of(), List.of()));

    assertThat(github.conversation).isEmpty();
  }
}
