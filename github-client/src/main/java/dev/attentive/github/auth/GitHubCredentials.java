package dev.attentive.github.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Attentive authenticates to GitHub: as a GitHub App (App id + RSA private key; one
 * installation token per installation), with one personal access token (local use), or anonymously;
 * plus the API URL.
 *
 * <p>{@link #toString()} never shows the token or the key.
 */
public final class GitHubCredentials {

  public static final String DEFAULT_API_URL = "https://api.github.com";
  public static final String ENV_API_URL = "GITHUB_API_URL";
  public static final String ENV_TOKEN = "GITHUB_TOKEN";
  public static final String ENV_APP_ID = "GITHUB_APP_ID";
  public static final String ENV_APP_PRIVATE_KEY = "GITHUB_APP_PRIVATE_KEY";
  public static final String ENV_APP_PRIVATE_KEY_PATH = "GITHUB_APP_PRIVATE_KEY_PATH";

  /** Which of the three ways. */
  public enum Mode {
    APP,
    TOKEN,
    ANONYMOUS
  }

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);

  /** DER of AlgorithmIdentifier { rsaEncryption, NULL }. */
  private static final byte[] RSA_ALGORITHM = {
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  private final Mode mode;
  private final String apiUrl;
  private final String token;
  private final String appId;
  private final PrivateKey privateKey;

  private GitHubCredentials(
      Mode mode, String apiUrl, String token, String appId, PrivateKey privateKey) {
    this.mode = mode;
    this.apiUrl = apiUrl(apiUrl);
    this.token = token;
    this.appId = appId;
    this.privateKey = privateKey;
  }

  /**
   * A GitHub App; {@code privateKeyPem} is the key GitHub hands out (PKCS#1 {@code RSA PRIVATE
   * KEY}) or PKCS#8.
   */
  public static GitHubCredentials app(String apiUrl, String appId, String privateKeyPem) {
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("GitHub App id is missing");
    }
    return app(apiUrl, appId, parsePrivateKey(privateKeyPem));
  }

  /** A GitHub App whose key is already parsed (RSA). */
  public static GitHubCredentials app(String apiUrl, String appId, PrivateKey privateKey) {
    if (appId == null || appId.isBlank()) {
      throw new IllegalArgumentException("GitHub App id is missing");
    }
    if (!appId.strip().matches("[0-9]+")) {
      throw new IllegalArgumentException(
          "GitHub App id must be the numeric App ID, got '" + appId + "'");
    }
    if (!(Objects.requireNonNull(privateKey, "privateKey") instanceof RSAPrivateKey)) {
      throw new IllegalArgumentException(
          "GitHub App keys are RSA keys, got " + privateKey.getAlgorithm());
    }
    return new GitHubCredentials(Mode.APP, apiUrl, null, appId.strip(), privateKey);
  }

  /** One personal access (or other) token for every installation. */
  public static GitHubCredentials token(String apiUrl, String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("GitHub token is blank");
    }
    return new GitHubCredentials(Mode.TOKEN, apiUrl, token.strip(), null, null);
  }

  /** No credentials (public data only, 60 requests/h on github.com). */
  public static GitHubCredentials anonymous(String apiUrl) {
    return new GitHubCredentials(Mode.ANONYMOUS, apiUrl, null, null, null);
  }

  /**
   * From a service's settings (each may be absent or blank): the App id decides App mode, and
   * without it the key settings are ignored, so a deployment may mount a key file it does not use
   * (the Helm chart does).
   */
  public static GitHubCredentials fromSettings(
      String apiUrl,
      java.util.Optional<String> token,
      java.util.Optional<String> appId,
      java.util.Optional<String> appPrivateKey,
      java.util.Optional<String> appPrivateKeyPath) {
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put(ENV_API_URL, apiUrl);
    token.ifPresent(t -> settings.put(ENV_TOKEN, t));
    if (appId.filter(id -> !id.isBlank()).isPresent()) {
      settings.put(ENV_APP_ID, appId.get());
      appPrivateKey.ifPresent(k -> settings.put(ENV_APP_PRIVATE_KEY, k));
      appPrivateKeyPath.ifPresent(k -> settings.put(ENV_APP_PRIVATE_KEY_PATH, k));
    }
    return fromEnvironment(settings);
  }

  /**
   * From environment-style settings: {@code GITHUB_API_URL} (default {@value #DEFAULT_API_URL}); a
   * GitHub App with {@code GITHUB_APP_ID} and the key as PEM text in {@code GITHUB_APP_PRIVATE_KEY}
   * or in the file {@code GITHUB_APP_PRIVATE_KEY_PATH}; else {@code GITHUB_TOKEN}; else anonymous.
   * Blank values count as unset.
   *
   * @throws IllegalArgumentException for a half-configured App (an id without a key, a key without
   *     an id, both key settings), an App together with {@code GITHUB_TOKEN}, an unreadable key
   *     file or an unparseable key; the message names the settings
   */
  public static GitHubCredentials fromEnvironment(Map<String, String> env) {
    Objects.requireNonNull(env, "env");
    String apiUrl = value(env, ENV_API_URL);
    String token = value(env, ENV_TOKEN);
    String appId = value(env, ENV_APP_ID);
    String keyPem = value(env, ENV_APP_PRIVATE_KEY);
    String keyPath = value(env, ENV_APP_PRIVATE_KEY_PATH);
    boolean appConfigured = appId != null || keyPem != null || keyPath != null;
    if (!appConfigured) {
      return token != null ? token(apiUrl, token) : anonymous(apiUrl);
    }
    if (token != null) {
      throw new IllegalArgumentException(
          "Both "
              + ENV_TOKEN
              + " and GitHub App settings ("
              + ENV_APP_ID
              + ", "
              + ENV_APP_PRIVATE_KEY
              + ", "
              + ENV_APP_PRIVATE_KEY_PATH
              + ") are set: set one or the other");
    }
    if (keyPem != null && keyPath != null) {
      throw new IllegalArgumentException(
          "GitHub App: set "
              + ENV_APP_PRIVATE_KEY
              + " or "
              + ENV_APP_PRIVATE_KEY_PATH
              + ", not both");
    }
    if (appId == null) {
      throw new IllegalArgumentException(
          "GitHub App: "
              + (keyPem != null ? ENV_APP_PRIVATE_KEY : ENV_APP_PRIVATE_KEY_PATH)
              + " is set but "
              + ENV_APP_ID
              + " is missing");
    }
    if (keyPem == null && keyPath == null) {
      throw new IllegalArgumentException(
          "GitHub App: "
              + ENV_APP_ID
              + " is set but its private key is missing: set "
              + ENV_APP_PRIVATE_KEY
              + " (PEM text) or "
              + ENV_APP_PRIVATE_KEY_PATH
              + " (PEM file)");
    }
    if (keyPath != null) {
      try {
        keyPem = Files.readString(Path.of(keyPath), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "GitHub App: cannot read " + ENV_APP_PRIVATE_KEY_PATH + "=" + keyPath + ": " + e, e);
      }
    }
    try {
      return app(apiUrl, appId, keyPem);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("GitHub App: " + e.getMessage(), e);
    }
  }

  /**
   * Parses an RSA private key PEM: PKCS#1 ({@code -----BEGIN RSA PRIVATE KEY-----}, what GitHub
   * hands out) or PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}). Literal {@code \n} sequences (a PEM
   * squeezed into one environment line) are taken as line breaks. Encrypted keys are refused.
   */
  public static PrivateKey parsePrivateKey(String pem) {
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException("private key is empty");
    }
    Matcher m = PEM.matcher(pem.replace("\\n", "\n"));
    if (!m.find()) {
      throw new IllegalArgumentException(
          "private key is not PEM (expected -----BEGIN RSA PRIVATE KEY----- or"
              + " -----BEGIN PRIVATE KEY-----)");
    }
    String type = m.group(1);
    String body = m.group(2);
    if (type.contains("ENCRYPTED") || body.contains("Proc-Type:")) {
      throw new IllegalArgumentException(
          "private key is encrypted; GitHub App keys are used unencrypted");
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(body.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "private key PEM body is not Base64: " + e.getMessage(), e);
    }
    byte[] pkcs8 =
        switch (type) {
          case "RSA PRIVATE KEY" -> pkcs1ToPkcs8(der);
          case "PRIVATE KEY" -> der;
          default ->
              throw new IllegalArgumentException(
                  "unsupported PEM type '" + type + "' (expected RSA PRIVATE KEY or PRIVATE KEY)");
        };
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "private key is not a valid RSA key: " + e.getMessage(), e);
    }
  }

  /**
   * PKCS#8 PrivateKeyInfo { version 0, rsaEncryption, OCTET STRING { the PKCS#1 RSAPrivateKey } }.
   */
  private static byte[] pkcs1ToPkcs8(byte[] pkcs1) {
    ByteArrayOutputStream inner = new ByteArrayOutputStream();
    inner.writeBytes(new byte[] {0x02, 0x01, 0x00});
    inner.writeBytes(RSA_ALGORITHM);
    inner.write(0x04);
    inner.writeBytes(derLength(pkcs1.length));
    inner.writeBytes(pkcs1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x30);
    out.writeBytes(derLength(inner.size()));
    out.writeBytes(inner.toByteArray());
    return out.toByteArray();
  }

  private static byte[] derLength(int length) {
    if (length < 0x80) {
      return new byte[] {(byte) length};
    }
    int bytes = length > 0xffffff ? 4 : length > 0xffff ? 3 : length > 0xff ? 2 : 1;
    byte[] out = new byte[bytes + 1];
    out[0] = (byte) (0x80 | bytes);
    for (int i = 0; i < bytes; i++) {
      out[bytes - i] = (byte) (length >>> (8 * i));
    }
    return out;
  }

  private static String value(Map<String, String> env, String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v.strip();
  }

  private static String apiUrl(String url) {
    if (url == null || url.isBlank()) {
      return DEFAULT_API_URL;
    }
    String u = url.strip();
    while (u.endsWith("/")) {
      u = u.substring(0, u.length() - 1);
    }
    return u;
  }

  public Mode mode() {
    return mode;
  }

  /** The API root without a trailing slash, e.g. {@code https://api.github.com}. */
  public String apiUrl() {
    return apiUrl;
  }

  /** The token in {@link Mode#TOKEN}. */
  public Optional<String> token() {
    return Optional.ofNullable(token);
  }

  /** The App id in {@link Mode#APP}. */
  public Optional<String> appId() {
    return Optional.ofNullable(appId);
  }

  /** The App's private key in {@link Mode#APP}. */
  public Optional<PrivateKey> privateKey() {
    return Optional.ofNullable(privateKey);
  }

  @Override
  public String toString() {
    return switch (mode) {
      case APP -> "GitHubCredentials[app " + appId + " at " + apiUrl + "]";
      case TOKEN -> "GitHubCredentials[token at " + apiUrl + "]";
      case ANONYMOUS -> "GitHubCredentials[anonymous at " + apiUrl + "]";
    };
  }
}
