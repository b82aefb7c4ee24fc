package dev.attentive.ingest.github;

import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.kohsuke.github.GitHub;

/**
 * Clients per installation: as the GitHub App (installation tokens, cached and refreshed; a 401 drops the client and
 * retries once) when an App id and key are configured, else with the configured token, else anonymous.
 */
@ApplicationScoped
public class TokenGitHubClients implements GitHubClients {

  private final InstallationClients clients;

  public TokenGitHubClients(IngestConfig config) {
    GitHubCredentials credentials = GitHubCredentials.fromSettings(config.github().apiUrl(), config.github().token(),
        config.github().appId(), config.github().appPrivateKey(), config.github().appPrivateKeyPath());
    this.clients = new InstallationClients(credentials);
  }

  @Override
  public GitHub forInstallation(Long installationId) throws IOException {
    return clients.forInstallation(installationId);
  }

  @Override
  public <T> T call(Long installationId, dev.attentive.github.auth.GitHubCall<T> call) throws IOException {
    return clients.call(installationId, call);
  }
}
