package dev.attentive.ingest.fetch;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.DeadLetters;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Outbound;
import dev.attentive.events.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/** What ingest's exactly-once processors share: dead-lettering a record, and forgetting old processed ids. */
final class Exactly {

  private Exactly() {}

  /** Forwards the record's original bytes to the dead-letter topic with the reason, and counts it. */
  static void deadLetter(ProcessorContext<String, Outbound> context, String sourceTopic,
      Record<String, byte[]> record, String error, Exception cause, Clock clock, MeterRegistry metrics) {
    var meta = context.recordMetadata();
    DeadLetter letter = DeadLetters.of("ingest", sourceTopic, meta.map(m -> m.partition()).orElse(-1),
        meta.map(m -> m.offset()).orElse(-1L), record.key(), record.value(), error, cause, clock.instant());
    context.forward(new Record<>(record.key(), new Outbound(Topics.DEAD_LETTERS,
        EventSerdes.deadLetter().serialize(Topics.DEAD_LETTERS, letter)), record.timestamp()));
    metrics.counter("attentive.ingest.dead.letters", "reason", error).increment();
  }

  /** Deletes the ids processed before the cutoff (epoch millis) from a dedupe store. */
  static void forgetOlderThan(KeyValueStore<String, Long> store, long cutoffMillis) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = store.all()) {
      all.forEachRemaining(kv -> {
        if (kv.value < cutoffMillis) {
          expired.add(kv.key);
        }
      });
    }
    expired.forEach(store::delete);
  }
}
