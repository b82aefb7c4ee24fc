package dev.attentive.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

/** The storms the chaos bench raises: GitHub's error shapes, dropped connections, slow answers. */
class GitHubEmulatorFaultsTest {

  private static final String REPO = "octo/widgets";
  private static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
  private static final String PULL = "/repos/octo/widgets/pulls/7";
  private static final String PATCH = "@@ -0,0 +1,2 @@\n+class A {\n+}";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static GitHubEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startEmulator() {
    emulator = GitHubEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void registerPullRequest() {
    emulator.reset();
    emulator.pullRequest(REPO, 7).head(HEAD).file("A.java", "added", PATCH).register();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aStormOfServerErrorsLastsUntilCleared() throws Exception {
    GitHubEmulator.Storm storm =
        emulator.storm(GitHubFault.serverError(), "GET", "/repos/octo/widgets/pulls/.*");
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> answer = get(PULL);
      assertThat(answer.statusCode()).isEqualTo(500);
      assertThat(MAPPER.readTree(answer.body()).get("message").asText()).isEqualTo("Server Error");
    }
    assertThat(get("/repos/octo/widgets").statusCode()).as("other paths").isEqualTo(200);

    storm.clear();
    storm.clear();

    assertThat(get(PULL).statusCode()).isEqualTo(200);
  }

  @Test
  void badGatewayForACount() throws Exception {
    emulator.faultNext(GitHubFault.badGateway(), "GET", PULL, 2);

    assertThat(get(PULL).statusCode()).isEqualTo(502);
    assertThat(get(PULL).statusCode()).isEqualTo(502);
    assertThat(get(PULL).statusCode()).isEqualTo(200);
  }

  @Test
  void secondaryRateLimitAnd429CarryRetryAfterAndGitHubsMessage() throws Exception {
    try (var storm =
        emulator.storm(GitHubFault.secondaryRateLimit(Duration.ofSeconds(3)), "GET", PULL)) {
      HttpResponse<String> answer = get(PULL);
      assertThat(answer.statusCode()).isEqualTo(403);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("3");
      assertThat(MAPPER.readTree(answer.body()).get("message").asText())
          .startsWith("You have exceeded a secondary rate limit");
      // the primary limit is not what ran out
      assertThat(answer.headers().firstValue("X-RateLimit-Remaining").map(Integer::parseInt))
          .hasValueSatisfying(remaining -> assertThat(remaining).isPositive());
    }
    try (var storm =
        emulator.storm(GitHubFault.tooManyRequests(Duration.ofSeconds(2)), "ANY", PULL)) {
      HttpResponse<String> answer = get(PULL);
      assertThat(answer.statusCode()).isEqualTo(429);
      assertThat(answer.headers().firstValue("Retry-After")).hasValue("2");
      JsonNode body = MAPPER.readTree(answer.body());
      assertThat(body.get("documentation_url").asText()).contains("secondary-rate-limits");
    }
    assertThat(get(PULL).statusCode()).isEqualTo(200);
  }

  @Test
  void droppedConnectionsFailTheClientUntilCleared() throws Exception {
    GHRepository repo =
        new GitHubBuilder()
            .withEndpoint(emulator.baseUrl())
            .withOAuthToken("t", "octocat")
            .build()
            .getRepository(REPO);
    try (var storm = emulator.storm(GitHubFault.connectionReset(), "GET", PULL)) {
      assertThatThrownBy(() -> get(PULL)).isInstanceOf(IOException.class);
      // kohsuke reports a dropped connection as an HttpException without a status (-1)
      assertThatThrownBy(() -> repo.getPullRequest(7))
          .isInstanceOfSatisfying(
              HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(-1));
    }
    emulator.faultNext(GitHubFault.emptyResponse(), "GET", PULL, 1);
    assertThatThrownBy(() -> get(PULL)).isInstanceOf(IOException.class);

    assertThat(repo.getPullRequest(7).getHead().getSha()).isEqualTo(HEAD);
  }

  @Test
  void aSlowAnswerPastTheClientTimeoutStillRecordsTheReview() throws Exception {
    String review =
        "{\"commit_id\":\""
            + HEAD
            + "\",\"event\":\"COMMENT\",\"body\":\"late\","
            + "\"comments\":[{\"path\":\"A.java\",\"line\":1,\"body\":\"x\"}]}";
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + PULL + "/reviews"))
            .timeout(Duration.ofMillis(200))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(review))
            .build();
    try (var storm =
        emulator.storm(GitHubFault.slow(Duration.ofSeconds(3)), "POST", PULL + "/reviews")) {
      assertThatThrownBy(() -> http.send(post, HttpResponse.BodyHandlers.ofString()))
          .isInstanceOf(HttpTimeoutException.class);
      // recorded when served, before the late answer: the client's write happened
      for (int i = 0; i < 100 && emulator.reviewsPosted(REPO, 7).isEmpty(); i++) {
        Thread.sleep(50);
      }
      assertThat(emulator.reviewsPosted(REPO, 7)).hasSize(1);
    }
    assertThat(http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    assertThat(emulator.reviewsPosted(REPO, 7)).hasSize(2);
  }

  @Test
  void slowIsAStormNotACount() {
    assertThatThrownBy(
            () -> emulator.faultNext(GitHubFault.slow(Duration.ofSeconds(1)), "GET", PULL, 1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
