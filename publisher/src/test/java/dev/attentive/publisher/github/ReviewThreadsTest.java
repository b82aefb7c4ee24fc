package dev.attentive.publisher.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.publisher.github.GitHubReviews.ExistingComment;
import dev.attentive.publisher.github.GitHubReviews.NewComment;
import dev.attentive.publisher.github.GitHubReviews.NewReview;
import dev.attentive.publisher.github.GitHubReviews.Reaction;
import dev.attentive.testkit.github.GitHubAppEmulation;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.NewReviewComment;
import dev.attentive.testkit.github.ReviewReply;
import dev.attentive.testkit.github.ReviewThread;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

/**
 * What the publisher does to its posted comments, through the kohsuke client and GraphQL, against
 * the emulator as a GitHub App: read back the posted comments' ids, list review threads, resolve
 * its own, reply, read reactions.
 */
class ReviewThreadsTest {

  static final String APP_ID = "5151";
  static final long INSTALLATION = 78L;
  static final String REPO = "acme/widgets";
  static final String HEAD = "6".repeat(40);
  static final String WIDGET = "src/main/java/com/acme/Widget.java";
  static final String BOT = "attentive[bot]";

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
        .file(WIDGET, "added", "@@ -0,0 +1,3 @@\n+class Widget {\n+  int x;\n+}")
        .register();
    gh.authenticatedUser(BOT);
    app =
        GitHubAppEmulation.enable(gh, APP_ID, keys.getPublic()).installation(INSTALLATION, "acme");
    reviews =
        new KohsukeGitHubReviews(
            new InstallationClients(GitHubCredentials.app(gh.baseUrl(), APP_ID, keys.getPrivate())),
            100);
  }

  @Test
  void theBotResolvesAndAnswersItsOwnThreadAndReadsReactions() throws Exception {
    gh.addReview(
        REPO, 5, "pr-author", "", List.of(NewReviewComment.of(WIDGET, 1, "the author's note")));
    GitHubReviews.PullRequest pr = reviews.pullRequest(REPO, 5, INSTALLATION);
    long reviewId =
        pr.createReview(
                new NewReview(
                    HEAD,
                    "summary",
                    List.of(
                        new NewComment(WIDGET, 2, 2, "first"),
                        new NewComment(WIDGET, 3, 3, "second"))))
            .id();

    List<ExistingComment> posted = pr.reviewComments(reviewId);
    assertThat(posted).extracting(ExistingComment::body).containsExactly("first", "second");
    long first = posted.get(0).id();

    List<GitHubReviews.ReviewThread> threads = pr.reviewThreads();
    assertThat(threads)
        .extracting(t -> t.commentIds().get(0), GitHubReviews.ReviewThread::firstAuthor)
        .containsExactly(
            tuple(gh.reviewsPosted(REPO, 5).get(0).comments().get(0).id(), "pr-author"),
            tuple(first, BOT),
            tuple(posted.get(1).id(), BOT));
    assertThat(threads).noneMatch(GitHubReviews.ReviewThread::resolved);
    // GraphQL goes as the installation, with its token
    assertThat(gh.requests("POST", "/graphql").get(0).header("Authorization"))
        .isEqualTo("token " + app.issuedTokens().get(0).token());

    pr.resolveThread(threads.get(1).id());
    pr.reply(first, "Resolved by Attentive: abc1234 changed the flagged lines.");

    ReviewThread ours = gh.threadOf(first);
    assertThat(ours.resolved()).isTrue();
    assertThat(ours.resolvedBy()).isEqualTo(BOT);
    assertThat(ours.commentIds()).hasSize(2).startsWith(first);
    assertThat(gh.reviewThreads(REPO, 5).get(0).resolved()).as("the author's thread").isFalse();
    assertThat(pr.reviewThreads().get(1).resolved()).isTrue();

    gh.react(first, "-1", "alice");
    gh.react(first, "-1", "alice"); // one per person and kind, as on GitHub
    gh.react(first, "+1", "bob");
    gh.react(first, "eyes", "carol");
    assertThat(pr.reactions(first))
        .extracting(Reaction::user, Reaction::content)
        .containsExactly(tuple("alice", "-1"), tuple("bob", "+1"), tuple("carol", "eyes"));
    assertThat(pr.reactions(posted.get(1).id())).isEmpty();
  }

  @Test
  void scriptedPeopleGetWhatTheirWebhooksCarry() throws Exception {
    GitHubReviews.PullRequest pr = reviews.pullRequest(REPO, 5, INSTALLATION);
    long reviewId =
        pr.createReview(new NewReview(HEAD, "s", List.of(new NewComment(WIDGET, 1, 2, "c")))).id();
    long comment = pr.reviewComments(reviewId).get(0).id();

    ReviewReply reply = gh.reply(comment, "alice", "I disagree");
    ReviewReply again = gh.reply(reply.id(), "bob", "me too"); // a reply to a reply: same thread
    assertThat(reply.inReplyToId()).isEqualTo(comment);
    assertThat(again.inReplyToId()).isEqualTo(comment);
    assertThat(reply.path()).isEqualTo(WIDGET);
    assertThat(reply.line()).isEqualTo(2);

    String threadId = gh.threadOf(comment).nodeId();
    assertThat(threadId).startsWith("PRRT_");
    ReviewThread resolved = gh.resolveThread(threadId, "alice");
    assertThat(resolved.resolvedBy()).isEqualTo("alice");
    assertThat(resolved.commentIds()).containsExactly(comment, reply.id(), again.id());
    assertThat(gh.unresolveThread(threadId, "bob").resolved()).isFalse();
    // replies are listed with the PR's review comments, as on GitHub
    assertThat(pr.comments()).extracting(ExistingComment::body).contains("I disagree", "me too");
  }

  @Test
  void graphQlFailuresAreSortedLikeRestOnes() throws Exception {
    GitHubReviews.PullRequest pr = reviews.pullRequest(REPO, 5, INSTALLATION);

    assertThatThrownBy(() -> pr.resolveThread("PRRT_kwnothere"))
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(GitHubFailure.isPermanent(e)).isTrue());

    gh.failNext("POST", "/graphql", 502, 1);
    assertThatThrownBy(pr::reviewThreads)
        .isInstanceOfSatisfying(
            HttpException.class,
            e ->
                assertThat(GitHubFailure.classify(e, Duration.ZERO, Clock.systemUTC()).kind())
                    .isEqualTo(GitHubFailure.Kind.TRANSIENT));

    gh.secondaryRateLimitNext("POST", "/graphql", 7, 1);
    assertThatThrownBy(pr::reviewThreads)
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              GitHubFailure failure = GitHubFailure.classify(e, Duration.ZERO, Clock.systemUTC());
              assertThat(failure.kind()).isEqualTo(GitHubFailure.Kind.RATE_LIMITED);
              assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
            });

    // an installation token GitHub no longer takes is renewed once, as for REST
    app.expireAllTokens();
    assertThat(pr.reviewThreads()).isEmpty();
    assertThat(app.tokenExchanges()).isEqualTo(2);
  }
}
