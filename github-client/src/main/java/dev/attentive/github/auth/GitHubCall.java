package dev.attentive.github.auth;

import java.io.IOException;
import org.kohsuke.github.GitHub;

/** Work done with an installation's client; see {@link InstallationClients#call}. */
@FunctionalInterface
public interface GitHubCall<T> {

  T apply(GitHub github) throws IOException;
}
