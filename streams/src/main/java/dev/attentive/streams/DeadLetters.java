package dev.attentive.streams;

import dev.attentive.events.DeadLetter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Optional;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * How one service dead-letters a record: {@link DeadLetter}s naming the service, counted as {@code
 * attentive.<service>.dead.letters{reason}}.
 *
 * @param service {@code ingest}, {@code reviewer} or {@code publisher}
 */
public record DeadLetters(String service, MeterRegistry metrics, Clock clock) {

  /**
   * The dead letter of a record: where it came from, why, and its original bytes.
   *
   * @param reason a short, stable code (also the metrics tag), e.g. {@code unreadable_chunk}
   */
  public DeadLetter letter(
      String sourceTopic,
      Optional<RecordMetadata> source,
      Record<String, byte[]> record,
      String reason,
      Throwable cause) {
    StringWriter trace = new StringWriter();
    cause.printStackTrace(new PrintWriter(trace));
    return new DeadLetter(
        DeadLetter.SCHEMA_VERSION,
        service,
        sourceTopic,
        source.map(RecordMetadata::partition).orElse(-1),
        source.map(RecordMetadata::offset).orElse(-1L),
        record.key(),
        record.value(),
        reason + ": " + cause.getMessage(),
        trace.toString(),
        clock.instant());
  }

  public void count(String reason) {
    metrics.counter("attentive." + service + ".dead.letters", "reason", reason).increment();
  }
}
