package dev.attentive.ingest.github;

import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.kohsuke.github.GitHub;

/**
 * Clients per installation: as the GitHub App (installation tokens, cached and refreshed; a 401 drops the client and
 * retries once) when an App id and key are configured, else with the configured token, else anonymous.
 */
@ApplicationScoped
public class TokenGitHubClients implements GitHubClients {

  private final InstallationClients clients;

  public TokenGitHubClients(IngestConfig config) {
    Map<String, String> settings = new HashMap<>();
    settings.put(GitHubCredentials.ENV_API_URL, config.github().apiUrl());
    put(settings, GitHubCredentials.ENV_TOKEN, config.github().token());
    // The App id decides App mode: a deployment may mount a key path without using it (the Helm chart does).
    if (config.github().appId().filter(id -> !id.isBlank()).isPresent()) {
      put(settings, GitHubCredentials.ENV_APP_ID, config.github().appId());
      put(settings, GitHubCredentials.ENV_APP_PRIVATE_KEY, config.github().appPrivateKey());
      put(settings, GitHubCredentials.ENV_APP_PRIVATE_KEY_PATH, config.github().appPrivateKeyPath());
    }
    this.clients = new InstallationClients(GitHubCredentials.fromEnvironment(settings));
  }

  private static void put(Map<String, String> settings, String name, Optional<String> value) {
    value.filter(v -> !v.isBlank()).ifPresent(v -> settings.put(name, v));
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
