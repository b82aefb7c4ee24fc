package dev.attentive.ingest.github;

import dev.attentive.github.auth.GitHubCall;
import java.io.IOException;
import org.kohsuke.github.GitHub;

/** How ingest gets an authenticated client for an installation (GitHub App installation token or a plain token). */
public interface GitHubClients {

  GitHub forInstallation(Long installationId) throws IOException;

  /** Runs a call as the installation; an expired or revoked installation token (401) is renewed and retried once. */
  <T> T call(Long installationId, GitHubCall<T> call) throws IOException;
}
