package dev.attentive.github.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.github.GitHubClientConfig;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.testkit.github.GitHubEmulator;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.HttpException;

/**
 * The clients a service builds from its configuration: its time-outs, and GitHub's limits as
 * errors, not sleeps.
 */
class ClientsFromConfigTest {

  static final String REPO = "octo/repo";
  static final String TOKEN = "ghp_config";

  record Config(
      String apiUrl,
      Optional<String> token,
      Optional<String> appId,
      Optional<String> appPrivateKey,
      Optional<String> appPrivateKeyPath,
      Duration connectTimeout,
      Duration requestTimeout)
      implements GitHubClientConfig {}

  static GitHubEmulator gh;

  @BeforeAll
  static void start() {
    gh = GitHubEmulator.start();
  }

  @AfterAll
  static void stop() {
    gh.close();
  }

  @BeforeEach
  void setUp() {
    gh.reset();
    gh.pullRequest(REPO, 1).head("a".repeat(40)).register();
    gh.requireToken(TOKEN);
  }

  InstallationClients clients(Duration requestTimeout) {
    return InstallationClients.create(
        new Config(
            gh.baseUrl(),
            Optional.of(TOKEN),
            Optional.of(" "),
            Optional.empty(),
            Optional.of("/nowhere/key.pem"),
            Duration.ofSeconds(5),
            requestTimeout));
  }

  @Test
  void theTokenIsSentAndAnUnusedKeyPathIsIgnored() throws Exception {
    InstallationClients clients = clients(Duration.ofSeconds(10));
    assertThat(clients.credentials().mode()).isEqualTo(GitHubCredentials.Mode.TOKEN);
    String fullName = clients.call(1L, github -> github.getRepository(REPO).getFullName());
    assertThat(fullName).isEqualTo(REPO);
    assertThat(gh.requests("GET", "/repos/" + REPO).get(0).header("Authorization"))
        .isEqualTo("token " + TOKEN);
  }

  @Test
  void aSecondaryRateLimitComesBackAtOnceWithItsRetryAfter() throws Exception {
    gh.secondaryRateLimitNext("GET", "/repos/" + REPO, 30, 1);
    InstallationClients clients = clients(Duration.ofSeconds(10));
    long start = System.nanoTime();

    assertThatThrownBy(() -> clients.call(1L, github -> github.getRepository(REPO)))
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              GitHubFailure failure =
                  GitHubFailure.classify(e, Duration.ofSeconds(60), Clock.systemUTC());
              assertThat(failure.kind()).isEqualTo(GitHubFailure.Kind.RATE_LIMITED);
              assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
            });
    // kohsuke's own handler would have slept the 30 s and tried again
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(gh.requestCount("GET", "/repos/" + REPO)).isEqualTo(1);
  }

  @Test
  void aHungRequestFailsAfterTheRequestTimeoutAsATransientFailure() {
    gh.wireMock()
        .stubFor(
            get(urlPathEqualTo("/repos/" + REPO))
                .atPriority(1)
                .willReturn(aResponse().withStatus(200).withFixedDelay(5_000).withBody("{}")));
    InstallationClients clients = clients(Duration.ofMillis(300));
    long start = System.nanoTime();

    assertThatThrownBy(() -> clients.call(1L, github -> github.getRepository(REPO)))
        .isInstanceOfSatisfying(
            IOException.class,
            e ->
                assertThat(GitHubFailure.classify(e, Duration.ZERO, Clock.systemUTC()).kind())
                    .isEqualTo(GitHubFailure.Kind.TRANSIENT));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }
}
