package dev.attentive.github.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.testkit.github.GitHubAppEmulation;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.HttpException;

class InstallationClientsTest {

  private static final String APP_ID = "12345";
  private static final String REPO = "octo/repo";
  private static final String REPO_PATH = "/repos/octo/repo";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static GitHubEmulator gh;
  private static java.security.KeyPair keys;

  private GitHubAppEmulation app;
  private InstallationClients clients;

  @BeforeAll
  static void start() {
    gh = GitHubEmulator.start();
    keys = Pem.rsa();
  }

  @AfterAll
  static void stop() {
    gh.close();
  }

  @BeforeEach
  void setUp() {
    gh.reset();
    gh.pullRequest(REPO, 1).head("a".repeat(40)).title("t").register();
    app =
        GitHubAppEmulation.enable(gh, APP_ID, keys.getPublic())
            .installation(42, "octo")
            .installation(43, "other");
    clients = new InstallationClients(GitHubCredentials.app(gh.baseUrl(), APP_ID, Pem.pkcs1(keys)));
  }

  @Test
  void appJwtCarriesIssIatExpAndTheInstallationTokenIsSentOnRepositoryCalls() throws Exception {
    long before = Instant.now().getEpochSecond();
    assertThat(clients.forInstallation(42L).getRepository(REPO).getFullName()).isEqualTo(REPO);
    long after = Instant.now().getEpochSecond();

    assertThat(gh.requestCount("GET", "/app")).isEqualTo(1);
    assertThat(gh.requestCount("GET", "/app/installations/42")).isEqualTo(1);
    List<RecordedRequest> exchanges = gh.requests("POST", "/app/installations/42/access_tokens");
    assertThat(exchanges).hasSize(1);
    String authorization = exchanges.get(0).header("Authorization");
    assertThat(authorization).startsWith("Bearer ");
    String[] jwt = authorization.substring("Bearer ".length()).split("\\.");
    assertThat(jwt).hasSize(3);
    JsonNode header = MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[0]));
    JsonNode claims = MAPPER.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    assertThat(header.get("alg").asText()).isEqualTo("RS256");
    assertThat(claims.get("iss").asText()).isEqualTo(APP_ID);
    long iat = claims.get("iat").asLong();
    long exp = claims.get("exp").asLong();
    // kohsuke 1.330: iat = now - 2 min (GitHub asks for >= 60 s back), exp = now + 8 min: 600 s
    // apart, GitHub's max
    assertThat(iat).isBetween(before - 120 - 1, after - 120);
    assertThat(exp - iat).isEqualTo(600);
    assertThat(exp).isGreaterThan(after);

    assertThat(app.tokenExchanges()).isEqualTo(1);
    String token = app.issuedTokens().get(0).token();
    assertThat(token).matches("ghs_[A-Za-z0-9]{36}");
    assertThat(gh.requests("GET", REPO_PATH))
        .singleElement()
        .extracting(r -> r.header("Authorization"))
        .isEqualTo("token " + token);
  }

  @Test
  void tokenIsExchangedOnceForManyCallsAndClientsArePerInstallation() throws Exception {
    GitHub first = clients.forInstallation(42L);
    for (int i = 0; i < 4; i++) {
      assertThat(clients.forInstallation(42L)).isSameAs(first);
      clients.forInstallation(42L).getRepository(REPO);
    }
    assertThat(app.tokenExchanges()).isEqualTo(1);
    assertThat(gh.requestCount("GET", REPO_PATH)).isEqualTo(4);
    // the JWT is reused too: one for GET /app, GET /app/installations/42 and the exchange
    assertThat(gh.requests("ANY", "/app.*").stream().map(r -> r.header("Authorization")).distinct())
        .hasSize(1);

    GitHub other = clients.forInstallation(43L);
    assertThat(other).isNotSameAs(first);
    other.getRepository(REPO);
    assertThat(app.tokenExchanges(43)).isEqualTo(1);
    assertThat(app.tokenExchanges(42)).isEqualTo(1);
    List<String> used =
        gh.requests("GET", REPO_PATH).stream().map(r -> r.header("Authorization")).toList();
    assertThat(used.get(4)).isEqualTo("token " + app.issuedTokens().get(1).token());
    assertThat(used.subList(0, 4)).containsOnly("token " + app.issuedTokens().get(0).token());
  }

  @Test
  void kohsukeRefreshesTheTokenFiveMinutesBeforeItsExpiry() throws Exception {
    // a token valid for less than kohsuke's 5-minute margin is exchanged again on every request
    app.tokenLifetime(Duration.ofMinutes(5).minusSeconds(1));
    clients.forInstallation(42L).getRepository(REPO);
    clients.forInstallation(42L).getRepository(REPO);
    assertThat(app.tokenExchanges()).isEqualTo(2);

    // 5 min + 3 s: kept until 3 s (expires_at has whole seconds) have passed, then exchanged once
    // more
    gh.reset();
    gh.pullRequest(REPO, 1).head("a".repeat(40)).register();
    app =
        GitHubAppEmulation.enable(gh, APP_ID, keys.getPublic())
            .installation(42, "octo")
            .tokenLifetime(Duration.ofMinutes(5).plusSeconds(3));
    InstallationClients fresh =
        new InstallationClients(GitHubCredentials.app(gh.baseUrl(), APP_ID, Pem.pkcs8(keys)));
    fresh.forInstallation(42L).getRepository(REPO);
    fresh.forInstallation(42L).getRepository(REPO);
    assertThat(app.tokenExchanges()).isEqualTo(1);
    Instant refreshAfter = app.issuedTokens().get(0).expiresAt().minus(Duration.ofMinutes(5));
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), refreshAfter).toMillis()) + 300);
    fresh.forInstallation(42L).getRepository(REPO);
    assertThat(app.tokenExchanges()).isEqualTo(2);
    List<RecordedRequest> repoCalls = gh.requests("GET", REPO_PATH);
    assertThat(repoCalls).hasSize(3);
    assertThat(repoCalls.get(2).header("Authorization"))
        .isEqualTo("token " + app.issuedTokens().get(1).token());
    assertThat(app.issuedTokens().get(1).token()).isNotEqualTo(app.issuedTokens().get(0).token());
  }

  @Test
  void serverSideExpiryGives401AndCallRecoversWithOneExchangeAndOneRetry() throws Exception {
    clients.forInstallation(42L).getRepository(REPO);
    GitHub stale = clients.forInstallation(42L);
    app.expireAllTokens();

    // kohsuke still trusts its cached token (valid by expires_at): GitHub says 401
    assertThatThrownBy(() -> stale.getRepository(REPO))
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(401));
    assertThat(app.tokenExchanges()).isEqualTo(1);

    AtomicInteger attempts = new AtomicInteger();
    String name =
        clients.call(
            42L,
            github -> {
              attempts.incrementAndGet();
              return github.getRepository(REPO).getFullName();
            });
    assertThat(name).isEqualTo(REPO);
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(app.tokenExchanges()).isEqualTo(2);
    // warm-up, the direct 401, the call's 401, its retry
    assertThat(gh.requestCount("GET", REPO_PATH)).isEqualTo(4);
    assertThat(clients.forInstallation(42L)).isNotSameAs(stale);
    assertThat(gh.requests("GET", REPO_PATH).get(3).header("Authorization"))
        .isEqualTo("token " + app.issuedTokens().get(1).token());

    // and the new client is cached: no more exchanges
    clients.call(42L, github -> github.getRepository(REPO));
    assertThat(app.tokenExchanges()).isEqualTo(2);
  }

  @Test
  void aSecond401InARowIsThrownNotRetriedAgain() throws Exception {
    clients.forInstallation(42L).getRepository(REPO);
    gh.failNext("GET", REPO_PATH, 401, 5);
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                clients.call(
                    42L,
                    github -> {
                      attempts.incrementAndGet();
                      return github.getRepository(REPO);
                    }))
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(401));
    assertThat(attempts.get()).isEqualTo(2);
    assertThat(gh.requestCount("GET", REPO_PATH)).isEqualTo(1 + 2);
    assertThat(app.tokenExchanges()).isEqualTo(2);
  }

  @Test
  void otherFailuresAreNotRetried() throws Exception {
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                clients.call(
                    42L,
                    github -> {
                      attempts.incrementAndGet();
                      return github.getRepository("octo/missing");
                    }))
        .isInstanceOf(GHFileNotFoundException.class);
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(app.tokenExchanges()).isEqualTo(1);
    assertThat(
            InstallationClients.isUnauthorized(
                new RuntimeException(new HttpException(401, "x", "u", null))))
        .isTrue();
    assertThat(InstallationClients.isUnauthorized(new HttpException(403, "x", "u", null)))
        .isFalse();
  }

  @Test
  void invalidateMakesTheNextClientExchangeAgain() throws Exception {
    GitHub first = clients.forInstallation(42L);
    first.getRepository(REPO);
    clients.invalidate(42L);
    clients.invalidate(99L);
    GitHub second = clients.forInstallation(42L);
    assertThat(second).isNotSameAs(first);
    second.getRepository(REPO);
    assertThat(app.tokenExchanges()).isEqualTo(2);
    assertThatThrownBy(() -> clients.forInstallation(null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aJwtFromAnotherKeyIsRefused() throws Exception {
    InstallationClients impostor =
        new InstallationClients(GitHubCredentials.app(gh.baseUrl(), APP_ID, Pem.pkcs8(Pem.rsa())));
    assertThatThrownBy(() -> impostor.call(42L, github -> github.getRepository(REPO)))
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.getResponseCode()).isEqualTo(401);
              assertThat(e.getMessage()).contains("A JSON web token could not be decoded");
            });
    assertThat(app.tokenExchanges()).isZero();
    assertThat(gh.requestCount("GET", REPO_PATH)).isZero();
  }

  @Test
  void theCustomizerReachesEveryBuilder() throws Exception {
    List<String> seen = new ArrayList<>();
    InstallationClients customized =
        new InstallationClients(
            GitHubCredentials.app(gh.baseUrl(), APP_ID, Pem.pkcs1(keys)),
            builder -> seen.add("customized"));
    customized.forInstallation(42L).getRepository(REPO);
    customized.forInstallation(43L);
    assertThat(seen).containsExactly("customized", "customized");
  }

  @Test
  void tokenModeSharesOneClientThatSendsTheToken() throws Exception {
    gh.reset();
    gh.pullRequest(REPO, 1).head("a".repeat(40)).register();
    gh.requireToken("ghp_local");
    InstallationClients local =
        new InstallationClients(
            GitHubCredentials.fromEnvironment(
                java.util.Map.of("GITHUB_API_URL", gh.baseUrl(), "GITHUB_TOKEN", "ghp_local")));
    GitHub github = local.forInstallation(null);
    assertThat(local.forInstallation(1L)).isSameAs(github);
    assertThat(local.forInstallation(2L)).isSameAs(github);
    String fullName = local.call(7L, g -> g.getRepository(REPO).getFullName());
    assertThat(fullName).isEqualTo(REPO);
    assertThat(gh.requests("GET", REPO_PATH))
        .singleElement()
        .extracting(r -> r.header("Authorization"))
        .isEqualTo("token ghp_local");
    assertThat(gh.requestCount("ANY", "/app.*")).isZero();
    assertThat(gh.requestCount("GET", "/user")).isZero();
    local.invalidate(7L);
    assertThat(local.forInstallation(7L)).isSameAs(github);
  }

  @Test
  void tokenModeDoesNotRetryA401() throws Exception {
    gh.requireToken("ghp_right");
    InstallationClients local =
        new InstallationClients(GitHubCredentials.token(gh.baseUrl(), "ghp_wrong"));
    AtomicInteger attempts = new AtomicInteger();
    assertThatThrownBy(
            () ->
                local.call(
                    1L,
                    g -> {
                      attempts.incrementAndGet();
                      return g.getRepository(REPO);
                    }))
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(401));
    assertThat(attempts.get()).isEqualTo(1);
    assertThat(gh.requestCount("GET", REPO_PATH)).isEqualTo(1);
  }

  @Test
  void halfConfiguredAppIsRefusedBeforeAnyClientIsBuilt() {
    assertThatThrownBy(
            () ->
                new InstallationClients(
                    GitHubCredentials.fromEnvironment(
                        java.util.Map.of("GITHUB_API_URL", gh.baseUrl(), "GITHUB_APP_ID", APP_ID))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("GITHUB_APP_ID is set but its private key is missing");
    assertThat(gh.requestCount("ANY", ".*")).isZero();
  }
}
