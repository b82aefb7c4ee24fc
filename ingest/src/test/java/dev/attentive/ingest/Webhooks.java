package dev.attentive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.ingest.webhook.WebhookSignature;
import dev.attentive.testkit.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Posts webhooks to the running app over real HTTP, signed as GitHub signs them (or not, for the
 * negative cases).
 */
final class Webhooks {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  record Response(int status, JsonNode body) {
    String field(String name) {
      return body.path(name).asText(null);
    }
  }

  private Webhooks() {}

  static String sign(byte[] body) {
    return new WebhookSignature(IngestTestResource.SECRET).sign(body);
  }

  /** A fixture's bytes with some fields changed, distinct from every other delivery. */
  static byte[] fixture(String name, Consumer<ObjectNode> edit) {
    try {
      ObjectNode node = (ObjectNode) EventJson.mapper().readTree(Fixtures.webhook(name));
      edit.accept(node);
      node.put("attentive_test_nonce", UUID.randomUUID().toString());
      return EventJson.mapper().writeValueAsBytes(node);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A fixture made distinct from every other delivery, as real events are (ingest skips a body it
   * has already processed under another delivery ID).
   */
  static byte[] distinct(String name) {
    return fixture(name, node -> {});
  }

  static Response post(URI endpoint, String event, String delivery, byte[] body) {
    return post(endpoint, event, delivery, sign(body), body);
  }

  static Response post(URI endpoint, String event, String delivery, String signature, byte[] body) {
    return post(endpoint, event, delivery, signature, HttpRequest.BodyPublishers.ofByteArray(body));
  }

  /** Signed, sent chunked: no Content-Length, so ingest learns the size only as it reads. */
  static Response postChunked(URI endpoint, String event, String delivery, byte[] body) {
    return post(
        endpoint,
        event,
        delivery,
        sign(body),
        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
  }

  private static Response post(
      URI endpoint,
      String event,
      String delivery,
      String signature,
      HttpRequest.BodyPublisher body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .header("Content-Type", "application/json")
            .header("User-Agent", "GitHub-Hookshot/test")
            .POST(body);
    if (event != null) {
      request.header("X-GitHub-Event", event);
    }
    if (delivery != null) {
      request.header("X-GitHub-Delivery", delivery);
    }
    if (signature != null) {
      request.header("X-Hub-Signature-256", signature);
    }
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      JsonNode json =
          response.body().length == 0
              ? EventJson.mapper().createObjectNode()
              : EventJson.mapper().readTree(response.body());
      return new Response(response.statusCode(), json);
    } catch (IOException e) {
      throw new IllegalStateException("POST " + endpoint + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
