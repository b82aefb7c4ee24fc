package dev.attentive.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's {@code X-Hub-Signature-256}: {@code sha256=} + hex HMAC-SHA256 of the raw body under the
 * webhook secret.
 */
public final class WebhookSignature {

  private static final String PREFIX = "sha256=";

  private final SecretKeySpec key;

  public WebhookSignature(String secret) {
    if (secret == null || secret.isEmpty()) {
      throw new IllegalArgumentException("the webhook secret must not be empty");
    }
    this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
  }

  /** The header value GitHub would send for this body. */
  public String sign(byte[] body) {
    return PREFIX + HexFormat.of().formatHex(hmac(body));
  }

  /**
   * Constant-time check of a header value against the body; false for a missing or malformed
   * header.
   */
  public boolean verify(byte[] body, String header) {
    return matches(hmac(body), header);
  }

  /** An HMAC fed chunk by chunk as the body arrives, so it is ready when the last byte is. */
  public Streaming streaming() {
    return new Streaming(newMac());
  }

  /** The HMAC of a body read in chunks; {@link #verify} once the body has ended. */
  public static final class Streaming {
    private final Mac mac;

    private Streaming(Mac mac) {
      this.mac = mac;
    }

    public void update(byte[] chunk) {
      mac.update(chunk);
    }

    /** As {@link WebhookSignature#verify}, over every chunk given so far; call it once. */
    public boolean verify(String header) {
      return matches(mac.doFinal(), header);
    }
  }

  private static boolean matches(byte[] hmac, String header) {
    if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 64) {
      return false;
    }
    byte[] given;
    try {
      given =
          HexFormat.of()
              .parseHex(header.substring(PREFIX.length()).toLowerCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(hmac, given);
  }

  private byte[] hmac(byte[] body) {
    return newMac().doFinal(body);
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac;
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
