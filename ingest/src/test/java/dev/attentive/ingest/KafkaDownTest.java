package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.testkit.Fixtures;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With no broker reachable, a valid delivery must be answered 503 (GitHub can redeliver), never
 * 202.
 */
@QuarkusTest
@TestProfile(KafkaDownTest.NoBroker.class)
class KafkaDownTest {

  public static class NoBroker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "kafka.bootstrap.servers",
          "127.0.0.1:" + closedPort(),
          "attentive.ingest.webhook.secret",
          IngestTestResource.SECRET,
          "attentive.ingest.webhook.store-timeout",
          "1s",
          "attentive.ingest.topics.create",
          "false");
    }
  }

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  @Test
  void aValidDeliveryIsAnswered503WhenItCannotBeStored() {
    Webhooks.Response response =
        Webhooks.post(
            endpoint,
            "pull_request",
            "kafka-down-1",
            Webhooks.distinct("pull_request_opened.json"));

    assertThat(response.status()).isEqualTo(503);
    assertThat(response.field("error")).isEqualTo("storage_unavailable");
    assertThat(response.field("reason")).contains("redeliver");
  }

  @Test
  void deliveriesThatNeedNoStorageAreStillAnswered() {
    assertThat(
            Webhooks.post(endpoint, "ping", "kafka-down-2", Fixtures.webhook("ping.json")).status())
        .isEqualTo(200);
    assertThat(
            Webhooks.post(
                    endpoint,
                    "pull_request",
                    "kafka-down-3",
                    "sha256=" + "0".repeat(64),
                    Webhooks.distinct("pull_request_opened.json"))
                .status())
        .isEqualTo(401);
  }

  /** A loopback port with nothing listening on it. */
  static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
