package dev.attentive.publisher.github;

import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import java.io.IOException;
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
    GitHubCredentials credentials = GitHubCredentials.fromSettings(config.github().apiUrl(), config.github().token(),
        config.github().appId(), config.github().appPrivateKey(), config.github().appPrivateKeyPath());
    // Our own time-outs, and GitHub's limits surface as errors that GitHubCalls handles (kohsuke would sleep).
    this.clients = new InstallationClients(credentials, builder -> builder
        .withConnector(new TimeoutGitHubConnector(config.github().connectTimeout(), config.github().requestTimeout()))
        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
        .withRateLimitHandler(GitHubRateLimitHandler.FAIL));
  }

  @Override
  public GitHub forInstallation(Long installationId) throws IOException {
    return clients.forInstallation(installationId);
  }
}
