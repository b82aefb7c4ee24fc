package dev.attentive.github.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A service's settings: the App id decides App mode. */
class FromSettingsTest {

  static final String API = "http://127.0.0.1:1";

  @Test
  void withoutAnAppIdAMountedKeyPathIsIgnored() {
    GitHubCredentials c =
        GitHubCredentials.fromSettings(
            API,
            Optional.of("ghp_x"),
            Optional.empty(),
            Optional.empty(),
            Optional.of("/etc/attentive/github/app-private-key.pem"));
    assertThat(c.mode()).isEqualTo(GitHubCredentials.Mode.TOKEN);
    assertThat(c.token()).contains("ghp_x");
  }

  @Test
  void anAppIdWithAKeyIsAppMode() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes())
                .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n";
    GitHubCredentials c =
        GitHubCredentials.fromSettings(
            API, Optional.empty(), Optional.of("42"), Optional.of(pem), Optional.empty());
    assertThat(c.mode()).isEqualTo(GitHubCredentials.Mode.APP);
    assertThat(c.appId()).contains("42");
  }

  @Test
  void nothingIsAnonymous() {
    assertThat(
            GitHubCredentials.fromSettings(
                    API, Optional.empty(), Optional.of(" "), Optional.empty(), Optional.empty())
                .mode())
        .isEqualTo(GitHubCredentials.Mode.ANONYMOUS);
  }
}
