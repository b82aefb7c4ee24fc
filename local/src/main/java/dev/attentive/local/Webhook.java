package dev.attentive.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** GitHub's side of a webhook delivery: sign the body with the shared secret and POST it. */
public final class Webhook {

  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private Webhook() {}

  public static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static HttpRequest request(
      String url, String event, String delivery, byte[] payload, String signature) {
    return HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("User-Agent", "GitHub-Hookshot/attentive-local")
        .header("X-GitHub-Event", event)
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", signature)
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
        .build();
  }

  public static HttpResponse<String> post(
      String url, String event, String delivery, byte[] payload, String secret)
      throws IOException, InterruptedException {
    return HTTP.send(
        request(url, event, delivery, payload, sign(payload, secret)),
        HttpResponse.BodyHandlers.ofString());
  }
}
