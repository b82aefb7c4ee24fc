package dev.attentive.publisher.github;

import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * Clients per installation: as the GitHub App when an App id and key are configured (installation tokens, cached and
 * refreshed by the client), else with the configured token, else anonymous.
 *
 * <p>The client's own rate-limit handlers would sleep inside the request — a minute by default for a secondary limit
 * without {@code Retry-After}, until the reset for the primary limit. Both are set to {@code FAIL}: the 403/429 comes
 * back as an {@code HttpException} carrying the response headers, and {@link GitHubCalls} waits, bounded by the retry
 * budget.
 */
@ApplicationScoped
public class TokenGitHubClients implements GitHubClients {

  private final InstallationClients clients;

  public TokenGitHubClients(PublisherConfig config) {
    Map<String, String> settings = new HashMap<>();
    settings.put(GitHubCredentials.ENV_API_URL, config.github().apiUrl());
    put(settings, GitHubCredentials.ENV_TOKEN, config.github().token());
    // The App id decides App mode: a deployment may mount a key path without using it (the Helm chart does).
    if (config.github().appId().filter(id -> !id.isBlank()).isPresent()) {
      put(settings, GitHubCredentials.ENV_APP_ID, config.github().appId());
      put(settings, GitHubCredentials.ENV_APP_PRIVATE_KEY, config.github().appPrivateKey());
      put(settings, GitHubCredentials.ENV_APP_PRIVATE_KEY_PATH, config.github().appPrivateKeyPath());
    }
    // Our own time-outs, and GitHub's limits surface as errors that GitHubCalls handles (kohsuke would sleep).
    this.clients = new InstallationClients(GitHubCredentials.fromEnvironment(settings), builder -> builder
        .withConnector(new TimeoutGitHubConnector(config.github().connectTimeout(), config.github().requestTimeout()))
        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
        .withRateLimitHandler(GitHubRateLimitHandler.FAIL));
  }

  private static void put(Map<String, String> settings, String name, Optional<String> value) {
    value.filter(v -> !v.isBlank()).ifPresent(v -> settings.put(name, v));
  }

  @Override
  public GitHub forInstallation(Long installationId) throws IOException {
    return clients.forInstallation(installationId);
  }
}
