package dev.attentive.ingest.github;

import dev.attentive.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;

/** One client for every installation, authenticated with the configured token (anonymous without one). */
@ApplicationScoped
public class TokenGitHubClients implements GitHubClients {

  private final GitHub github;

  public TokenGitHubClients(IngestConfig config) throws IOException {
    GitHubBuilder builder = new GitHubBuilder().withEndpoint(config.github().apiUrl());
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
