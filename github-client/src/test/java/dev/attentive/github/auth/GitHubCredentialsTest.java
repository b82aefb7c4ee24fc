package dev.attentive.github.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

class GitHubCredentialsTest {

  private static KeyPair keys;

  @TempDir Path dir;

  @BeforeAll
  static void keys() {
    keys = Pem.rsa();
  }

  @Test
  void parsesPkcs1AsGitHubHandsItOutAndPkcs8() {
    String pkcs1 = Pem.pkcs1(keys);
    assertThat(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    PrivateKey fromPkcs1 = GitHubCredentials.parsePrivateKey(pkcs1);
    PrivateKey fromPkcs8 = GitHubCredentials.parsePrivateKey(Pem.pkcs8(keys));
    assertThat(fromPkcs1.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    assertThat(fromPkcs8.getEncoded()).isEqualTo(keys.getPrivate().getEncoded());
    // a PEM squeezed into one environment line with literal \n, with CRLF, with text around it
    assertThat(GitHubCredentials.parsePrivateKey(pkcs1.replace("\n", "\\n")).getEncoded())
        .isEqualTo(keys.getPrivate().getEncoded());
    assertThat(
            GitHubCredentials.parsePrivateKey("key:\r\n" + pkcs1.replace("\n", "\r\n") + "\r\n")
                .getEncoded())
        .isEqualTo(keys.getPrivate().getEncoded());
  }

  @Test
  void kohsukesOwnPemParserRefusesPkcs1() throws Exception {
    // why the key is parsed here and handed to JWTTokenProvider(String, PrivateKey)
    assertThatThrownBy(() -> new JWTTokenProvider("1", Pem.pkcs1(keys)))
        .isInstanceOf(InvalidKeySpecException.class)
        .hasMessageContaining("PKCS#8");
    new JWTTokenProvider("1", Pem.pkcs8(keys));
  }

  @Test
  void refusesWhatIsNotAnUnencryptedRsaKey() {
    assertThatThrownBy(() -> GitHubCredentials.parsePrivateKey("not a key"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not PEM");
    assertThatThrownBy(
            () ->
                GitHubCredentials.parsePrivateKey(
                    "-----BEGIN ENCRYPTED PRIVATE KEY-----\nAAAA\n-----END ENCRYPTED PRIVATE KEY-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("encrypted");
    assertThatThrownBy(
            () ->
                GitHubCredentials.parsePrivateKey(
                    "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a valid RSA key");
    assertThatThrownBy(
            () ->
                GitHubCredentials.parsePrivateKey(
                    "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported PEM type 'EC PRIVATE KEY'");
  }

  @Test
  void environmentSelectsAppTokenOrAnonymous() throws Exception {
    GitHubCredentials app =
        GitHubCredentials.fromEnvironment(
            Map.of(
                "GITHUB_API_URL",
                "http://127.0.0.1:9/",
                "GITHUB_APP_ID",
                " 12345 ",
                "GITHUB_APP_PRIVATE_KEY",
                Pem.pkcs1(keys),
                "GITHUB_TOKEN",
                " "));
    assertThat(app.mode()).isEqualTo(GitHubCredentials.Mode.APP);
    assertThat(app.apiUrl()).isEqualTo("http://127.0.0.1:9");
    assertThat(app.appId()).contains("12345");
    assertThat(app.privateKey().orElseThrow().getEncoded())
        .isEqualTo(keys.getPrivate().getEncoded());
    assertThat(app.token()).isEmpty();
    assertThat(app.toString()).isEqualTo("GitHubCredentials[app 12345 at http://127.0.0.1:9]");

    Path keyFile = dir.resolve("app.pem");
    Files.writeString(keyFile, Pem.pkcs8(keys));
    GitHubCredentials fromFile =
        GitHubCredentials.fromEnvironment(
            Map.of("GITHUB_APP_ID", "7", "GITHUB_APP_PRIVATE_KEY_PATH", keyFile.toString()));
    assertThat(fromFile.apiUrl()).isEqualTo("https://api.github.com");
    assertThat(fromFile.privateKey().orElseThrow().getEncoded())
        .isEqualTo(keys.getPrivate().getEncoded());

    GitHubCredentials token =
        GitHubCredentials.fromEnvironment(Map.of("GITHUB_TOKEN", "ghp_abc", "GITHUB_APP_ID", ""));
    assertThat(token.mode()).isEqualTo(GitHubCredentials.Mode.TOKEN);
    assertThat(token.token()).contains("ghp_abc");
    assertThat(token.toString()).doesNotContain("ghp_abc");

    assertThat(GitHubCredentials.fromEnvironment(Map.of()).mode())
        .isEqualTo(GitHubCredentials.Mode.ANONYMOUS);
  }

  @Test
  void halfConfiguredAppsGiveClearErrors() throws Exception {
    assertThatThrownBy(() -> GitHubCredentials.fromEnvironment(Map.of("GITHUB_APP_ID", "12345")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "GitHub App: GITHUB_APP_ID is set but its private key is missing: set GITHUB_APP_PRIVATE_KEY"
                + " (PEM text) or GITHUB_APP_PRIVATE_KEY_PATH (PEM file)");
    assertThatThrownBy(
            () ->
                GitHubCredentials.fromEnvironment(
                    Map.of("GITHUB_APP_PRIVATE_KEY", Pem.pkcs1(keys))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GitHub App: GITHUB_APP_PRIVATE_KEY is set but GITHUB_APP_ID is missing");
    assertThatThrownBy(
            () ->
                GitHubCredentials.fromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY_PATH", "/k.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GitHub App: GITHUB_APP_PRIVATE_KEY_PATH is set but GITHUB_APP_ID is missing");
    assertThatThrownBy(
            () ->
                GitHubCredentials.fromEnvironment(
                    Map.of(
                        "GITHUB_APP_ID",
                        "1",
                        "GITHUB_APP_PRIVATE_KEY",
                        Pem.pkcs1(keys),
                        "GITHUB_APP_PRIVATE_KEY_PATH",
                        "/k.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "GitHub App: set GITHUB_APP_PRIVATE_KEY or GITHUB_APP_PRIVATE_KEY_PATH, not both");
    Map<String, String> both =
        new HashMap<>(Map.of("GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY", Pem.pkcs1(keys)));
    both.put("GITHUB_TOKEN", "ghp_x");
    assertThatThrownBy(() -> GitHubCredentials.fromEnvironment(both))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Both GITHUB_TOKEN and GitHub App settings");
    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(
            () ->
                GitHubCredentials.fromEnvironment(
                    Map.of(
                        "GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY_PATH", missing.toString())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("GitHub App: cannot read GITHUB_APP_PRIVATE_KEY_PATH=" + missing);
    assertThatThrownBy(
            () ->
                GitHubCredentials.fromEnvironment(
                    Map.of("GITHUB_APP_ID", "1", "GITHUB_APP_PRIVATE_KEY", "ghp_thisIsAToken")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("GitHub App: private key is not PEM");
    assertThatThrownBy(
            () ->
                GitHubCredentials.fromEnvironment(
                    Map.of(
                        "GITHUB_APP_ID",
                        "attentive-bot",
                        "GITHUB_APP_PRIVATE_KEY",
                        Pem.pkcs1(keys))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("GitHub App: GitHub App id must be the numeric App ID, got 'attentive-bot'");
  }
}
