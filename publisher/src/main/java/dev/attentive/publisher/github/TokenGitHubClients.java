package dev.attentive.publisher.github;

import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * One client for every installation, authenticated with the configured token (anonymous without one).
 *
 * <p>The client's own rate-limit handlers would sleep inside the request — a minute by default for a secondary limit
 * without {@code Retry-After}, until the reset for the primary limit. Both are set to {@code FAIL}: the 403/429 comes
 * back as an {@code HttpException} carrying the response headers, and {@link GitHubCalls} waits, bounded by the retry
 * budget.
 */
@ApplicationScoped
public class TokenGitHubClients implements GitHubClients {

  private final GitHub github;

  public TokenGitHubClients(PublisherConfig config) throws IOException {
    GitHubBuilder builder = new GitHubBuilder()
        .withEndpoint(config.github().apiUrl())
        .withConnector(new TimeoutGitHubConnector(config.github().connectTimeout(),
            config.github().requestTimeout()))
        .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
        .withRateLimitHandler(GitHubRateLimitHandler.FAIL);
    if (config.github().token().isPresent() && !config.github().token().get().isBlank()) {
      // With a login given, the client does not call GET /user at start-up.
      builder = builder.withOAuthToken(config.github().token().get(), "attentive");
    }
    this.github = builder.build();
  }

  @Override
  public GitHub forInstallation(Long installationId) {
    return github;
  }
}
