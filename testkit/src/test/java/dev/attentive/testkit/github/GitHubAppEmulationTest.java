package dev.attentive.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubAppEmulationTest {

  private static final String APP_ID = "777";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static GitHubEmulator gh;
  private static KeyPair keys;
  private static KeyPair otherKeys;

  private GitHubAppEmulation app;

  @BeforeAll
  static void start() throws Exception {
    gh = GitHubEmulator.start();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    otherKeys = generator.generateKeyPair();
  }

  @AfterAll
  static void stop() {
    gh.close();
  }

  @BeforeEach
  void setUp() {
    gh.reset();
    gh.pullRequest("octo/repo", 1).head("b".repeat(40)).register();
    app =
        GitHubAppEmulation.enable(gh, APP_ID, keys.getPublic())
            .installation(42, "octo")
            .repository("octo/repo", 42);
  }

  @Test
  void validJwtGetsAppInstallationAndAnInstallationTokenInGitHubsShape() throws Exception {
    String jwt = jwt(keys.getPrivate(), APP_ID, -60, 540);
    HttpResponse<String> appResponse = send("GET", "/app", "Bearer " + jwt);
    assertThat(appResponse.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(appResponse.body()).get("id").asLong()).isEqualTo(777);

    JsonNode installation =
        MAPPER.readTree(send("GET", "/app/installations/42", "Bearer " + jwt).body());
    assertThat(installation.get("id").asLong()).isEqualTo(42);
    assertThat(installation.get("account").get("login").asText()).isEqualTo("octo");
    assertThat(installation.get("app_id").asLong()).isEqualTo(777);
    assertThat(installation.get("access_tokens_url").asText())
        .isEqualTo(gh.baseUrl() + "/app/installations/42/access_tokens");
    assertThat(
            MAPPER
                .readTree(send("GET", "/repos/octo/repo/installation", "Bearer " + jwt).body())
                .get("id")
                .asLong())
        .isEqualTo(42);
    assertThat(send("GET", "/repos/octo/other/installation", "Bearer " + jwt).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/app/installations/43", "Bearer " + jwt).statusCode()).isEqualTo(404);
    assertThat(send("POST", "/app/installations/43/access_tokens", "Bearer " + jwt).statusCode())
        .isEqualTo(404);

    Instant before = Instant.now();
    HttpResponse<String> created =
        send("POST", "/app/installations/42/access_tokens", "Bearer " + jwt);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode token = MAPPER.readTree(created.body());
    assertThat(token.get("token").asText()).matches("ghs_[A-Za-z0-9]{36}");
    Instant expiresAt = Instant.parse(token.get("expires_at").asText());
    assertThat(token.get("expires_at").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(expiresAt).isBetween(before.plusSeconds(3599), Instant.now().plusSeconds(3600));
    assertThat(token.get("permissions").get("pull_requests").asText()).isEqualTo("write");
    assertThat(token.get("repository_selection").asText()).isEqualTo("all");
    assertThat(app.tokenExchanges()).isEqualTo(1);
    assertThat(app.tokenExchanges(42)).isEqualTo(1);
    assertThat(app.issuedTokens())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.token()).isEqualTo(token.get("token").asText());
              assertThat(t.installationId()).isEqualTo(42);
              assertThat(t.expiresAt()).isEqualTo(expiresAt);
            });

    assertThat(send("GET", "/repos/octo/repo", "token " + token.get("token").asText()).statusCode())
        .isEqualTo(200);
    assertThat(
            send("GET", "/repos/octo/repo", "Bearer " + token.get("token").asText()).statusCode())
        .isEqualTo(200);
  }

  @Test
  void jwtsThatBreakGitHubsRulesGet401() throws Exception {
    assertUnauthorized(send("GET", "/app", null), "A JSON web token could not be decoded");
    assertUnauthorized(
        send("GET", "/app", "Bearer not.a.jwt"), "A JSON web token could not be decoded");
    assertUnauthorized(
        send("GET", "/app", "Bearer " + jwt(otherKeys.getPrivate(), APP_ID, -60, 540)),
        "A JSON web token could not be decoded");
    assertUnauthorized(
        send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), "778", -60, 540)),
        "Integration not found");
    assertUnauthorized(
        send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), APP_ID, 30, 540)),
        "'Issued at' claim ('iat') must be an Integer representing the time that the assertion was issued.");
    assertUnauthorized(
        send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), APP_ID, -60, 541)),
        "'Expiration time' claim ('exp') is too far in the future.");
    assertUnauthorized(
        send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), APP_ID, -700, -100)),
        "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the"
            + " assertion expires.");
    assertUnauthorized(
        send(
            "POST",
            "/app/installations/42/access_tokens",
            "Bearer " + jwt(keys.getPrivate(), APP_ID, -60, 541)),
        "'Expiration time' claim ('exp') is too far in the future.");
    assertThat(app.tokenExchanges()).isZero();
    // the limit itself is fine: exactly 600 s, iat = now
    assertThat(
            send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), APP_ID, -60, 540)).statusCode())
        .isEqualTo(200);
    assertThat(send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), APP_ID, 0, 600)).statusCode())
        .isEqualTo(200);
  }

  @Test
  void repositoryCallsNeedAnIssuedUnexpiredToken() throws Exception {
    assertUnauthorized(send("GET", "/repos/octo/repo", null), "Bad credentials");
    assertUnauthorized(
        send("GET", "/repos/octo/repo", "token ghs_" + "x".repeat(36)), "Bad credentials");
    // an App JWT is not an installation token
    assertUnauthorized(
        send("GET", "/repos/octo/repo", "Bearer " + jwt(keys.getPrivate(), APP_ID, -60, 540)),
        "Bad credentials");
    String first = issue();
    String second = issue();
    assertThat(second).isNotEqualTo(first);
    assertThat(send("GET", "/repos/octo/repo", "token " + first).statusCode()).isEqualTo(200);
    assertThat(app.isValid(first)).isTrue();

    app.expireAllTokens();
    assertThat(app.isValid(first)).isFalse();
    assertUnauthorized(send("GET", "/repos/octo/repo", "token " + first), "Bad credentials");
    assertUnauthorized(send("GET", "/repos/octo/repo", "token " + second), "Bad credentials");
    String third = issue();
    assertThat(send("GET", "/repos/octo/repo", "token " + third).statusCode()).isEqualTo(200);
    assertThat(app.tokenExchanges()).isEqualTo(3);
  }

  @Test
  void tokensExpireAfterTheirLifetime() throws Exception {
    app.tokenLifetime(Duration.ofSeconds(2));
    String token = issue();
    GitHubAppEmulation.IssuedToken issued = app.issuedTokens().get(0);
    assertThat(Duration.between(issued.issuedAt(), issued.expiresAt()).toMillis())
        .isBetween(1000L, 2000L);
    assertThat(send("GET", "/repos/octo/repo", "token " + token).statusCode()).isEqualTo(200);
    Thread.sleep(Math.max(0, Duration.between(Instant.now(), issued.expiresAt()).toMillis()) + 100);
    assertUnauthorized(send("GET", "/repos/octo/repo", "token " + token), "Bad credentials");
    assertThatThrownBy(() -> app.tokenLifetime(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void worksTogetherWithRequireToken() throws Exception {
    gh.requireToken("static");
    String issued = issue(); // the App endpoints are not blocked by the static token requirement
    assertThat(send("GET", "/repos/octo/repo", "token static").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/repos/octo/repo", "token " + issued).statusCode()).isEqualTo(200);
    assertUnauthorized(send("GET", "/repos/octo/repo", "token other"), "Bad credentials");

    // lifting the App's requirement leaves requireToken as it was: issued tokens are refused again
    gh.requireCredentials(null);
    assertThat(send("GET", "/repos/octo/repo", "token static").statusCode()).isEqualTo(200);
    assertUnauthorized(send("GET", "/repos/octo/repo", "token " + issued), "Bad credentials");
    gh.requireToken(null);
    assertThat(send("GET", "/repos/octo/repo", "token " + issued).statusCode()).isEqualTo(200);
  }

  @Test
  void resetForgetsTheApp() throws Exception {
    issue();
    gh.reset();
    gh.pullRequest("octo/repo", 1).head("b".repeat(40)).register();
    assertThat(
            send("GET", "/app", "Bearer " + jwt(keys.getPrivate(), APP_ID, -60, 540)).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/repos/octo/repo", null).statusCode()).isEqualTo(200);
  }

  // ---------------------------------------------------------------- helpers

  private String issue() throws Exception {
    HttpResponse<String> response =
        send(
            "POST",
            "/app/installations/42/access_tokens",
            "Bearer " + jwt(keys.getPrivate(), APP_ID, -60, 540));
    assertThat(response.statusCode()).isEqualTo(201);
    return MAPPER.readTree(response.body()).get("token").asText();
  }

  private static void assertUnauthorized(HttpResponse<String> response, String message)
      throws Exception {
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(MAPPER.readTree(response.body()).get("message").asText()).isEqualTo(message);
    assertThat(response.headers().firstValue("Content-Type"))
        .contains("application/json; charset=utf-8");
  }

  private static HttpResponse<String> send(String method, String path, String authorization)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(gh.baseUrl() + path))
            .method(
                method,
                method.equals("POST")
                    ? HttpRequest.BodyPublishers.ofString("{}")
                    : HttpRequest.BodyPublishers.noBody());
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An RS256 JWT with iat = now + iatOffset and exp = now + expOffset (seconds). */
  static String jwt(PrivateKey key, String iss, long iatOffset, long expOffset) throws Exception {
    long now = Instant.now().getEpochSecond();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String header =
        b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        b64.encodeToString(
            ("{\"iss\":\""
                    + iss
                    + "\",\"iat\":"
                    + (now + iatOffset)
                    + ",\"exp\":"
                    + (now + expOffset)
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withRSA");
    signer.initSign(key);
    signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
    return header + "." + claims + "." + b64.encodeToString(signer.sign());
  }
}
