package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.BOT;
import static dev.attentive.publisher.review.Fixtures.MARKERS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventJson;
import dev.attentive.events.PostedFingerprints;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import dev.attentive.github.call.FakeTicker;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.publisher.github.GitHubReviews;
import dev.attentive.settings.RepositorySettingsParser;
import dev.attentive.testkit.golden.Golden;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What a pull request's author reads, as golden files: each case in {@code
 * src/test/resources/golden/review/<case>/} holds the {@link Review} the reviewer emitted ({@code
 * review.json}), optionally the repository's {@code .attentive.yml} and a {@code
 * publisher.properties} (the deployment's {@code attentive.publisher.review.max-inline-comments}
 * and {@code .max-body-chars}, and {@code golden.already-posted}: fingerprints already on the pull
 * request), a {@code learning.json} (the repository's {@link RepositoryLearning}: muted rules), and
 * beside them what the publisher sends to GitHub: {@code review-body.md}, {@code
 * inline-comments.md} and {@code conversation.md}.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change
 * of wording, then read the change with {@code git diff}. See {@code golden/README.md}.
 */
class ReviewGoldenTest {

  static final String MAX_INLINE = "attentive.publisher.review.max-inline-comments";
  static final String MAX_BODY = "attentive.publisher.review.max-body-chars";
  static final String ALREADY_POSTED = "golden.already-posted";

  @TestFactory
  Stream<DynamicTest> everyCase() {
    return Golden.cases("review").stream()
        .map(name -> DynamicTest.dynamicTest(name, () -> verify(name)));
  }

  /** Records the review and the conversation comments as GitHub would receive them. */
  static final class RecordingGitHub implements GitHubReviews, GitHubReviews.PullRequest {
    final List<NewReview> reviews = new ArrayList<>();
    final List<String> conversation = new ArrayList<>();

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
      reviews.add(review);
      return new CreatedReview(
          reviews.size(), "https://github.com/o/r/pull/1#pullrequestreview-" + reviews.size());
    }

    @Override
    public List<ExistingComment> conversation() {
      List<ExistingComment> out = new ArrayList<>();
      conversation.forEach(body -> out.add(new ExistingComment(out.size(), null, BOT, body)));
      return out;
    }

    @Override
    public void comment(String body) {
      conversation.add(body);
    }
  }

  /** The publisher posts what the case's golden files say. */
  static void verify(String name) throws Exception {
    Golden golden = Golden.of(name);
    Properties config = new Properties();
    if (golden.exists("publisher.properties")) {
      config.load(new StringReader(golden.read("publisher.properties")));
    }
    Review review = EventJson.mapper().readValue(golden.read("review.json"), Review.class);
    if (golden.exists(".attentive.yml")) {
      review =
          withSettings(
              review,
              RepositorySettingsParser.parse(
                  golden.read(".attentive.yml"),
                  review.repository() + "@main:" + RepositorySettings.FILE));
    }
    int maxInline = Integer.parseInt(config.getProperty(MAX_INLINE, "25"));
    int maxBody =
        Integer.parseInt(
            config.getProperty(MAX_BODY, String.valueOf(ReviewBodies.GITHUB_MAX_BODY)));
    List<String> alreadyPosted =
        Arrays.stream(config.getProperty(ALREADY_POSTED, "").split(","))
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .toList();
    PostedFingerprints known =
        new PostedFingerprints(
            PostedFingerprints.SCHEMA_VERSION,
            review.repository(),
            review.pullRequestNumber(),
            alreadyPosted,
            List.of());

    RecordingGitHub github = new RecordingGitHub();
    FakeTicker ticker = new FakeTicker();
    GitHubCalls calls = Fixtures.calls(ticker);
    new ReviewPublisher(
            github,
            calls,
            new ReviewPlanner(maxInline),
            new ReviewBodies(maxBody, maxInline, MARKERS),
            MARKERS,
            10)
        .publish(review, known, learning(golden));

    assertThat(github.reviews).as("reviews posted").hasSizeLessThanOrEqualTo(1);
    GitHubReviews.NewReview posted = github.reviews.isEmpty() ? null : github.reviews.get(0);
    golden.verify("review-body.md", posted == null ? "(no review posted)\n" : posted.body() + "\n");
    golden.verify("inline-comments.md", inlineComments(posted));
    golden.verify(
        "conversation.md",
        github.conversation.isEmpty()
            ? "(no comments on the conversation)\n"
            : String.join("\n\n==> next comment\n", github.conversation) + "\n");
  }

  /** The case's {@code learning.json} (what the repository taught Attentive), or null. */
  static RepositoryLearning learning(Golden golden) throws Exception {
    return golden.exists("learning.json")
        ? EventJson.mapper().readValue(golden.read("learning.json"), RepositoryLearning.class)
        : null;
  }

  /** Each comment under a {@code ==> path:lines} line, in posting order. */
  static String inlineComments(GitHubReviews.NewReview review) {
    if (review == null || review.comments().isEmpty()) {
      return "(no inline comments)\n";
    }
    StringBuilder out = new StringBuilder();
    for (GitHubReviews.NewComment c : review.comments()) {
      if (!out.isEmpty()) {
        out.append("\n");
      }
      out.append("==> ").append(c.path()).append(':').append(c.startLine());
      if (c.multiLine()) {
        out.append('-').append(c.line());
      }
      out.append("\n").append(c.body()).append("\n");
    }
    return out.toString();
  }

  static Review withSettings(Review r, RepositorySettings settings) {
    return new Review(
        r.schemaVersion(),
        r.deliveryId(),
        r.repository(),
        r.pullRequestNumber(),
        r.baseSha(),
        r.headSha(),
        r.installationId(),
        r.trigger(),
        r.filesReviewed(),
        r.suggestions(),
        r.anchors(),
        r.notes(),
        r.completedAt(),
        settings);
  }
}
