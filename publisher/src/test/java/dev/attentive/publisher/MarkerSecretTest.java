package dev.attentive.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.github.auth.GitHubCredentials;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MarkerSecretTest {

  static final GitHubCredentials TOKEN = GitHubCredentials.token("https://api.github.com", "t1");

  @Test
  void aConfiguredSecretIsUsedAsItIs() {
    assertThat(MarkerSecret.resolve(Optional.of(" 0123456789abcdef0123 "), TOKEN))
        .isEqualTo("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> MarkerSecret.resolve(Optional.of("short"), TOKEN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16");
  }

  @Test
  void unsetTheKeyIsDerivedFromTheCredentialsTheSameWayEveryTime() throws Exception {
    byte[] fromToken = MarkerSecret.resolve(Optional.empty(), TOKEN);
    assertThat(fromToken).hasSize(32).isEqualTo(MarkerSecret.resolve(Optional.of(" "), TOKEN));
    assertThat(fromToken)
        .isNotEqualTo("t1".getBytes(StandardCharsets.UTF_8))
        .isNotEqualTo(
            MarkerSecret.resolve(
                Optional.empty(), GitHubCredentials.token("https://api.github.com", "t2")));

    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    GitHubCredentials app =
        GitHubCredentials.app(
            "https://api.github.com", "1", generator.generateKeyPair().getPrivate());
    assertThat(MarkerSecret.resolve(Optional.empty(), app))
        .hasSize(32)
        .isEqualTo(MarkerSecret.resolve(Optional.empty(), app))
        .isNotEqualTo(fromToken);
  }

  @Test
  void withoutCredentialsTheKeyIsRandom() {
    GitHubCredentials none = GitHubCredentials.anonymous("https://api.github.com");
    assertThat(MarkerSecret.resolve(Optional.empty(), none))
        .hasSize(32)
        .isNotEqualTo(MarkerSecret.resolve(Optional.empty(), none));
  }
}
