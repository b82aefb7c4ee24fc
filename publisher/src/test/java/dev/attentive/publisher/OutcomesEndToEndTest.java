package dev.attentive.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PatchParser;
import dev.attentive.events.Review;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.NewReviewComment;
import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedReview;
import dev.attentive.testkit.github.ReviewThread;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outcomes as deployed: a review posted through the broker to the emulator, then activity on
 * the pull request (a push that applies one suggestion, a merge) and a person's 👎 → feedback on
 * {@link Topics#FEEDBACK}, each once, and only Attentive's own fixed thread resolved, with a reply.
 */
@QuarkusTest
@WithTestResource(PublisherTestResource.class)
class OutcomesEndToEndTest {

  static final String REPO = PublisherTest.REPO;
  static final int PR = 90;
  static final String H1 = PublisherTest.HEAD_1;
  static final String H2 = PublisherTest.HEAD_2;
  static final String WIDGET = PublisherTest.WIDGET;
  static final String ONE_LINE = "  int b = 2, c = 3;";
  static final Duration WAIT = Duration.ofSeconds(60);

  EmbeddedKafka kafka = PublisherTestResource.kafka();
  GitHubEmulator github = PublisherTestResource.github();

  @Test
  void aPushThatAppliesTheSuggestionAndAMergeBecomeFeedbackOnceAndOnlyOurThreadIsResolved()
      throws Exception {
    github
        .pullRequest(REPO, PR)
        .head(H1)
        .clearFiles()
        .file(WIDGET, "modified", PublisherTest.WIDGET_PATCH)
        .register();
    github.addReview(
        REPO, PR, "pr-author", "", List.of(NewReviewComment.of(WIDGET, 6, "a person's note")));
    Review review =
        PublisherTest.review(
            "d-out-1",
            PR,
            H1,
            List.of(
                PublisherTest.suggestion(
                    Kind.STYLE,
                    5,
                    5,
                    Severity.WARNING,
                    0.8,
                    "Declare b and c together.",
                    ONE_LINE,
                    "style/MultipleFields",
                    "fp-90-style"),
                PublisherTest.suggestion(
                    Kind.REPAIR,
                    4,
                    4,
                    Severity.ERROR,
                    0.9,
                    "Field 'a' is never read.",
                    null,
                    "model/unused-field",
                    "fp-90-repair")),
            List.of());
    kafka.send(Topics.REVIEWS, review.key().value(), EventSerdes.review().serialize("t", review));

    PostedReview posted = awaitOurReview();
    long style = commentWith(posted, "fp-90-style");
    long repair = commentWith(posted, "fp-90-repair");
    long human = github.reviewsPosted(REPO, PR).get(0).comments().get(0).id();
    github.react(repair, "-1", "alice");
    github.react(repair, "+1", "attentive-bot"); // the bot's own: no verdict

    ReviewActivity push =
        activity(
            "push-1",
            ReviewActivity.Type.PUSH,
            H2,
            H1,
            false,
            List.of(
                new ReviewActivity.FileChange(
                    WIDGET,
                    null,
                    FileStatus.MODIFIED,
                    PatchParser.parse("@@ -5,1 +5,1 @@\n-  int b = 2;\n+" + ONE_LINE))));
    send(push);

    List<Feedback> outcomes = awaitFeedback(2);
    assertThat(outcomes)
        .extracting(Feedback::type, Feedback::ruleId, Feedback::commentId, Feedback::actor)
        .containsExactlyInAnyOrder(
            tuple(Feedback.Type.APPLIED, "style/MultipleFields", style, null),
            tuple(Feedback.Type.THUMBS_DOWN, "model/unused-field", repair, "alice"));
    assertThat(outcomes).allSatisfy(f -> assertThat(f.id()).startsWith(REPO + "#" + PR + "/"));

    ReviewThread ours = awaitResolved(style);
    assertThat(ours.resolvedBy()).isEqualTo("attentive-bot");
    assertThat(ours.commentIds()).as("the comment and Attentive's reply").hasSize(2);
    assertThat(github.threadOf(repair).resolved()).isFalse();
    assertThat(github.threadOf(human).resolved()).as("a person's thread").isFalse();

    // redelivered push, then the merge: only the still-open, unchanged comment is ignored
    send(push);
    send(activity("close-1", ReviewActivity.Type.CLOSED, H2, null, true, List.of()));
    List<Feedback> all =
        kafka.await(
            Topics.FEEDBACK,
            EventSerdes.feedback(),
            f -> f.repository().equals(REPO) && f.pullRequestNumber() == PR,
            4,
            Duration.ofSeconds(15));
    assertThat(all)
        .extracting(Feedback::type)
        .containsExactlyInAnyOrder(
            Feedback.Type.APPLIED, Feedback.Type.THUMBS_DOWN, Feedback.Type.IGNORED);
    assertThat(github.threadOf(style).commentIds()).as("no second reply").hasSize(2);
  }

  private PostedReview awaitOurReview() throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<PostedReview> reviews = github.reviewsPosted(REPO, PR);
    while (reviews.size() < 2 && System.nanoTime() < deadline) {
      Thread.sleep(50);
      reviews = github.reviewsPosted(REPO, PR);
    }
    assertThat(reviews).hasSize(2);
    return reviews.get(1);
  }

  private static long commentWith(PostedReview review, String fingerprint) {
    return review.comments().stream()
        .filter(c -> c.body().contains("attentive:fp=" + fingerprint))
        .map(PostedComment::id)
        .findFirst()
        .orElseThrow();
  }

  private ReviewThread awaitResolved(long commentId) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    ReviewThread thread = github.threadOf(commentId);
    while ((!thread.resolved() || thread.commentIds().size() < 2) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      thread = github.threadOf(commentId);
    }
    assertThat(thread.resolved()).isTrue();
    return thread;
  }

  private List<Feedback> awaitFeedback(int count) {
    return kafka.await(
        Topics.FEEDBACK,
        EventSerdes.feedback(),
        f -> f.repository().equals(REPO) && f.pullRequestNumber() == PR,
        count,
        WAIT);
  }

  private void send(ReviewActivity a) {
    kafka.send(
        Topics.REVIEW_ACTIVITY,
        a.key().value(),
        EventSerdes.reviewActivity().serialize(Topics.REVIEW_ACTIVITY, a));
  }

  static ReviewActivity activity(
      String delivery,
      ReviewActivity.Type type,
      String head,
      String before,
      boolean merged,
      List<ReviewActivity.FileChange> changes) {
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        delivery,
        REPO,
        PR,
        PublisherTest.INSTALLATION,
        type,
        Instant.parse("2025-01-01T01:00:00Z"),
        "dev",
        "User",
        null,
        null,
        null,
        null,
        List.of(),
        head,
        before,
        false,
        merged,
        changes);
  }
}
