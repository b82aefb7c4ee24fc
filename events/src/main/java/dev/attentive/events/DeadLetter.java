package dev.attentive.events;

import java.time.Instant;

/**
 * A record that a service could not process: where it came from, why, and its original bytes so it
 * can be replayed.
 *
 * @param value the original record value, byte for byte (base64 in JSON)
 */
public record DeadLetter(
    int schemaVersion,
    String service,
    String sourceTopic,
    int sourcePartition,
    long sourceOffset,
    String key,
    byte[] value,
    String error,
    String errorDetail,
    Instant failedAt)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;
}
