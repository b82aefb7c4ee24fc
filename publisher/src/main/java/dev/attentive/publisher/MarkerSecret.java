package dev.attentive.publisher;

import dev.attentive.github.auth.GitHubCredentials;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The key the publisher's markers are signed with: {@code attentive.publisher.marker-secret}
 * ({@code ATTENTIVE_PUBLISHER_MARKER_SECRET}, the Helm secret) when set. Unset (local, dev), one is
 * derived from the deployment's GitHub credentials — the App's private key or the token — which
 * only this deployment holds and which stay the same across restarts; a warning says so, because
 * rotating the credentials then also changes the key (markers posted before no longer count, and a
 * PR whose record in Kafka is lost gets its findings again once). Without credentials nothing can
 * be posted: a random key for this process.
 */
public final class MarkerSecret {

  private static final Logger LOG = Logger.getLogger(MarkerSecret.class);

  /** Shortest configured secret taken. */
  static final int MIN_LENGTH = 16;

  private MarkerSecret() {}

  /**
   * @throws IllegalArgumentException when the configured secret is shorter than {@value
   *     #MIN_LENGTH} characters
   */
  public static byte[] resolve(Optional<String> configured, GitHubCredentials credentials) {
    Optional<String> secret = configured.map(String::strip).filter(s -> !s.isEmpty());
    if (secret.isPresent()) {
      if (secret.get().length() < MIN_LENGTH) {
        throw new IllegalArgumentException(
            "attentive.publisher.marker-secret must have at least "
                + MIN_LENGTH
                + " characters (32 random ones recommended)");
      }
      return secret.get().getBytes(StandardCharsets.UTF_8);
    }
    byte[] material =
        switch (credentials.mode()) {
          case APP -> credentials.privateKey().orElseThrow().getEncoded();
          case TOKEN -> credentials.token().orElseThrow().getBytes(StandardCharsets.UTF_8);
          case ANONYMOUS -> null;
        };
    if (material == null) {
      LOG.warn(
          "attentive.publisher.marker-secret is not set and there are no GitHub credentials:"
              + " markers are signed with a random key for this process");
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      return random;
    }
    LOG.warn(
        "attentive.publisher.marker-secret (ATTENTIVE_PUBLISHER_MARKER_SECRET) is not set: markers"
            + " are signed with a key derived from the GitHub credentials, which changes when they"
            + " are rotated; set a secret of its own in production (docs/security.md)");
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update("attentive marker secret v1\0".getBytes(StandardCharsets.UTF_8));
      return sha.digest(material);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
