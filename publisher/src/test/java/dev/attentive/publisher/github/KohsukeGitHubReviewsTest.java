package dev.attentive.publisher.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.publisher.github.GitHubReviews.ExistingComment;
import dev.attentive.publisher.github.GitHubReviews.ExistingReview;
import dev.attentive.publisher.github.GitHubReviews.NewComment;
import dev.attentive.publisher.github.GitHubReviews.NewReview;
import dev.attentive.testkit.github.GitHubAppEmulation;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.NewReviewComment;
import dev.attentive.testkit.github.RecordedRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

/**
 * The publisher's GitHub calls as a GitHub App: an installation token GitHub no longer takes is
 * renewed once.
 */
class KohsukeGitHubReviewsTest {

  static final String APP_ID = "5150";
  static final long INSTALLATION = 77L;
  static final String REPO = "acme/widgets";
  static final String REVIEWS = "/repos/acme/widgets/pulls/5/reviews";
  static final String HEAD = "5".repeat(40);
  static final String WIDGET = "src/main/java/com/acme/Widget.java";

  static GitHubEmulator gh;
  static KeyPair keys;

  GitHubAppEmulation app;
  GitHubReviews reviews;

  @BeforeAll
  static void start() throws Exception {
    gh = GitHubEmulator.start();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
  }

  @AfterAll
  static void stop() {
    gh.close();
  }

  @BeforeEach
  void setUp() {
    gh.reset();
    gh.pullRequest(REPO, 5)
        .head(HEAD)
        .clearFiles()
        .file(WIDGET, "added", "@@ -0,0 +1,2 @@\n+class Widget {\n+}")
        .register();
    app =
        GitHubAppEmulation.enable(gh, APP_ID, keys.getPublic()).installation(INSTALLATION, "acme");
    reviews =
        new KohsukeGitHubReviews(
            new InstallationClients(GitHubCredentials.app(gh.baseUrl(), APP_ID, keys.getPrivate())),
            100);
  }

  @Test
  void anExpiredInstallationTokenIsRenewedAndTheReviewPostedOnce() throws Exception {
    GitHubReviews.PullRequest pr = reviews.pullRequest(REPO, 5, INSTALLATION);
    assertThat(pr.reviews()).isEmpty();
    assertThat(app.tokenExchanges()).isEqualTo(1);

    app.expireAllTokens();
    pr.createReview(
        new NewReview(HEAD, "summary", List.of(new NewComment(WIDGET, 1, 2, "a comment"))));

    assertThat(gh.reviewsPosted(REPO, 5))
        .singleElement()
        .satisfies(posted -> assertThat(posted.body()).isEqualTo("summary"));
    assertThat(app.tokenExchanges()).as("the expired token was renewed once").isEqualTo(2);
    List<RecordedRequest> posts = gh.requests("POST", REVIEWS);
    assertThat(posts).hasSize(2);
    assertThat(posts.get(1).header("Authorization"))
        .isEqualTo("token " + app.issuedTokens().get(1).token());

    // the renewed client is kept: no more exchanges
    assertThat(pr.reviews()).hasSize(1);
    assertThat(reviews.pullRequest(REPO, 5, INSTALLATION).comments()).hasSize(1);
    assertThat(app.tokenExchanges()).isEqualTo(2);
  }

  @Test
  void a401AfterTheRenewalIsThrownAndPermanent() throws Exception {
    GitHubReviews.PullRequest pr = reviews.pullRequest(REPO, 5, INSTALLATION);
    gh.failNext("GET", REVIEWS, 401, 2);

    assertThatThrownBy(pr::reviews)
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.getResponseCode()).isEqualTo(401);
              assertThat(GitHubFailure.isPermanent(e)).isTrue();
            });
    assertThat(gh.requestCount("GET", REVIEWS)).isEqualTo(2);
    assertThat(app.tokenExchanges()).isEqualTo(2);
  }

  @Test
  void eachReviewAndCommentSaysWhoWroteItAndTheAppKnowsItsOwnLogin() throws Exception {
    gh.authenticatedUser("attentive[bot]"); // whom GitHub shows on what an installation posts
    gh.addReview(
        REPO,
        5,
        "pr-author",
        "by the author",
        List.of(NewReviewComment.of(WIDGET, 1, "the author's comment")));
    GitHubReviews.PullRequest pr = reviews.pullRequest(REPO, 5, INSTALLATION);
    pr.createReview(
        new NewReview(HEAD, "by the bot", List.of(new NewComment(WIDGET, 1, 1, "bot's comment"))));
    pr.comment("on the conversation");

    assertThat(pr.reviews())
        .extracting(ExistingReview::author, ExistingReview::body)
        .containsExactly(
            tuple("pr-author", "by the author"), tuple("attentive[bot]", "by the bot"));
    assertThat(pr.comments())
        .extracting(ExistingComment::author, ExistingComment::body)
        .containsExactly(
            tuple("pr-author", "the author's comment"), tuple("attentive[bot]", "bot's comment"));
    assertThat(pr.conversation())
        .extracting(ExistingComment::author, ExistingComment::body)
        .containsExactly(tuple("attentive[bot]", "on the conversation"));
    // GET /app (with the App's JWT): the slug, as GitHub names the App's bot user
    assertThat(reviews.botLogin()).isEqualTo("attentive[bot]");
    assertThat(reviews.botLogin()).isEqualTo("attentive[bot]");
    assertThat(gh.requestCount("GET", "/app")).isEqualTo(2); // the token exchange's, and ours
  }

  @Test
  void withATokenTheBotIsTheTokensUserUnlessALoginIsConfigured() throws Exception {
    gh.reset();
    gh.requireToken("ghp_t");
    gh.authenticatedUser("attentive-bot");
    InstallationClients clients =
        new InstallationClients(GitHubCredentials.token(gh.baseUrl(), "ghp_t"));

    assertThat(new KohsukeGitHubReviews(clients, 100).botLogin()).isEqualTo("attentive-bot");
    assertThat(new KohsukeGitHubReviews(clients, 100).botLogin()).isEqualTo("attentive-bot");
    assertThat(gh.requestCount("GET", "/user")).isEqualTo(1); // asked once
    assertThat(new KohsukeGitHubReviews(clients, 100, " Our-Bot ").botLogin()).isEqualTo("Our-Bot");
    assertThat(gh.requestCount("GET", "/user")).isEqualTo(1);
  }
}
