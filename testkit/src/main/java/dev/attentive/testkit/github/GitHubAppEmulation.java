package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub App authentication on a {@link GitHubEmulator}, as GitHub does it:
 *
 * <ul>
 *   <li>{@code GET /app}, {@code GET /app/installations/{id}} and {@code GET
 *       /repos/{o}/{r}/installation} require {@code Authorization: Bearer <JWT>}: RS256, signed by
 *       the App's key, {@code iss} = the App id, {@code iat} not in the future, {@code exp} in the
 *       future and {@code exp - iat <= 600} s; otherwise 401 with GitHub's message. Unknown
 *       installations (or repositories without one) answer 404.
 *   <li>{@code POST /app/installations/{id}/access_tokens} with a valid JWT issues a {@code
 *       ghs_...} installation token valid for {@link #tokenLifetime(Duration)} (default 1 h): 201
 *       {@code {token, expires_at, permissions, repository_selection}}.
 *   <li>Every other request needs {@code token <t>} or {@code Bearer <t>} with an issued, unexpired
 *       installation token (or the emulator's {@link GitHubEmulator#requireToken required token},
 *       if one is set); expired or unknown tokens get 401 {@code Bad credentials}. This goes
 *       through {@link GitHubEmulator#requireCredentials}.
 * </ul>
 *
 * <p>{@link GitHubEmulator#reset()} forgets all of this; enable it again afterwards.
 */
public final class GitHubAppEmulation {

  public static final Duration DEFAULT_TOKEN_LIFETIME = Duration.ofHours(1);

  /** GitHub refuses App JWTs whose {@code exp} is more than 10 minutes after {@code iat}. */
  public static final long MAX_JWT_SECONDS = 600;

  private static final Pattern INSTALLATION_PATH = Pattern.compile("/app/installations/([0-9]+)");
  private static final Pattern ACCESS_TOKENS_PATH =
      Pattern.compile("/app/installations/([0-9]+)/access_tokens");
  private static final Pattern REPO_INSTALLATION_PATH =
      Pattern.compile("/repos/([^/]+)/([^/]+)/installation");
  private static final String TOKEN_CHARS =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final String APP_DOCS = "https://docs.github.com/rest";

  private final GitHubEmulator emulator;
  private final String appId;
  private final PublicKey publicKey;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, String> installations = new ConcurrentHashMap<>();
  private final Map<String, Long> repositoryInstallations = new ConcurrentHashMap<>();
  private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
  private final List<IssuedToken> issued = new ArrayList<>();
  private final AtomicInteger exchanges = new AtomicInteger();
  private volatile Duration tokenLifetime = DEFAULT_TOKEN_LIFETIME;

  /** An installation token handed out by the emulation. */
  public record IssuedToken(
      String token, long installationId, Instant issuedAt, Instant expiresAt) {}

  private GitHubAppEmulation(GitHubEmulator emulator, String appId, PublicKey publicKey) {
    this.emulator = emulator;
    this.appId = appId;
    this.publicKey = publicKey;
  }

  /**
   * Turns on App authentication for {@code appId}, whose JWTs must verify with {@code publicKey}
   * (RSA). From now on the emulator's repository API accepts issued installation tokens only (plus
   * a token set with {@link GitHubEmulator#requireToken}).
   */
  public static GitHubAppEmulation enable(
      GitHubEmulator emulator, String appId, PublicKey publicKey) {
    Objects.requireNonNull(emulator, "emulator");
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("appId");
    }
    if (!"RSA".equals(Objects.requireNonNull(publicKey, "publicKey").getAlgorithm())) {
      throw new IllegalArgumentException(
          "GitHub Apps sign with RSA keys, got " + publicKey.getAlgorithm());
    }
    GitHubAppEmulation app = new GitHubAppEmulation(emulator, appId, publicKey);
    emulator.serve("GET", "/app", app::getApp);
    emulator.serve("GET", INSTALLATION_PATH.pattern(), app::getInstallation);
    emulator.serve("GET", REPO_INSTALLATION_PATH.pattern(), app::getRepositoryInstallation);
    emulator.serve("POST", ACCESS_TOKENS_PATH.pattern(), app::createToken);
    emulator.requireCredentials(app::accepts);
    return app;
  }

  /** Registers an installation of the App on {@code account} (an organization login). */
  public GitHubAppEmulation installation(long installationId, String account) {
    installations.put(installationId, Objects.requireNonNull(account, "account"));
    return this;
  }

  /** Makes {@code GET /repos/{owner}/{repo}/installation} answer this (registered) installation. */
  public GitHubAppEmulation repository(String ownerRepo, long installationId) {
    repositoryInstallations.put(Objects.requireNonNull(ownerRepo, "ownerRepo"), installationId);
    return this;
  }

  /**
   * How long tokens issued from now on stay valid (default 1 h, like GitHub); {@code expires_at}
   * has seconds.
   */
  public GitHubAppEmulation tokenLifetime(Duration lifetime) {
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("lifetime must be positive");
    }
    this.tokenLifetime = lifetime;
    return this;
  }

  /** Expires every token issued so far, now: requests carrying them get 401 from here on. */
  public synchronized void expireAllTokens() {
    Instant past = Instant.now().minusSeconds(1);
    tokens.replaceAll(
        (t, token) ->
            new IssuedToken(token.token(), token.installationId(), token.issuedAt(), past));
  }

  /**
   * Successful {@code POST /app/installations/{id}/access_tokens} exchanges so far (all
   * installations).
   */
  public int tokenExchanges() {
    return exchanges.get();
  }

  /** Successful token exchanges of one installation. */
  public synchronized long tokenExchanges(long installationId) {
    return issued.stream().filter(t -> t.installationId() == installationId).count();
  }

  /** The tokens issued so far, oldest first, with their original expiry. */
  public synchronized List<IssuedToken> issuedTokens() {
    return List.copyOf(issued);
  }

  /** Whether {@code token} was issued here and has not expired. */
  public boolean isValid(String token) {
    IssuedToken t = token == null ? null : tokens.get(token);
    return t != null && Instant.now().isBefore(t.expiresAt());
  }

  // ---------------------------------------------------------------- credentials

  private boolean accepts(String path, String authorization) {
    if (isAppPath(path)) {
      return true; // the App endpoints check the JWT themselves, with GitHub's messages
    }
    if (authorization == null) {
      return false;
    }
    String[] parts = authorization.trim().split("\\s+", 2);
    return parts.length == 2
        && (parts[0].equalsIgnoreCase("token") || parts[0].equalsIgnoreCase("bearer"))
        && isValid(parts[1]);
  }

  private static boolean isAppPath(String path) {
    return path.equals("/app")
        || path.startsWith("/app/")
        || REPO_INSTALLATION_PATH.matcher(path).matches();
  }

  /** Null when the request carries a valid App JWT, else GitHub's 401 message. */
  private String jwtProblem(RecordedRequest request) {
    String authorization = request.header("Authorization");
    if (authorization == null) {
      return "A JSON web token could not be decoded";
    }
    String[] scheme = authorization.trim().split("\\s+", 2);
    if (scheme.length != 2 || !scheme[0].equalsIgnoreCase("bearer")) {
      return "A JSON web token could not be decoded";
    }
    String[] parts = scheme[1].split("\\.", -1);
    if (parts.length != 3) {
      return "A JSON web token could not be decoded";
    }
    JsonNode header;
    JsonNode claims;
    try {
      Base64.Decoder decoder = Base64.getUrlDecoder();
      header = GitHubJson.MAPPER.readTree(decoder.decode(parts[0]));
      claims = GitHubJson.MAPPER.readTree(decoder.decode(parts[1]));
      if (!header.path("alg").asText().equals("RS256")) {
        return "A JSON web token could not be decoded";
      }
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(publicKey);
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(decoder.decode(parts[2]))) {
        return "A JSON web token could not be decoded";
      }
    } catch (java.io.IOException | IllegalArgumentException | GeneralSecurityException e) {
      return "A JSON web token could not be decoded";
    }
    long now = Instant.now().getEpochSecond();
    JsonNode iss = claims.get("iss");
    JsonNode iat = claims.get("iat");
    JsonNode exp = claims.get("exp");
    if (iss == null || !iss.asText().equals(appId)) {
      return "Integration not found";
    }
    if (iat == null || !iat.canConvertToLong() || iat.asLong() > now) {
      return "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.";
    }
    if (exp == null || !exp.canConvertToLong() || exp.asLong() <= now) {
      return "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the"
          + " assertion expires.";
    }
    if (exp.asLong() - iat.asLong() > MAX_JWT_SECONDS) {
      return "'Expiration time' claim ('exp') is too far in the future.";
    }
    return null;
  }

  // ---------------------------------------------------------------- endpoints

  private EmulatedResponse getApp(RecordedRequest request) {
    String problem = jwtProblem(request);
    if (problem != null) {
      return unauthorized(problem);
    }
    ObjectNode app = GitHubJson.MAPPER.createObjectNode();
    app.put("id", Long.parseLong(appId.replaceAll("[^0-9]", "0")));
    app.put("slug", "attentive");
    app.put("node_id", "A_kwDO" + appId);
    app.set(
        "owner",
        GitHubJson.MAPPER
            .createObjectNode()
            .put("login", "attentive-dev")
            .put("id", 1)
            .put("type", "Organization"));
    app.put("name", "Attentive");
    app.put("description", "Code review bot");
    app.put("external_url", "https://attentive.dev");
    app.put("html_url", "https://github.com/apps/attentive");
    app.put("created_at", "2026-01-01T00:00:00Z");
    app.put("updated_at", "2026-01-01T00:00:00Z");
    app.set("permissions", permissions());
    app.set("events", GitHubJson.MAPPER.createArrayNode().add("pull_request").add("issue_comment"));
    app.put("installations_count", installations.size());
    return EmulatedResponse.json(200, GitHubJson.write(app));
  }

  private EmulatedResponse getInstallation(RecordedRequest request) {
    String problem = jwtProblem(request);
    if (problem != null) {
      return unauthorized(problem);
    }
    Matcher m = INSTALLATION_PATH.matcher(request.path());
    long id = m.matches() ? Long.parseLong(m.group(1)) : -1;
    return installationAnswer(id);
  }

  private EmulatedResponse getRepositoryInstallation(RecordedRequest request) {
    String problem = jwtProblem(request);
    if (problem != null) {
      return unauthorized(problem);
    }
    Matcher m = REPO_INSTALLATION_PATH.matcher(request.path());
    Long id = m.matches() ? repositoryInstallations.get(m.group(1) + "/" + m.group(2)) : null;
    return installationAnswer(id == null ? -1 : id);
  }

  private EmulatedResponse installationAnswer(long id) {
    String account = installations.get(id);
    if (account == null) {
      return EmulatedResponse.json(404, GitHubJson.write(GitHubJson.error("Not Found")));
    }
    String base = emulator.baseUrl();
    ObjectNode node = GitHubJson.MAPPER.createObjectNode();
    node.put("id", id);
    node.set(
        "account",
        GitHubJson.MAPPER
            .createObjectNode()
            .put("login", account)
            .put("id", Math.abs((long) account.hashCode()))
            .put("type", "Organization")
            .put("url", base + "/users/" + account));
    node.put("repository_selection", "all");
    node.put("access_tokens_url", base + "/app/installations/" + id + "/access_tokens");
    node.put("repositories_url", base + "/installation/repositories");
    node.put(
        "html_url",
        "https://github.com/organizations/" + account + "/settings/installations/" + id);
    node.put("app_id", Long.parseLong(appId.replaceAll("[^0-9]", "0")));
    node.put("app_slug", "attentive");
    node.put("target_id", Math.abs((long) account.hashCode()));
    node.put("target_type", "Organization");
    node.set("permissions", permissions());
    node.set(
        "events", GitHubJson.MAPPER.createArrayNode().add("pull_request").add("issue_comment"));
    node.put("created_at", "2026-01-01T00:00:00Z");
    node.put("updated_at", "2026-01-01T00:00:00Z");
    node.putNull("single_file_name");
    return EmulatedResponse.json(200, GitHubJson.write(node));
  }

  private EmulatedResponse createToken(RecordedRequest request) {
    String problem = jwtProblem(request);
    if (problem != null) {
      return unauthorized(problem);
    }
    Matcher m = ACCESS_TOKENS_PATH.matcher(request.path());
    long id = m.matches() ? Long.parseLong(m.group(1)) : -1;
    if (!installations.containsKey(id)) {
      return EmulatedResponse.json(404, GitHubJson.write(GitHubJson.error("Not Found")));
    }
    Instant now = Instant.now();
    Instant expiresAt = now.plus(tokenLifetime).truncatedTo(ChronoUnit.SECONDS);
    StringBuilder token = new StringBuilder("ghs_");
    for (int i = 0; i < 36; i++) {
      token.append(TOKEN_CHARS.charAt(random.nextInt(TOKEN_CHARS.length())));
    }
    IssuedToken issuedToken = new IssuedToken(token.toString(), id, now, expiresAt);
    synchronized (this) {
      tokens.put(issuedToken.token(), issuedToken);
      issued.add(issuedToken);
      exchanges.incrementAndGet();
    }
    ObjectNode node = GitHubJson.MAPPER.createObjectNode();
    node.put("token", issuedToken.token());
    node.put("expires_at", expiresAt.toString());
    node.set("permissions", permissions());
    node.put("repository_selection", "all");
    return EmulatedResponse.json(201, GitHubJson.write(node));
  }

  private static ObjectNode permissions() {
    return GitHubJson.MAPPER
        .createObjectNode()
        .put("checks", "write")
        .put("contents", "read")
        .put("metadata", "read")
        .put("pull_requests", "write");
  }

  private static EmulatedResponse unauthorized(String message) {
    ObjectNode body = GitHubJson.error(message);
    body.put("documentation_url", APP_DOCS);
    body.put("status", "401");
    return EmulatedResponse.json(401, GitHubJson.write(body));
  }
}
