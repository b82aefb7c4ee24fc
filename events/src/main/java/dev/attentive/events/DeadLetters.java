package dev.attentive.events;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/** Builds {@link DeadLetter}s the same way in every service. */
public final class DeadLetters {

  private DeadLetters() {}

  /**
   * @param reason a short, stable code (also a metrics tag), e.g. {@code unreadable_chunk}
   */
  public static DeadLetter of(String service, String sourceTopic, int partition, long offset, String key,
      byte[] value, String reason, Throwable cause, Instant now) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return new DeadLetter(DeadLetter.SCHEMA_VERSION, service, sourceTopic, partition, offset, key, value,
        reason + ": " + cause.getMessage(), trace.toString(), now);
  }
}
