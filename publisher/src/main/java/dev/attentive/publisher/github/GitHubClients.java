package dev.attentive.publisher.github;

import java.io.IOException;
import org.kohsuke.github.GitHub;

/**
 * How the publisher gets an authenticated client for an installation: the seam where GitHub App installation tokens
 * plug in. Today: one configured token (or anonymous) for every installation.
 */
public interface GitHubClients {

  GitHub forInstallation(Long installationId) throws IOException;
}
