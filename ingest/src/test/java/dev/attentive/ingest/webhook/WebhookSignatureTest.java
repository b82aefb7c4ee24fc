package dev.attentive.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  private static final byte[] HELLO = "Hello, World!".getBytes(StandardCharsets.UTF_8);
  private static final String GITHUB_VECTOR =
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

  private final WebhookSignature signature = new WebhookSignature("It's a Secret to Everybody");

  @Test
  void githubsDocumentedTestVectorVerifies() {
    assertThat(signature.sign(HELLO)).isEqualTo(GITHUB_VECTOR);
    assertThat(signature.verify(HELLO, GITHUB_VECTOR)).isTrue();
  }

  @Test
  void upperCaseHexIsTheSameSignature() {
    assertThat(signature.verify(HELLO, "sha256=" + GITHUB_VECTOR.substring(7).toUpperCase()))
        .isTrue();
  }

  @Test
  void anyChangeToBodySecretOrHeaderFails() {
    assertThat(signature.verify("Hello, World?".getBytes(StandardCharsets.UTF_8), GITHUB_VECTOR))
        .isFalse();
    assertThat(new WebhookSignature("It's a secret to everybody").verify(HELLO, GITHUB_VECTOR))
        .isFalse();
    String flipped = GITHUB_VECTOR.substring(0, GITHUB_VECTOR.length() - 1) + "f";
    assertThat(signature.verify(HELLO, flipped)).isFalse();
  }

  @Test
  void malformedHeadersFailWithoutThrowing() {
    assertThat(signature.verify(HELLO, null)).isFalse();
    assertThat(signature.verify(HELLO, "")).isFalse();
    assertThat(signature.verify(HELLO, GITHUB_VECTOR.substring(7)))
        .isFalse(); // no "sha256=" prefix
    assertThat(signature.verify(HELLO, "sha1=" + GITHUB_VECTOR.substring(7))).isFalse();
    assertThat(signature.verify(HELLO, GITHUB_VECTOR + "00")).isFalse();
    assertThat(signature.verify(HELLO, "sha256=" + "zz".repeat(32))).isFalse();
  }

  @Test
  void anHmacFedInChunksVerifiesAsTheWholeBodyDoes() {
    WebhookSignature.Streaming streamed = signature.streaming();
    streamed.update("Hello, ".getBytes(StandardCharsets.UTF_8));
    streamed.update(new byte[0]);
    streamed.update("World!".getBytes(StandardCharsets.UTF_8));
    assertThat(streamed.verify(GITHUB_VECTOR)).isTrue();

    WebhookSignature.Streaming changed = signature.streaming();
    changed.update("Hello, World?".getBytes(StandardCharsets.UTF_8));
    assertThat(changed.verify(GITHUB_VECTOR)).isFalse();
    assertThat(signature.streaming().verify(null)).isFalse();
  }

  @Test
  void emptySecretIsRefused() {
    assertThatThrownBy(() -> new WebhookSignature("")).isInstanceOf(IllegalArgumentException.class);
  }
}
