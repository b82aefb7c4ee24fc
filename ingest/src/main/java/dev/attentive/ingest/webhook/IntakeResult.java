package dev.attentive.ingest.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What ingest answers GitHub: a status and a small JSON object. Every non-2xx carries {@code error}
 * (a stable, machine-readable code, also the metrics tag) and {@code reason} (for the person
 * reading GitHub's delivery log).
 */
public record IntakeResult(int status, Map<String, Object> body) {

  public static IntakeResult rejected(int status, String error, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("reason", reason);
    return new IntakeResult(status, body);
  }

  public static IntakeResult stored(String deliveryId, String key) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "accepted");
    body.put("delivery", deliveryId);
    body.put("key", key);
    return new IntakeResult(202, body);
  }

  public static IntakeResult ignored(String deliveryId, String reason) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "ignored");
    body.put("delivery", deliveryId);
    body.put("reason", reason);
    return new IntakeResult(202, body);
  }

  public static IntakeResult pong(String deliveryId) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", "pong");
    body.put("delivery", deliveryId);
    return new IntakeResult(200, body);
  }

  public String error() {
    Object e = body.get("error");
    return e == null ? null : e.toString();
  }
}
