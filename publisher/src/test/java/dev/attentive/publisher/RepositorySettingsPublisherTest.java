package dev.attentive.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.LineRange;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import dev.attentive.events.Topics;
import dev.attentive.publisher.review.SignedMarkers;
import dev.attentive.settings.RepositorySettingsParser;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PostedIssueComment;
import dev.attentive.testkit.github.PostedReview;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The publisher under a repository's {@code .attentive.yml}: its inline comment cap, one comment
 * per distinct set of configuration problems (the review still goes out, with defaults), and {@code
 * /attentive full-review}.
 */
@QuarkusTest
@WithTestResource(PublisherTestResource.class)
class RepositorySettingsPublisherTest {

  static final String REPO = "acme/configured";
  static final String HEAD_1 = "1111111111111111111111111111111111111111";
  static final String HEAD_2 = "2222222222222222222222222222222222222222";
  static final String FILE = "src/main/java/com/acme/Big.java";
  static final Duration WAIT = Duration.ofSeconds(60);

  EmbeddedKafka kafka = PublisherTestResource.kafka();
  GitHubEmulator github = PublisherTestResource.github();

  @Test
  void theRepositorysCapLimitsInlineComments() throws Exception {
    int pr = 1;
    register(pr, HEAD_1);
    RepositorySettings settings =
        RepositorySettingsParser.parse("review:\n  maxComments: 2\n", null);

    send(review("cap-1", pr, HEAD_1, "pull_request.opened", findings("cap", 4), settings));

    PostedReview posted = awaitReviews(pr, 1).get(0);
    assertThat(posted.comments()).hasSize(2);
    assertThat(posted.body())
        .contains("2 inline, 2 listed below")
        .contains("over the limit of 2 inline comments");
    assertThat(github.issueComments(REPO, pr)).as("no problems, no comment").isEmpty();
  }

  @Test
  void configurationProblemsAreCommentedOnceAndTheReviewStillGoesOutWithDefaults()
      throws Exception {
    int pr = 2;
    register(pr, HEAD_1);
    RepositorySettings broken =
        RepositorySettingsParser.parse(
            "version: 1\nreview:\n  maxComments: 500\n", REPO + "@main:.attentive.yml");
    assertThat(broken.problems())
        .containsExactly(
            "`.attentive.yml` line 3: review.maxComments must be between 1 and 100, was 500");

    send(review("cfg-1", pr, HEAD_1, "pull_request.opened", findings("cfg1", 30), broken));

    PostedReview first = awaitReviews(pr, 1).get(0);
    assertThat(first.comments()).as("the deployment's cap, 25").hasSize(25);
    List<PostedIssueComment> comments = awaitComments(pr, 1);
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).body())
        .startsWith("### Attentive: `.attentive.yml` has a problem")
        .contains("`" + REPO + "@main:.attentive.yml`")
        .contains(
            "- `.attentive.yml` line 3: review.maxComments must be between 1 and 100, was 500")
        .contains("use their **defaults**")
        .endsWith("<!-- attentive:config-problems=" + broken.problemsHash() + " -->");

    // A later push with the same problems: a review, no second comment.
    github.pullRequest(REPO, pr).head(HEAD_2).register();
    send(review("cfg-2", pr, HEAD_2, "pull_request.synchronize", findings("cfg2", 1), broken));
    awaitReviews(pr, 2);

    // Different problems: one more comment.
    RepositorySettings other =
        RepositorySettingsParser.parse(
            "review:\n  minConfidence: 2\n", REPO + "@main:.attentive.yml");
    send(review("cfg-3", pr, HEAD_2, "pull_request.synchronize", findings("cfg3", 1), other));
    awaitReviews(pr, 3);
    List<PostedIssueComment> after = awaitComments(pr, 2);
    assertThat(after).hasSize(2);
    assertThat(after.get(1).body())
        .contains("review.minConfidence must be a number between 0 and 1, was 2");
  }

  @Test
  void aFullReviewPostsFindingsAgainThatAnEarlierReviewPosted() throws Exception {
    int pr = 3;
    register(pr, HEAD_1);
    List<Suggestion> findings = findings("full", 2);
    send(review("full-1", pr, HEAD_1, "pull_request.opened", findings, null));
    awaitReviews(pr, 1);
    // an ordinary review of the same findings posts nothing (never repeat) ...
    send(review("full-2", pr, HEAD_1, "command.review", findings, null));
    // ... a full review posts them again, in a fresh review
    send(review("full-3", pr, HEAD_1, "command.full-review", findings, null));

    List<PostedReview> posted = awaitReviews(pr, 2);
    assertThat(posted).hasSize(2);
    assertThat(posted.get(1).comments()).hasSize(2);
    assertThat(posted.get(1).body()).contains("<!-- attentive:delivery=full-3 -->");
  }

  // ---------------------------------------------------------------- helpers

  private void register(int pr, String head) {
    github
        .pullRequest(REPO, pr)
        .head(head)
        .clearFiles()
        .file(FILE, "added", PublisherTest.addedPatch(40))
        .register();
  }

  static List<Suggestion> findings(String prefix, int count) {
    return IntStream.range(0, count)
        .mapToObj(
            i ->
                new Suggestion(
                    Kind.STYLE,
                    FILE,
                    i + 1,
                    i + 1,
                    Severity.WARNING,
                    0.8,
                    "Finding " + i + ".",
                    null,
                    "style/R" + i,
                    prefix + "-" + i))
        .toList();
  }

  static Review review(
      String delivery,
      int pr,
      String head,
      String trigger,
      List<Suggestion> suggestions,
      RepositorySettings settings) {
    return new Review(
        Review.SCHEMA_VERSION,
        delivery,
        REPO,
        pr,
        "0".repeat(40),
        head,
        77L,
        trigger,
        1,
        suggestions,
        Map.of(FILE, List.of(new LineRange(1, 40))),
        List.of(),
        Instant.parse("2025-01-01T00:00:00Z"),
        settings);
  }

  private void send(Review review) {
    kafka.send(
        Topics.REVIEWS,
        review.key().value(),
        EventSerdes.review().serialize(Topics.REVIEWS, review));
  }

  private List<PostedReview> awaitReviews(int pr, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<PostedReview> reviews = github.reviewsPosted(REPO, pr);
    while (reviews.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      reviews = github.reviewsPosted(REPO, pr);
    }
    assertThat(reviews).as("reviews on #" + pr).hasSizeGreaterThanOrEqualTo(count);
    // as the tests have always read them: every marker's MAC checked, then taken out
    return reviews.stream().map(SignedMarkers::unsigned).toList();
  }

  private List<PostedIssueComment> awaitComments(int pr, int count) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<PostedIssueComment> comments = github.issueComments(REPO, pr);
    while (comments.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(50);
      comments = github.issueComments(REPO, pr);
    }
    return comments.stream().map(SignedMarkers::unsigned).toList();
  }
}
