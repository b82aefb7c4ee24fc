package dev.attentive.github.graphql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.testkit.github.EmulatedResponse;
import dev.attentive.testkit.github.GitHubEmulator;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

/** GraphQL beside the REST root, as the token's user, with GitHub's errors sorted. */
class GitHubGraphQlTest {

  @Test
  void theEndpointSitsBesideTheRestRoot() {
    assertThat(GitHubGraphQl.endpoint("https://api.github.com"))
        .isEqualTo("https://api.github.com/graphql");
    assertThat(GitHubGraphQl.endpoint("https://ghe.example.com/api/v3/"))
        .isEqualTo("https://ghe.example.com/api/graphql");
  }

  @Test
  void aQueryGoesWithTheTokenAndErrorsInA200AreFailures() throws Exception {
    try (GitHubEmulator gh = GitHubEmulator.start()) {
      gh.requireToken("ghp_t");
      GitHubGraphQl graphQl =
          new GitHubGraphQl(
              new InstallationClients(GitHubCredentials.token(gh.baseUrl(), "ghp_t")),
              Duration.ofSeconds(30),
              Duration.ofSeconds(60));
      gh.serve(
          "POST",
          "/graphql",
          r ->
              r.body().contains("limited")
                  ? EmulatedResponse.json(
                      200,
                      "{\"errors\":[{\"type\":\"RATE_LIMITED\",\"message\":\"API rate limit"
                          + " exceeded\"}]}")
                  : EmulatedResponse.json(200, "{\"data\":{\"viewer\":{\"login\":\"octocat\"}}}"));

      assertThat(
              graphQl
                  .execute(null, "{ viewer { login } }", Map.of())
                  .path("viewer")
                  .path("login")
                  .asText())
          .isEqualTo("octocat");
      assertThat(gh.requests("POST", "/graphql").get(0).header("Authorization"))
          .isEqualTo("token ghp_t");
      assertThatThrownBy(() -> graphQl.execute(null, "query limited { x }", Map.of()))
          .isInstanceOfSatisfying(
              HttpException.class,
              e ->
                  assertThat(GitHubFailure.classify(e, Duration.ofSeconds(9), Clock.systemUTC()))
                      .extracting(GitHubFailure::kind, GitHubFailure::retryAfter)
                      .containsExactly(GitHubFailure.Kind.RATE_LIMITED, Duration.ofSeconds(9)));
    }
  }
}
