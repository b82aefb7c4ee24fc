package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.request;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.ConsoleNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local GitHub REST API on WireMock, answering with GitHub's JSON shapes and headers, for integration tests and the
 * local demo stack. Point {@code org.kohsuke:github-api} (or any HTTP client) at {@link #baseUrl()}:
 *
 * <pre>{@code
 * try (GitHubEmulator gh = GitHubEmulator.start()) {
 *   gh.pullRequest("octo/repo", 7).head(sha).title("Fix").file("A.java", "modified", patch).register();
 *   GitHub client = new GitHubBuilder().withEndpoint(gh.baseUrl()).withOAuthToken("t").build();
 *   client.getRepository("octo/repo").getPullRequest(7).listFiles().toList();
 * }
 * }</pre>
 *
 * <p>Served out of the box: {@code GET /user}, {@code GET /users/{login}}, {@code GET /rate_limit}; per registered
 * pull request {@code GET /repos/{o}/{r}}, {@code GET /repos/{o}/{r}/pulls/{n}} and
 * {@code GET /repos/{o}/{r}/pulls/{n}/files} (paginated like GitHub: {@code per_page} default 30, max 100, {@code page}, a {@code Link} header with
 * {@code prev}/{@code next}/{@code last}/{@code first}; at most 3,000 files are ever listed). Anything else answers
 * 404 {@code {"message":"Not Found",...}}. Every stub response carries GitHub's JSON content type,
 * {@code X-GitHub-Media-Type} and {@code X-RateLimit-*} headers.
 *
 * <p>Reviews, per registered pull request: {@code POST /repos/{o}/{r}/pulls/{n}/reviews} records a review and its
 * comments and answers GitHub's review object — or, like GitHub, refuses the whole review with 422
 * {@code {"message":"Unprocessable Entity","errors":["Line could not be resolved"],...}} when a comment's
 * {@code line} (or {@code start_line}..{@code line}, which must lie in one hunk) is not a line of that file's
 * registered patch on its {@code side} (RIGHT, the head, when none is sent: context and added lines), and records
 * nothing. {@code GET .../pulls/{n}/reviews} and {@code GET .../pulls/{n}/comments} list what was recorded, paginated
 * like the files list. {@link #reviewsPosted} reads them back; {@link #addReview} adds history without validation.
 *
 * <p>Conversations: {@code GET /repos/{o}/{r}/collaborators/{user}/permission} answers what {@link #permission} set
 * (GitHub's {@code read} for anyone else); {@code POST /repos/{o}/{r}/issues/{n}/comments} records a comment and
 * answers GitHub's issue comment object, {@code GET} of the same path lists them; {@link #issueComments} reads them
 * back. Repository files: {@link RepositoryContents}.
 *
 * <p>GitHub App authentication (App JWTs, installation tokens): {@link GitHubAppEmulation}, built on
 * {@link #serve} and {@link #requireCredentials}.
 *
 * <p>Stub precedence (WireMock priority, lower wins): {@code requireToken}/{@code requireCredentials} 401s (1) &gt; {@code failNext} and
 * {@code secondaryRateLimitNext} (2; of several pending on one path, the one added last answers first) &gt;
 * emulator stubs and, by default, stubs added through {@link #wireMock()} (5) &gt; the 404 catch-all (1000).
 */
public final class GitHubEmulator implements AutoCloseable {

  /** GitHub lists at most this many files of a pull request; the rest are never returned. */
  public static final int MAX_LISTED_FILES = 3000;
  public static final int DEFAULT_PER_PAGE = 30;
  public static final int MAX_PER_PAGE = 100;
  public static final int RATE_LIMIT = 5000;

  private static final String FILES_TRANSFORMER = "attentive-github-pr-files";
  private static final String RATE_LIMIT_TRANSFORMER = "attentive-github-rate-limit";
  private static final String HEADERS_TRANSFORMER = "attentive-github-headers";
  private static final String CREATE_REVIEW_TRANSFORMER = "attentive-github-create-review";
  private static final String LIST_REVIEWS_TRANSFORMER = "attentive-github-list-reviews";
  private static final String USERS_TRANSFORMER = "attentive-github-users";
  private static final String HANDLER_TRANSFORMER = "attentive-github-handler";
  private static final String PULL_PATH = "/repos/([^/]+)/([^/]+)/pulls/([0-9]+)";
  private static final Pattern REVIEWS_PATH = Pattern.compile(PULL_PATH + "/(reviews|comments)");
  private static final String SECONDARY_RATE_LIMIT_MESSAGE = "You have exceeded a secondary rate limit. Please wait a"
      + " few minutes before you try again. If you reach out to GitHub Support for help, please include the request"
      + " ID %s.";
  private static final String SECONDARY_RATE_LIMIT_DOCS = "https://docs.github.com/free-pro-team@latest/rest/"
      + "overview/rate-limits-for-the-rest-api#about-secondary-rate-limits";
  private static final String JSON = "application/json; charset=utf-8";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
  private static final int PRIORITY_AUTH = 1;
  private static final int PRIORITY_FAILURE = 2;
  private static final int PRIORITY_STUB = 5;
  private static final int PRIORITY_NOT_FOUND = 1000;
  private static final UUID AUTH_ABSENT_STUB = UUID.nameUUIDFromBytes("auth:absent".getBytes(StandardCharsets.UTF_8));
  private static final UUID AUTH_WRONG_STUB = UUID.nameUUIDFromBytes("auth:wrong".getBytes(StandardCharsets.UTF_8));
  private static final UUID AUTH_CHECK_STUB = UUID.nameUUIDFromBytes("auth:check".getBytes(StandardCharsets.UTF_8));

  private final WireMockServer server;
  private final String baseUrl;
  private final GitHubJson json;
  private final ReviewStore reviews;
  private final Map<String, PullRequestFixture> pulls = new ConcurrentHashMap<>();
  /** "owner/repo#n" → the (capped) files list as served. */
  private final Map<String, List<ObjectNode>> fileLists = new ConcurrentHashMap<>();
  private final AtomicInteger failureScenarios = new AtomicInteger();
  private volatile String authenticatedLogin = "octocat";
  private volatile String requiredToken;
  /** (path, Authorization header or null) → accepted; null when {@link #requireCredentials} is not in force. */
  private volatile BiPredicate<String, String> credentialCheck;
  private final Map<String, Function<RecordedRequest, EmulatedResponse>> handlers = new ConcurrentHashMap<>();
  private final AtomicInteger handlerIds = new AtomicInteger();
  /** "owner/repo:login" → "admin", "write", "read", "none". */
  private final Map<String, String> permissions = new ConcurrentHashMap<>();
  /** "owner/repo#n" → comments on the conversation, oldest first. */
  private final Map<String, List<PostedIssueComment>> issueComments = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong issueCommentIds = new java.util.concurrent.atomic.AtomicLong(
      900_000_000L);
  private int rateUsed;
  /** Requests received; WireMock journals each only after answering it, so the journal can lag behind. */
  private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();
  private long rateReset;

  private GitHubEmulator(int port) {
    WireMockConfiguration config = options()
        .bindAddress("127.0.0.1")
        .notifier(new ConsoleNotifier(false))
        .templatingEnabled(false)
        .extensions(new FilesTransformer(), new RateLimitTransformer(), new HeadersTransformer(),
            new CreateReviewTransformer(), new ListReviewsTransformer(), new UsersTransformer(),
            new HandlerTransformer(), new CountingFilter());
    server = new WireMockServer(port == 0 ? config.dynamicPort() : config.port(port));
    server.start();
    baseUrl = "http://127.0.0.1:" + server.port();
    json = new GitHubJson(baseUrl);
    reviews = new ReviewStore(json, baseUrl);
    resetRateLimit();
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

  /** The API root, e.g. {@code http://127.0.0.1:12345} — what {@code GitHubBuilder.withEndpoint} takes. */
  public String baseUrl() {
    return baseUrl;
  }

  public int port() {
    return server.port();
  }

  /** The underlying WireMock server, for stubs the emulator does not provide (e.g. check runs). */
  public WireMockServer wireMock() {
    return server;
  }

  /**
   * The fixture for {@code owner/repo} #{@code number}: a new one, or the one already known (registered or not).
   * Nothing is served until {@link PullRequestFixture#register()}.
   */
  public PullRequestFixture pullRequest(String ownerRepo, int number) {
    String[] parts = Objects.requireNonNull(ownerRepo, "ownerRepo").split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("expected owner/repo, got " + ownerRepo);
    }
    if (number < 1) {
      throw new IllegalArgumentException("pull request numbers start at 1");
    }
    return pulls.computeIfAbsent(key(ownerRepo, number),
        k -> new PullRequestFixture(this, parts[0], parts[1], number));
  }

  /** The login {@code GET /user} answers with (default {@code octocat}). */
  public void authenticatedUser(String login) {
    authenticatedLogin = Objects.requireNonNull(login, "login");
    installUser();
  }

  /**
   * Requires {@code Authorization: token <token>} or {@code Authorization: Bearer <token>} on every request; others
   * get 401 {@code {"message":"Bad credentials",...}}. {@code null} lifts the requirement.
   */
  public synchronized void requireToken(String token) {
    removeIfPresent(AUTH_ABSENT_STUB);
    removeIfPresent(AUTH_WRONG_STUB);
    requiredToken = token;
    if (token == null) {
      return;
    }
    ResponseDefinitionBuilder badCredentials = json(401, GitHubJson.write(GitHubJson.error("Bad credentials")));
    server.stubFor(any(anyUrl()).withId(AUTH_ABSENT_STUB).atPriority(PRIORITY_AUTH)
        .withHeader("Authorization", absent())
        .andMatching(r -> MatchResult.of(credentialCheck == null))
        .willReturn(badCredentials));
    server.stubFor(any(anyUrl()).withId(AUTH_WRONG_STUB).atPriority(PRIORITY_AUTH)
        .withHeader("Authorization", notMatching("(?i:token|bearer) " + Pattern.quote(token)))
        .andMatching(r -> MatchResult.of(credentialCheck == null))
        .willReturn(badCredentials));
  }

  /**
   * Requires credentials that {@code check} accepts, given the request path and its {@code Authorization} header
   * (null when absent), on every request; others get 401 {@code {"message":"Bad credentials",...}}. While a token
   * set with {@link #requireToken(String)} is also required, a request carrying that token passes too. {@code null}
   * lifts this requirement ({@link #requireToken(String)}, if set, applies alone again). Used by
   * {@link GitHubAppEmulation} to accept issued installation tokens.
   */
  public synchronized void requireCredentials(BiPredicate<String, String> check) {
    removeIfPresent(AUTH_CHECK_STUB);
    credentialCheck = check;
    if (check == null) {
      return;
    }
    server.stubFor(any(anyUrl()).withId(AUTH_CHECK_STUB).atPriority(PRIORITY_AUTH)
        .andMatching(r -> MatchResult.of(!credentialsAccepted(r)))
        .willReturn(json(401, GitHubJson.write(GitHubJson.error("Bad credentials")))));
  }

  private boolean credentialsAccepted(Request request) {
    BiPredicate<String, String> check = credentialCheck;
    String authorization = request.getHeader("Authorization");
    String token = requiredToken;
    if (token != null && authorization != null
        && authorization.matches("(?is)(?:token|bearer) " + Pattern.quote(token))) {
      return true;
    }
    return check == null || check.test(URI.create(request.getUrl()).getRawPath(), authorization);
  }

  /**
   * Answers matching requests with {@code handler} (at the priority of the emulator's own stubs; {@code failNext}
   * and the credential requirements come first): for GitHub endpoints the emulator does not serve itself.
   */
  public void serve(String method, String urlPathRegex, Function<RecordedRequest, EmulatedResponse> handler) {
    Objects.requireNonNull(handler, "handler");
    String id = "handler-" + handlerIds.incrementAndGet();
    handlers.put(id, handler);
    server.stubFor(mapping(method, urlPathRegex).atPriority(PRIORITY_STUB)
        .willReturn(json(200, "{}").withTransformers(HANDLER_TRANSFORMER).withTransformerParameter("handler", id)));
  }

  /**
   * The permission {@code GET /repos/{o}/{r}/collaborators/{login}/permission} answers for the user: {@code admin},
   * {@code maintain} (answered as GitHub does: {@code "permission": "write"}, {@code "role_name": "maintain"}),
   * {@code write}, {@code triage} (answered as {@code read}), {@code read} or {@code none}. Users not set get
   * {@code read}, as on a public repository.
   */
  public void permission(String ownerRepo, String login, String permission) {
    permissions.put(ownerRepo + ":" + login.toLowerCase(Locale.ROOT), permission.toLowerCase(Locale.ROOT));
  }

  /** The comments posted on a pull request's conversation, oldest first. */
  public List<PostedIssueComment> issueComments(String ownerRepo, int number) {
    List<PostedIssueComment> comments = issueComments.get(key(ownerRepo, number));
    if (comments == null) {
      return List.of();
    }
    synchronized (comments) {
      return List.copyOf(comments);
    }
  }

  private EmulatedResponse answerPermission(RecordedRequest request) {
    String[] parts = request.path().split("/");
    // /repos/{o}/{r}/collaborators/{user}/permission
    String ownerRepo = parts[2] + "/" + parts[3];
    String login = java.net.URLDecoder.decode(parts[5], StandardCharsets.UTF_8);
    String role = permissions.getOrDefault(ownerRepo + ":" + login.toLowerCase(Locale.ROOT), "read");
    String permission = switch (role) {
      case "maintain" -> "write";
      case "triage" -> "read";
      default -> role;
    };
    ObjectNode body = GitHubJson.MAPPER.createObjectNode()
        .put("permission", permission)
        .put("role_name", role);
    body.set("user", json.user(login));
    return EmulatedResponse.json(200, GitHubJson.write(body));
  }

  private EmulatedResponse issueComments(RecordedRequest request) {
    String[] parts = request.path().split("/");
    // /repos/{o}/{r}/issues/{n}/comments
    String ownerRepo = parts[2] + "/" + parts[3];
    int number = Integer.parseInt(parts[5]);
    String key = key(ownerRepo, number);
    if (request.method().equals("GET")) {
      var list = GitHubJson.MAPPER.createArrayNode();
      issueComments(ownerRepo, number).forEach(c -> list.add(issueCommentJson(c)));
      return EmulatedResponse.json(200, GitHubJson.write(list));
    }
    String text;
    try {
      text = GitHubJson.MAPPER.readTree(request.body()).path("body").asText(null);
    } catch (java.io.IOException e) {
      text = null;
    }
    if (text == null) {
      return EmulatedResponse.json(422, GitHubJson.write(GitHubJson.error("Invalid request.\n\n\"body\" wasn't supplied.")));
    }
    PostedIssueComment comment = new PostedIssueComment(issueCommentIds.incrementAndGet(), ownerRepo, number,
        authenticatedLogin, text, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    List<PostedIssueComment> comments = issueComments.computeIfAbsent(key, k -> new ArrayList<>());
    synchronized (comments) {
      comments.add(comment);
    }
    return EmulatedResponse.json(201, GitHubJson.write(issueCommentJson(comment)));
  }

  private ObjectNode issueCommentJson(PostedIssueComment c) {
    String api = baseUrl + "/repos/" + c.ownerRepo();
    ObjectNode node = GitHubJson.MAPPER.createObjectNode()
        .put("id", c.id())
        .put("node_id", "IC_" + c.id())
        .put("url", api + "/issues/comments/" + c.id())
        .put("html_url", "https://github.com/" + c.ownerRepo() + "/pull/" + c.number() + "#issuecomment-" + c.id())
        .put("issue_url", api + "/issues/" + c.number())
        .put("body", c.body())
        .put("author_association", "NONE")
        .put("created_at", c.createdAt().toString())
        .put("updated_at", c.createdAt().toString());
    node.set("user", json.user(c.author()));
    return node;
  }

  /** The token set with {@link #requireToken(String)}, or null. */
  public String requiredToken() {
    return requiredToken;
  }

  /**
   * The next {@code times} requests with this method ({@code GET}, …, or {@code ANY}) whose path fully matches
   * {@code urlPathRegex} answer {@code status} with a GitHub error body; later ones are served normally.
   */
  public void failNext(String method, String urlPathRegex, int status, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status " + status);
    }
    answerNext(method, urlPathRegex, times, json(status, GitHubJson.write(GitHubJson.error(errorMessage(status)))));
  }

  /**
   * The next {@code times} matching requests answer GitHub's secondary rate limit: 403 with a {@code Retry-After}
   * header of {@code retryAfterSeconds} and GitHub's message (the primary limit's {@code X-RateLimit-Remaining} is
   * not exhausted); nothing is recorded. Later ones are served normally.
   */
  public void secondaryRateLimitNext(String method, String urlPathRegex, int retryAfterSeconds, int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be at least 1");
    }
    if (retryAfterSeconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds " + retryAfterSeconds);
    }
    ObjectNode body = GitHubJson.error(String.format(SECONDARY_RATE_LIMIT_MESSAGE, "0000:0000:000000:000000:00000000"));
    body.put("documentation_url", SECONDARY_RATE_LIMIT_DOCS);
    body.put("status", "403");
    answerNext(method, urlPathRegex, times,
        json(403, GitHubJson.write(body)).withHeader("Retry-After", Integer.toString(retryAfterSeconds)));
  }

  private void answerNext(String method, String urlPathRegex, int times, ResponseDefinitionBuilder answer) {
    String scenario = "attentive-fail-next-" + failureScenarios.incrementAndGet();
    for (int i = 0; i < times; i++) {
      server.stubFor(mapping(method, urlPathRegex).atPriority(PRIORITY_FAILURE)
          .inScenario(scenario)
          .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed-" + i)
          .willSetStateTo(i == times - 1 ? "recovered" : "failed-" + (i + 1))
          .willReturn(answer));
    }
  }

  /** How many requests with this method ({@code ANY} for all) had a path fully matching the regex. */
  public int requestCount(String method, String urlPathRegex) {
    settleJournal();
    return server.countRequestsMatching(pattern(method, urlPathRegex).build()).getCount();
  }

  /** The matching requests from the journal, oldest first. */
  public List<RecordedRequest> requests(String method, String urlPathRegex) {
    settleJournal();
    List<LoggedRequest> logged = new ArrayList<>(server.findAll(pattern(method, urlPathRegex)));
    logged.sort((a, b) -> a.getLoggedDate().compareTo(b.getLoggedDate()));
    List<RecordedRequest> out = new ArrayList<>(logged.size());
    for (LoggedRequest request : logged) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      for (HttpHeader header : request.getHeaders().all()) {
        headers.put(header.key(), List.copyOf(header.values()));
      }
      String body = request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
      out.add(new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers, body));
    }
    return List.copyOf(out);
  }

  private static RecordedRequest recorded(Request request) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      headers.put(header.key(), List.copyOf(header.values()));
    }
    String body = request.getBody() == null ? "" : new String(request.getBody(), StandardCharsets.UTF_8);
    return new RecordedRequest(request.getMethod().getName(), request.getUrl(), headers, body);
  }

  /** When the matching requests arrived (millisecond precision), oldest first. */
  public List<Instant> requestTimes(String method, String urlPathRegex) {
    settleJournal();
    return server.findAll(pattern(method, urlPathRegex)).stream()
        .map(r -> r.getLoggedDate().toInstant())
        .sorted()
        .toList();
  }

  /**
   * The reviews of a pull request, oldest first, as recorded: posted through the API (accepted ones only; a review
   * refused with 422 is not there) or added with {@link #addReview}.
   */
  public List<PostedReview> reviewsPosted(String ownerRepo, int number) {
    return reviews.posted(key(ownerRepo, number));
  }

  /**
   * Adds a submitted ({@code COMMENTED}) review with comments to a registered pull request as if it had been posted
   * earlier, by {@code login}, on the current head: no validation (old comments may sit on lines the current diff
   * no longer has). For restart tests: what a bot posted before it lost its state.
   */
  public PostedReview addReview(String ownerRepo, int number, String login, String body,
      List<NewReviewComment> comments) {
    return reviews.add(key(ownerRepo, number), Objects.requireNonNull(login, "login"),
        null, Objects.requireNonNull(body, "body"), comments);
  }

  /**
   * Back to the freshly started state: forgets pull requests, the token requirement, pending failures, the request
   * journal, stubs added through {@link #wireMock()} and rate-limit usage.
   */
  public synchronized void reset() {
    server.resetAll();
    received.set(0);
    pulls.clear();
    fileLists.clear();
    reviews.clear();
    requiredToken = null;
    credentialCheck = null;
    handlers.clear();
    permissions.clear();
    issueComments.clear();
    authenticatedLogin = "octocat";
    resetRateLimit();
    installDefaults();
  }

  @Override
  public void close() {
    server.stop();
  }

  // ---------------------------------------------------------------- installation

  void install(PullRequestFixture pr) {
    String owner = pr.owner();
    String repo = pr.repo();
    ObjectNode repoNode;
    ObjectNode pullNode;
    List<ObjectNode> files = new ArrayList<>();
    List<PullRequestFixture.FileChange> listed = new ArrayList<>();
    synchronized (pr) {
      repoNode = json.repository(owner, repo, "main");
      pullNode = json.pullRequest(pr, repoNode);
      for (PullRequestFixture.FileChange change : pr.files()) {
        if (files.size() == MAX_LISTED_FILES) {
          break;
        }
        files.add(json.file(owner, repo, pr.headSha(), change));
        listed.add(change);
      }
      reviews.register(pr, listed);
    }
    String key = key(pr.ownerRepo(), pr.number());
    pulls.put(key, pr);
    fileLists.put(key, List.copyOf(files));
    String repoPath = "/repos/" + owner + "/" + repo;
    String pullPath = repoPath + "/pulls/" + pr.number();
    upsert(get(urlPathEqualTo(repoPath)).withId(stubId("repo:" + pr.ownerRepo()))
        .willReturn(json(200, GitHubJson.write(repoNode))));
    upsert(get(urlPathEqualTo(pullPath)).withId(stubId("pull:" + key))
        .willReturn(json(200, GitHubJson.write(pullNode))));
    upsert(get(urlPathEqualTo(pullPath + "/files")).withId(stubId("files:" + key))
        .willReturn(json(200, "[]").withTransformers(FILES_TRANSFORMER).withTransformerParameter("key", key)));
  }

  private void installDefaults() {
    installUser();
    server.stubFor(get(urlPathEqualTo("/rate_limit")).atPriority(PRIORITY_STUB)
        .willReturn(json(200, "{}").withTransformers(RATE_LIMIT_TRANSFORMER)));
    server.stubFor(get(urlPathMatching("/users/[^/]+")).atPriority(PRIORITY_STUB)
        .willReturn(json(200, "{}").withTransformers(USERS_TRANSFORMER)));
    server.stubFor(post(urlPathMatching(PULL_PATH + "/reviews")).atPriority(PRIORITY_STUB)
        .willReturn(json(200, "{}").withTransformers(CREATE_REVIEW_TRANSFORMER)));
    server.stubFor(get(urlPathMatching(PULL_PATH + "/(reviews|comments)")).atPriority(PRIORITY_STUB)
        .willReturn(json(200, "[]").withTransformers(LIST_REVIEWS_TRANSFORMER)));
    serve("GET", "/repos/[^/]+/[^/]+/collaborators/[^/]+/permission", this::answerPermission);
    serve("ANY", "/repos/[^/]+/[^/]+/issues/[0-9]+/comments", this::issueComments);
    server.stubFor(any(anyUrl()).atPriority(PRIORITY_NOT_FOUND)
        .willReturn(json(404, GitHubJson.write(GitHubJson.error("Not Found")))));
  }

  private void installUser() {
    upsert(get(urlPathEqualTo("/user")).withId(stubId("user"))
        .willReturn(json(200, GitHubJson.write(json.authenticatedUser(authenticatedLogin)))));
  }

  private void upsert(MappingBuilder mapping) {
    mapping.atPriority(PRIORITY_STUB);
    var stub = mapping.build();
    removeIfPresent(stub.getId());
    server.addStubMapping(stub);
  }

  private void removeIfPresent(UUID id) {
    if (server.getStubMapping(id).isPresent()) {
      server.removeStubMapping(id);
    }
  }

  private static ResponseDefinitionBuilder json(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", JSON).withBody(body);
  }

  private static MappingBuilder mapping(String method, String urlPathRegex) {
    RequestMethod m = method(method);
    return m.equals(RequestMethod.ANY) ? any(urlPathMatching(urlPathRegex))
        : request(m.getName(), urlPathMatching(urlPathRegex));
  }

  private static RequestPatternBuilder pattern(String method, String urlPathRegex) {
    return RequestPatternBuilder.newRequestPattern(method(method), urlPathMatching(urlPathRegex));
  }

  private static RequestMethod method(String method) {
    String m = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
    return m.equals("*") ? RequestMethod.ANY : RequestMethod.fromString(m);
  }

  private static String key(String ownerRepo, int number) {
    return ownerRepo + "#" + number;
  }

  private static UUID stubId(String name) {
    return UUID.nameUUIDFromBytes(("attentive-github:" + name).getBytes(StandardCharsets.UTF_8));
  }

  private static String errorMessage(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Bad credentials";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 409 -> "Conflict";
      case 422 -> "Validation Failed";
      case 429 -> "Too Many Requests";
      case 500, 502 -> "Server Error";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "Error " + status;
    };
  }

  // ---------------------------------------------------------------- rate limit bookkeeping

  private synchronized void resetRateLimit() {
    rateUsed = 0;
    rateReset = Instant.now().getEpochSecond() + 3600;
  }

  /** Counts one request (unless {@code count} is false) and returns {used, reset}. Windows roll hourly. */
  private synchronized long[] rateTick(boolean count) {
    long now = Instant.now().getEpochSecond();
    if (now >= rateReset) {
      rateUsed = 0;
      rateReset = now + 3600;
    }
    if (count && rateUsed < RATE_LIMIT) {
      rateUsed++;
    }
    return new long[] {rateUsed, rateReset};
  }

  private static String path(ServeEvent event) {
    return URI.create(event.getRequest().getUrl()).getRawPath();
  }

  // ---------------------------------------------------------------- WireMock extensions

  /** A transformer that a stub names explicitly (never applied to every request). */
  private abstract static class StubTransformer implements ResponseDefinitionTransformerV2 {
    private final String name;

    StubTransformer(String name) {
      this.name = name;
    }

    @Override
    public String getName() {
      return name;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }
  }

  /** Serves one page of a PR's files list, GitHub-style. */
  private final class FilesTransformer extends StubTransformer {
    FilesTransformer() {
      super(FILES_TRANSFORMER);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      List<ObjectNode> files = fileLists.getOrDefault(event.getTransformerParameters().getString("key"), List.of());
      return page(event, files);
    }
  }

  /**
   * One page of a list, GitHub-style: {@code per_page} (default 30, max 100), {@code page}, and a {@code Link} header
   * with {@code prev}/{@code next}/{@code last}/{@code first} when there is more than one page.
   */
  private ResponseDefinition page(ServeEvent event, List<ObjectNode> items) {
    URI uri = URI.create(event.getRequest().getUrl());
    List<String[]> query = parseQuery(uri.getRawQuery());
    int perPage = intParam(query, "per_page", DEFAULT_PER_PAGE);
    perPage = perPage < 1 ? DEFAULT_PER_PAGE : Math.min(perPage, MAX_PER_PAGE);
    int page = Math.max(1, intParam(query, "page", 1));
    int lastPage = Math.max(1, (items.size() + perPage - 1) / perPage);
    long from = (long) (page - 1) * perPage;
    List<ObjectNode> slice = from >= items.size() ? List.of()
        : items.subList((int) from, (int) Math.min(items.size(), from + perPage));

    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
        .withBody(GitHubJson.writeArray(slice));
    List<String> links = new ArrayList<>();
    if (page > 1) {
      links.add(link(uri, query, page - 1, "prev"));
    }
    if (page < lastPage) {
      links.add(link(uri, query, page + 1, "next"));
      links.add(link(uri, query, lastPage, "last"));
    }
    if (page > 1) {
      links.add(link(uri, query, 1, "first"));
    }
    if (!links.isEmpty()) {
      response.withHeader("Link", String.join(", ", links));
    }
    return response.build();
  }

  /** {@code <url>; rel="x"}: the request's own URL on the emulator with {@code page} set (added last if absent). */
  private String link(URI uri, List<String[]> query, int page, String rel) {
    StringBuilder url = new StringBuilder(baseUrl).append(uri.getRawPath()).append('?');
    boolean pageSet = false;
    for (String[] param : query) {
      if (param[0].equals("page")) {
        if (pageSet) {
          continue;
        }
        url.append("page=").append(page).append('&');
        pageSet = true;
      } else {
        url.append(param[0]).append('=').append(param[1]).append('&');
      }
    }
    if (!pageSet) {
      url.append("page=").append(page).append('&');
    }
    url.setLength(url.length() - 1);
    return "<" + url + ">; rel=\"" + rel + "\"";
  }

  /** {@code POST /repos/{o}/{r}/pulls/{n}/reviews}: GitHub's validation, then the review is recorded. */
  private final class CreateReviewTransformer extends StubTransformer {
    CreateReviewTransformer() {
      super(CREATE_REVIEW_TRANSFORMER);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Matcher m = REVIEWS_PATH.matcher(path(event));
      if (!m.matches()) {
        return notFound(event);
      }
      String key = key(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
      JsonNode request;
      try {
        byte[] body = event.getRequest().getBody();
        request = GitHubJson.MAPPER.readTree(body == null || body.length == 0 ? "{}".getBytes() : body);
      } catch (java.io.IOException e) {
        request = null;
      }
      if (request == null || !request.isObject()) {
        return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(400)
            .withBody(GitHubJson.write(GitHubJson.error("Problems parsing JSON"))).build();
      }
      ReviewStore.Answer answer = reviews.create(key, request, authenticatedLogin);
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
          .withStatus(answer.status()).withBody(answer.body()).build();
    }
  }

  /** {@code GET .../pulls/{n}/reviews} and {@code GET .../pulls/{n}/comments}, paginated. */
  private final class ListReviewsTransformer extends StubTransformer {
    ListReviewsTransformer() {
      super(LIST_REVIEWS_TRANSFORMER);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Matcher m = REVIEWS_PATH.matcher(path(event));
      if (!m.matches()) {
        return notFound(event);
      }
      String key = key(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
      if (!reviews.knows(key)) {
        return notFound(event);
      }
      return page(event, m.group(4).equals("reviews") ? reviews.reviews(key) : reviews.comments(key));
    }
  }

  /** {@code GET /users/{login}}: the user object of any login (kohsuke fetches it for {@code getUser()}). */
  private final class UsersTransformer extends StubTransformer {
    UsersTransformer() {
      super(USERS_TRANSFORMER);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      String login = java.net.URLDecoder.decode(path(event).substring("/users/".length()), StandardCharsets.UTF_8);
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
          .withBody(GitHubJson.write(json.user(login))).build();
    }
  }

  /** Requests answered by a handler given to {@link #serve}. */
  private final class HandlerTransformer extends StubTransformer {
    HandlerTransformer() {
      super(HANDLER_TRANSFORMER);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Function<RecordedRequest, EmulatedResponse> handler =
          handlers.get(event.getTransformerParameters().getString("handler"));
      if (handler == null) {
        return notFound(event);
      }
      EmulatedResponse answer = handler.apply(recorded(event.getRequest()));
      ResponseDefinitionBuilder response = ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
          .withStatus(answer.status()).withBody(answer.body());
      answer.headers().forEach(response::withHeader);
      return response.build();
    }
  }

  private static ResponseDefinition notFound(ServeEvent event) {
    return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but().withStatus(404)
        .withBody(GitHubJson.write(GitHubJson.error("Not Found"))).build();
  }

  /** {@code GET /rate_limit} with the live usage counter. */
  private final class RateLimitTransformer extends StubTransformer {
    RateLimitTransformer() {
      super(RATE_LIMIT_TRANSFORMER);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      long[] rate = rateTick(false);
      return ResponseDefinitionBuilder.like(event.getResponseDefinition()).but()
          .withBody(GitHubJson.write(json.rateLimit(RATE_LIMIT, (int) rate[0], rate[1])))
          .build();
    }
  }

  /** Adds GitHub's response headers to every stubbed response; counts requests against the core rate limit. */
  private final class HeadersTransformer implements ResponseTransformerV2 {
    @Override
    public String getName() {
      return HEADERS_TRANSFORMER;
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public Response transform(Response response, ServeEvent event) {
      long[] rate = rateTick(!path(event).equals("/rate_limit"));
      List<HttpHeader> headers = new ArrayList<>(response.getHeaders().all());
      // WireMock's own diagnostics headers are not something GitHub sends
      headers.removeIf(h -> h.keyEquals("Matched-Stub-Id") || h.keyEquals("Matched-Stub-Name"));
      addIfAbsent(headers, "Date", HTTP_DATE.format(Instant.now()));
      addIfAbsent(headers, "Content-Type", JSON);
      addIfAbsent(headers, "X-GitHub-Media-Type", "github.v3; format=json");
      addIfAbsent(headers, "X-GitHub-Api-Version-Selected", "2022-11-28");
      addIfAbsent(headers, "X-RateLimit-Limit", Integer.toString(RATE_LIMIT));
      addIfAbsent(headers, "X-RateLimit-Remaining", Long.toString(Math.max(0, RATE_LIMIT - rate[0])));
      addIfAbsent(headers, "X-RateLimit-Reset", Long.toString(rate[1]));
      addIfAbsent(headers, "X-RateLimit-Used", Long.toString(rate[0]));
      addIfAbsent(headers, "X-RateLimit-Resource", "core");
      addIfAbsent(headers, "X-GitHub-Request-Id", requestId());
      return Response.Builder.like(response).but().headers(new HttpHeaders(headers)).build();
    }

    private void addIfAbsent(List<HttpHeader> headers, String name, String value) {
      if (headers.stream().noneMatch(h -> h.keyEquals(name))) {
        headers.add(new HttpHeader(name, value));
      }
    }

    private String requestId() {
      ThreadLocalRandom r = ThreadLocalRandom.current();
      return String.format("%04X:%04X:%06X:%06X:%08X", r.nextInt(0x10000), r.nextInt(0x10000),
          r.nextInt(0x1000000), r.nextInt(0x1000000), r.nextInt() & 0x7fffffff);
    }
  }

  // ---------------------------------------------------------------- query helpers

  private static List<String[]> parseQuery(String rawQuery) {
    List<String[]> params = new ArrayList<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return params;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
    }
    return params;
  }

  private static int intParam(List<String[]> query, String name, int fallback) {
    for (String[] param : query) {
      if (param[0].equals(name)) {
        try {
          return Integer.parseInt(param[1]);
        } catch (NumberFormatException e) {
          return fallback;
        }
      }
    }
    return fallback;
  }

  /**
   * Waits (at most 5 s) until every request received is in the journal: a test that saw the effect of a request (a
   * stored review) would otherwise count requests a moment before the last one is journaled.
   */
  private void settleJournal() {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (server.getAllServeEvents().size() < received.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Counts requests as they arrive, before they are answered (see {@link #settleJournal()}). */
  private final class CountingFilter
      implements com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2 {
    @Override
    public com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction filter(
        com.github.tomakehurst.wiremock.http.Request request,
        com.github.tomakehurst.wiremock.stubbing.ServeEvent serveEvent) {
      received.incrementAndGet();
      return com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction.continueWith(request);
    }

    @Override
    public String getName() {
      return "attentive-request-counter";
    }
  }
}
