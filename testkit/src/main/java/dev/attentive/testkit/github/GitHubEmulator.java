package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * A local GitHub REST API on WireMock, answering with GitHub's JSON shapes and headers, for
 * integration tests and the local demo stack. Point {@code org.kohsuke:github-api} (or any HTTP
 * client) at {@link #baseUrl()}:
 *
 * <pre>{@code
 * try (GitHubEmulator gh = GitHubEmulator.start()) {
 *   gh.pullRequest("octo/repo", 7).head(sha).title("Fix").file("A.java", "modified", patch).register();
 *   GitHub client = new GitHubBuilder().withEndpoint(gh.baseUrl()).withOAuthToken("t").build();
 *   client.getRepository("octo/repo").getPullRequest(7).listFiles().toList();
 * }
 * }</pre>
 *
 * <p>Served out of the box: {@code GET /user}, {@code GET /users/{login}}, {@code GET /rate_limit};
 * per registered pull request {@code GET /repos/{o}/{r}}, {@code GET /repos/{o}/{r}/pulls/{n}} and
 * {@code GET /repos/{o}/{r}/pulls/{n}/files} (paginated like GitHub: {@code per_page} default 30,
 * max 100, {@code page}, a {@code Link} header with {@code prev}/{@code next}/{@code last}/{@code
 * first}; at most 3,000 files are ever listed). Anything else answers 404 {@code {"message":"Not
 * Found",...}}. Every stub response carries GitHub's JSON content type, {@code X-GitHub-Media-Type}
 * and {@code X-RateLimit-*} headers.
 *
 * <p>Reviews, per registered pull request: {@code POST /repos/{o}/{r}/pulls/{n}/reviews} records a
 * review and its comments and answers GitHub's review object — or, like GitHub, refuses the whole
 * review with 422 {@code {"message":"Unprocessable Entity","errors":["Line could not be
 * resolved"],...}} when a comment's {@code line} (or {@code start_line}..{@code line}, which must
 * lie in one hunk) is not a line of that file's registered patch on its {@code side} (RIGHT, the
 * head, when none is sent: context and added lines), and records nothing. {@code GET
 * .../pulls/{n}/reviews} and {@code GET .../pulls/{n}/comments} list what was recorded, paginated
 * like the files list. {@link #reviewsPosted} reads them back; {@link #addReview} adds history
 * without validation.
 *
 * <p>Conversations: {@code GET /repos/{o}/{r}/collaborators/{user}/permission} answers what {@link
 * #permission} set (GitHub's {@code read} for anyone else); {@code POST
 * /repos/{o}/{r}/issues/{n}/comments} records a comment and answers GitHub's issue comment object,
 * {@code GET} of the same path lists them; {@link #issueComments} reads them back. Repository
 * files: {@link RepositoryContents}; git data (branches, trees, blobs): {@link #repository}.
 *
 * <p>GitHub App authentication (App JWTs, installation tokens): {@link GitHubAppEmulation}, built
 * on {@link #serve} and {@link #requireCredentials}.
 *
 * <p>Each GitHub area is one class, wired into WireMock here: {@link PullsEndpoints} (pull
 * requests, files), {@link ReviewsEndpoints}, {@link IssueCommentsEndpoints}, {@link
 * CollaboratorsEndpoints}, {@link UsersEndpoints}, {@link RateLimitEndpoints} (with GitHub's
 * headers on every response), {@link CredentialRequirements}, {@link FailureInjection} and the
 * {@link RequestJournal}; contents and App authentication build on the public API.
 *
 * <p>Stub precedence (WireMock priority, lower wins): {@code requireToken}/{@code
 * requireCredentials} 401s (1) &gt; {@code failNext} and {@code secondaryRateLimitNext} (2; of
 * several pending on one path, the one added last answers first) &gt; emulator stubs and, by
 * default, stubs added through {@link #wireMock()} (5) &gt; the 404 catch-all (1000).
 */
public final class GitHubEmulator implements AutoCloseable {

  /** GitHub lists at most this many files of a pull request; the rest are never returned. */
  public static final int MAX_LISTED_FILES = PullsEndpoints.MAX_LISTED_FILES;

  public static final int DEFAULT_PER_PAGE = Pagination.DEFAULT_PER_PAGE;
  public static final int MAX_PER_PAGE = Pagination.MAX_PER_PAGE;
  public static final int RATE_LIMIT = RateLimitEndpoints.LIMIT;

  private final WireMockServer server;
  private final Handlers handlers = new Handlers();
  private final Stubs stubs;
  private final RequestJournal journal;
  private final RateLimitEndpoints rateLimit = new RateLimitEndpoints();
  private final UsersEndpoints users = new UsersEndpoints();
  private final CredentialRequirements credentials;
  private final FailureInjection failures = new FailureInjection();
  private final ReviewsEndpoints reviews;
  private final PullsEndpoints pulls;
  private final CollaboratorsEndpoints collaborators;
  private final IssueCommentsEndpoints issueComments;
  private final GitDataEndpoints gitData;
  private final ReviewThreadsEndpoints threads;
  private final CompareEndpoints compare;

  private GitHubEmulator(int port) {
    RequestJournal.Counter counter = new RequestJournal.Counter();
    WireMockConfiguration config =
        options()
            .bindAddress("127.0.0.1")
            .notifier(new ConsoleNotifier(false))
            .templatingEnabled(false)
            .extensions(handlers, rateLimit.headers(), failures.slowness(), counter);
    server = new WireMockServer(port == 0 ? config.dynamicPort() : config.port(port));
    server.start();
    stubs = new Stubs(server, handlers);
    journal = new RequestJournal(server, counter);
    credentials = new CredentialRequirements(stubs);
    failures.attach(stubs);
    reviews = new ReviewsEndpoints(stubs, users);
    pulls = new PullsEndpoints(stubs, reviews);
    collaborators = new CollaboratorsEndpoints(stubs);
    issueComments = new IssueCommentsEndpoints(stubs, users);
    gitData = new GitDataEndpoints(stubs);
    threads = new ReviewThreadsEndpoints(stubs, users, reviews.store());
    compare = new CompareEndpoints(stubs);
    installDefaults();
  }

  /** Starts on a free port of 127.0.0.1. */
  public static GitHubEmulator start() {
    return new GitHubEmulator(0);
  }

  /** Starts on the given port of 127.0.0.1 (0 picks a free one). */
  public static GitHubEmulator start(int port) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port);
    }
    return new GitHubEmulator(port);
  }

  /**
   * The API root, e.g. {@code http://127.0.0.1:12345} — what {@code GitHubBuilder.withEndpoint}
   * takes.
   */
  public String baseUrl() {
    return stubs.baseUrl();
  }

  public int port() {
    return server.port();
  }

  /** The underlying WireMock server, for stubs the emulator does not provide (e.g. check runs). */
  public WireMockServer wireMock() {
    return server;
  }

  /**
   * The fixture for {@code owner/repo} #{@code number}: a new one, or the one already known
   * (registered or not). Nothing is served until {@link PullRequestFixture#register()}.
   */
  public PullRequestFixture pullRequest(String ownerRepo, int number) {
    return pulls.pullRequest(ownerRepo, number);
  }

  /**
   * The git data of {@code owner/repo} (branches, trees, blobs; see {@link RepositoryFixture}): a
   * new fixture, or the one already known. Nothing is served until its first {@link
   * RepositoryFixture#commit()}.
   */
  public RepositoryFixture repository(String ownerRepo) {
    return gitData.repository(ownerRepo);
  }

  /** Commits to compare ({@code GET /repos/{o}/{r}/compare/{base}...{head}}). */
  public CompareEndpoints compare() {
    return compare;
  }

  /** The login {@code GET /user} answers with (default {@code octocat}). */
  public void authenticatedUser(String login) {
    users.login(login);
  }

  /**
   * Requires {@code Authorization: token <token>} or {@code Authorization: Bearer <token>} on every
   * request; others get 401 {@code {"message":"Bad credentials",...}}. {@code null} lifts the
   * requirement.
   */
  public void requireToken(String token) {
    credentials.requireToken(token);
  }

  /**
   * Requires credentials that {@code check} accepts, given the request path and its {@code
   * Authorization} header (null when absent), on every request; others get 401 {@code
   * {"message":"Bad credentials",...}}. While a token set with {@link #requireToken(String)} is
   * also required, a request carrying that token passes too. {@code null} lifts this requirement
   * ({@link #requireToken(String)}, if set, applies alone again). Used by {@link
   * GitHubAppEmulation} to accept issued installation tokens.
   */
  public void requireCredentials(BiPredicate<String, String> check) {
    credentials.requireCredentials(check);
  }

  /** The token set with {@link #requireToken(String)}, or null. */
  public String requiredToken() {
    return credentials.requiredToken();
  }

  /**
   * Answers matching requests with {@code handler} (at the priority of the emulator's own stubs;
   * {@code failNext} and the credential requirements come first): for GitHub endpoints the emulator
   * does not serve itself.
   */
  public void serve(
      String method, String urlPathRegex, Function<RecordedRequest, EmulatedResponse> handler) {
    stubs.serve(method, urlPathRegex, handler);
  }

  /**
   * The permission {@code GET /repos/{o}/{r}/collaborators/{login}/permission} answers for the
   * user: {@code admin}, {@code maintain} (answered as GitHub does: {@code "permission": "write"},
   * {@code "role_name": "maintain"}), {@code write}, {@code triage} (answered as {@code read}),
   * {@code read} or {@code none}. Users not set get {@code read}, as on a public repository.
   */
  public void permission(String ownerRepo, String login, String permission) {
    collaborators.permission(ownerRepo, login, permission);
  }

  /** The comments posted on a pull request's conversation, oldest first. */
  public List<PostedIssueComment> issueComments(String ownerRepo, int number) {
    return issueComments.comments(ownerRepo, number);
  }

  /**
   * The next {@code times} requests with this method ({@code GET}, …, or {@code ANY}) whose path
   * fully matches {@code urlPathRegex} answer {@code status} with a GitHub error body; later ones
   * are served normally.
   */
  public void failNext(String method, String urlPathRegex, int status, int times) {
    failures.failNext(method, urlPathRegex, status, times);
  }

  /**
   * The next {@code times} matching requests answer GitHub's secondary rate limit: 403 with a
   * {@code Retry-After} header of {@code retryAfterSeconds} and GitHub's message (the primary
   * limit's {@code X-RateLimit-Remaining} is not exhausted); nothing is recorded. Later ones are
   * served normally.
   */
  public void secondaryRateLimitNext(
      String method, String urlPathRegex, int retryAfterSeconds, int times) {
    failures.secondaryRateLimitNext(method, urlPathRegex, retryAfterSeconds, times);
  }

  /**
   * Every request with this method ({@code ANY} for all) whose path fully matches {@code
   * urlPathRegex} meets {@code fault} until the returned storm is cleared: a burst of 500s or 502s,
   * GitHub's secondary rate limit (403, or 429) with {@code Retry-After}, dropped connections, or
   * slow answers (the request is served — a review is recorded — and answered only after the
   * fault's delay, so a client that timed out never learns its write happened).
   */
  public Storm storm(GitHubFault fault, String method, String urlPathRegex) {
    return new Storm(fault, failures.storm(fault, method, urlPathRegex));
  }

  /** The next {@code times} matching requests meet {@code fault} (any kind but {@code SLOW}). */
  public void faultNext(GitHubFault fault, String method, String urlPathRegex, int times) {
    failures.faultNext(fault, method, urlPathRegex, times);
  }

  /** A fault that lasts until {@link #clear()}ed; clearing twice is harmless. */
  public static final class Storm implements AutoCloseable {
    private final GitHubFault fault;
    private final Runnable clear;
    private boolean cleared;

    private Storm(GitHubFault fault, Runnable clear) {
      this.fault = fault;
      this.clear = clear;
    }

    public GitHubFault fault() {
      return fault;
    }

    public synchronized void clear() {
      if (!cleared) {
        cleared = true;
        clear.run();
      }
    }

    @Override
    public void close() {
      clear();
    }
  }

  /**
   * How many requests with this method ({@code ANY} for all) had a path fully matching the regex.
   */
  public int requestCount(String method, String urlPathRegex) {
    return journal.count(method, urlPathRegex);
  }

  /** The matching requests from the journal, oldest first. */
  public List<RecordedRequest> requests(String method, String urlPathRegex) {
    return journal.requests(method, urlPathRegex);
  }

  /** When the matching requests arrived (millisecond precision), oldest first. */
  public List<Instant> requestTimes(String method, String urlPathRegex) {
    return journal.times(method, urlPathRegex);
  }

  /**
   * The reviews of a pull request, oldest first, as recorded: posted through the API (accepted ones
   * only; a review refused with 422 is not there) or added with {@link #addReview}.
   */
  public List<PostedReview> reviewsPosted(String ownerRepo, int number) {
    return reviews.posted(ownerRepo, number);
  }

  /**
   * Adds a submitted ({@code COMMENTED}) review with comments to a registered pull request as if it
   * had been posted earlier, by {@code login}, on the current head: no validation (old comments may
   * sit on lines the current diff no longer has). For restart tests: what a bot posted before it
   * lost its state.
   */
  public PostedReview addReview(
      String ownerRepo, int number, String login, String body, List<NewReviewComment> comments) {
    return reviews.add(ownerRepo, number, login, body, comments);
  }

  // ---------------------------------------------------------------- people on review comments
  // (ReviewThreadsEndpoints: GraphQL review threads, replies, reactions)

  /**
   * A person reacts to a review comment ({@code "+1"}, {@code "-1"}, ...; one per person and kind,
   * as on GitHub). GitHub sends no webhook for reactions: a bot reads them through {@code GET
   * /repos/{o}/{r}/pulls/comments/{id}/reactions}.
   */
  public CommentReaction react(long commentId, String content, String user) {
    return threads.react(commentId, content, user);
  }

  /**
   * A person resolves a review thread (its {@code PRRT_...} node id, see {@link #threadOf}): what a
   * {@code pull_request_review_thread} webhook ({@code action: resolved}) carries is the returned
   * thread — node id, its comment ids, who resolved it.
   */
  public ReviewThread resolveThread(String threadId, String user) {
    return threads.resolve(threadId, user, true);
  }

  /** A person opens a resolved thread again ({@code action: unresolved}). */
  public ReviewThread unresolveThread(String threadId, String user) {
    return threads.resolve(threadId, user, false);
  }

  /**
   * A person replies to a review comment (in its thread): what a {@code
   * pull_request_review_comment} webhook ({@code action: created}, {@code in_reply_to_id}) carries.
   */
  public ReviewReply reply(long commentId, String user, String text) {
    return threads.reply(commentId, user, text);
  }

  /** The review threads of a pull request, oldest first (a top-level comment and its replies). */
  public List<ReviewThread> reviewThreads(String ownerRepo, int number) {
    return threads.threads(ownerRepo, number);
  }

  /** The thread a review comment belongs to, or null when there is no such comment. */
  public ReviewThread threadOf(long commentId) {
    return threads.threadOf(commentId);
  }

  /** The reactions on a review comment, oldest first. */
  public List<CommentReaction> reactions(long commentId) {
    return threads.reactions(commentId);
  }

  /**
   * Back to the freshly started state: forgets pull requests, the token requirement, pending
   * failures, the request journal, stubs added through {@link #wireMock()} and rate-limit usage.
   */
  public synchronized void reset() {
    server.resetAll();
    journal.reset();
    handlers.clear();
    pulls.reset();
    reviews.reset();
    credentials.reset();
    collaborators.reset();
    issueComments.reset();
    gitData.reset();
    threads.reset();
    compare.reset();
    users.reset();
    rateLimit.reset();
    failures.reset();
    installDefaults();
  }

  @Override
  public void close() {
    server.stop();
  }

  private void installDefaults() {
    users.install(stubs);
    rateLimit.install(stubs);
    pulls.install();
    reviews.install();
    collaborators.install();
    issueComments.install();
    gitData.install();
    threads.install();
    compare.install();
    stubs.installNotFound();
  }
}
