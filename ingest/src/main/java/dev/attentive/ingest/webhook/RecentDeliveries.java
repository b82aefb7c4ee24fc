package dev.attentive.ingest.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The deliveries this ingest instance stored lately: delivery id → SHA-256 of the body. GitHub
 * redelivers with the same id and the same body; the same id with another (validly signed) body is
 * not a redelivery but a conflict, refused at the door. Bounded (oldest forgotten first) and per
 * instance: the fetcher's changelogged store is the durable check behind it.
 */
final class RecentDeliveries {

  private final Map<String, byte[]> bodies;

  RecentDeliveries(int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be positive: " + capacity);
    }
    this.bodies =
        new LinkedHashMap<>(16, 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
            return size() > capacity;
          }
        };
  }

  /** Whether {@code deliveryId} was stored here with a body other than {@code body}. */
  synchronized boolean conflicts(String deliveryId, String body) {
    byte[] known = bodies.get(deliveryId);
    return known != null && !Arrays.equals(known, sha256(body));
  }

  /** Remembers a delivery once it is stored. */
  synchronized void stored(String deliveryId, String body) {
    bodies.putIfAbsent(deliveryId, sha256(body));
  }

  synchronized int size() {
    return bodies.size();
  }

  private static byte[] sha256(String body) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }
}
