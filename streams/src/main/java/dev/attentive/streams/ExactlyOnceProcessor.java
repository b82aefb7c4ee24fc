package dev.attentive.streams;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.Versioned;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.Record;
import org.jboss.logging.Logger;

/**
 * The base of the services' stream processors: reads one event type from one topic, and sends a
 * record it cannot read, or cannot process, to the dead-letter topic with its original bytes, so
 * the stream goes on and the record can be replayed. Everything a processor sends goes through
 * typed {@link Sink}s, within the Kafka transaction that consumes the record (the services run with
 * {@code processing.guarantee=exactly_once_v2}).
 *
 * <p>Dead-letter reasons for the input itself are {@code unreadable_<what>} (not the event's JSON,
 * or a schema version this build does not read) and {@code invalid_<what>} (read, but refused by
 * {@link #validate}).
 */
public abstract class ExactlyOnceProcessor<V extends Versioned>
    extends ContextualProcessor<String, byte[], String, Object> {

  private static final Logger LOG = Logger.getLogger(ExactlyOnceProcessor.class);

  private final String sourceTopic;
  private final JsonSerde<V> serde;
  private final String what;
  private final DeadLetters deadLetters;

  /**
   * @param what the input in dead-letter reasons, e.g. {@code chunk}
   */
  protected ExactlyOnceProcessor(
      String sourceTopic, JsonSerde<V> serde, String what, DeadLetters deadLetters) {
    this.sourceTopic = sourceTopic;
    this.serde = serde;
    this.what = what;
    this.deadLetters = deadLetters;
  }

  @Override
  public final void process(Record<String, byte[]> record) {
    V value;
    try {
      value = serde.deserialize(sourceTopic, record.value());
    } catch (SerializationException e) {
      deadLetter(record, "unreadable_" + what, e);
      return;
    }
    try {
      validate(value);
    } catch (IllegalArgumentException | NullPointerException e) {
      deadLetter(record, "invalid_" + what, e);
      return;
    }
    process(record, value);
  }

  /**
   * Refuses a value that was read but cannot be processed, by throwing; nothing to check by
   * default.
   */
  protected void validate(V value) {}

  /** Processes one value read from the record (whose bytes a dead letter would carry). */
  protected abstract void process(Record<String, byte[]> record, V value);

  protected final <T> void send(Sink<T> sink, Record<String, T> record) {
    sink.send(context(), record);
  }

  /** Sends an output computed earlier, with the timestamp of the record it came from. */
  protected final <T> void send(Outgoing<T> out, long timestamp) {
    send(out.sink(), new Record<>(out.key(), out.value(), timestamp));
  }

  /**
   * Where dead letters go: {@link Sinks#DEAD_LETTERS}, unless the processor writes them through a
   * sink node of its own ({@link Sink#viaNode}) to stay a sub-topology of its own.
   */
  protected Sink<DeadLetter> deadLetterSink() {
    return Sinks.DEAD_LETTERS;
  }

  /** Sends the record to the dead-letter topic with the reason, and counts it. */
  protected final void deadLetter(Record<String, byte[]> record, String reason, Throwable cause) {
    LOG.warnf(
        "dead-lettering %s record with key %s: %s: %s",
        sourceTopic, record.key(), reason, cause.getMessage());
    send(
        deadLetterSink(),
        record.withValue(
            deadLetters.letter(sourceTopic, context().recordMetadata(), record, reason, cause)));
    deadLetters.count(reason);
  }
}
