package dev.attentive.github;

import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How a service reaches GitHub: the API, the credentials and the HTTP time-outs. Ingest's and the
 * publisher's configuration groups extend it, so both read the same properties under their own
 * prefix ({@code attentive.ingest.github.*}, {@code attentive.publisher.github.*}); see
 * docs/configuration.md.
 */
public interface GitHubClientConfig {

  @WithDefault("https://api.github.com")
  String apiUrl();

  /**
   * A token for local use (a personal access token); GitHub App installation tokens come through
   * the same seam.
   */
  Optional<String> token();

  /**
   * A GitHub App's id: with a private key, the service authenticates as the App's installations.
   */
  Optional<String> appId();

  /** The App's private key (PEM text, PKCS#1 as GitHub hands it out, or PKCS#8). */
  Optional<String> appPrivateKey();

  /** Or a file holding it. */
  Optional<String> appPrivateKeyPath();

  @WithDefault("10s")
  Duration connectTimeout();

  /** How long one request may take, answer included. */
  @WithDefault("30s")
  Duration requestTimeout();
}
