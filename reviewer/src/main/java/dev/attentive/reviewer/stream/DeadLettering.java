package dev.attentive.reviewer.stream;

import dev.attentive.events.DeadLetters;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Sends the record being processed to the dead-letter sink, with where it came from and why. */
final class DeadLettering {

  private DeadLettering() {}

  static void forward(ProcessorContext<String, Object> context, String sourceTopic, Record<String, byte[]> record,
      String reason, Throwable cause, MeterRegistry metrics, Clock clock) {
    var meta = context.recordMetadata();
    Object letter = DeadLetters.of("reviewer", sourceTopic, meta.map(m -> m.partition()).orElse(-1),
        meta.map(m -> m.offset()).orElse(-1L), record.key(), record.value(), reason, cause, clock.instant());
    context.forward(record.withValue(letter), TopologyProducer.DEAD_LETTERS);
    metrics.counter("attentive.reviewer.dead.letters", "reason", reason).increment();
  }
}
