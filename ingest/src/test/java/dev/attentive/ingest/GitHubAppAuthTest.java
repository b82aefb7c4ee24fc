package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubAppEmulation;
import dev.attentive.testkit.github.GitHubEmulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Ingest authenticated as a GitHub App: installation tokens are exchanged, reused, and renewed
 * after a 401.
 */
@QuarkusTest
@TestProfile(GitHubAppAuthTest.AsApp.class)
@WithTestResource(IngestTestResource.class)
class GitHubAppAuthTest {

  static final String APP_ID = "424242";
  static final KeyPair KEYS = keys();

  public static class AsApp implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes())
                  .encodeToString(KEYS.getPrivate().getEncoded())
              + "\n-----END PRIVATE KEY-----\n";
      return Map.of(
          "attentive.ingest.github.token", "",
          "attentive.ingest.github.app-id", APP_ID,
          "attentive.ingest.github.app-private-key", pem);
    }
  }

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  @Test
  void pullRequestsAreFetchedWithInstallationTokensRenewedAfterA401() {
    GitHubEmulator github = IngestTestResource.github();
    github
        .pullRequest("Codertocat/Hello-World", 2)
        .head(WebhookIngestTest.HEAD)
        .base(WebhookIngestTest.BASE)
        .clearFiles()
        .file("README.md", "modified", WebhookIngestTest.README_PATCH)
        .register();
    GitHubAppEmulation app =
        GitHubAppEmulation.enable(github, APP_ID, KEYS.getPublic()).installation(1, "Codertocat");

    String first = UUID.randomUUID().toString();
    String second = UUID.randomUUID().toString();
    assertThat(
            Webhooks.post(
                    endpoint, "pull_request", first, Webhooks.distinct("pull_request_opened.json"))
                .status())
        .isEqualTo(202);
    awaitManifest(first);
    assertThat(app.tokenExchanges()).isEqualTo(1);
    assertThat(
            github
                .requests("GET", "/repos/Codertocat/Hello-World/pulls/2/files")
                .get(0)
                .header("Authorization"))
        .startsWith("token ghs_");

    app.expireAllTokens();
    assertThat(
            Webhooks.post(
                    endpoint, "pull_request", second, Webhooks.distinct("pull_request_opened.json"))
                .status())
        .isEqualTo(202);
    awaitManifest(second);
    assertThat(app.tokenExchanges()).as("the expired token was renewed once").isEqualTo(2);
  }

  private static void awaitManifest(String delivery) {
    assertThat(
            IngestTestResource.kafka()
                .await(
                    Topics.DIFF_MANIFESTS,
                    EventSerdes.diffManifest(),
                    m -> m.deliveryId().equals(delivery),
                    1,
                    Duration.ofSeconds(60)))
        .hasSize(1);
  }

  private static KeyPair keys() {
    try {
      // Deterministic: Quarkus may load the profile in another class loader, and both copies must
      // hold the same key.
      java.security.SecureRandom random = java.security.SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(20261123L);
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, random);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
