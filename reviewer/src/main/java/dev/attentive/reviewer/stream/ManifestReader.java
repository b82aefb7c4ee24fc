package dev.attentive.reviewer.stream;

import dev.attentive.events.DeadLetters;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.model.ReviewPart;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Reads manifests for the assembly; an unreadable one is dead-lettered. */
public final class ManifestReader implements Processor<String, byte[], String, Object> {

  private final MeterRegistry metrics;
  private final Clock clock;
  private final JsonSerde<DiffManifest> manifests = EventSerdes.diffManifest();
  private ProcessorContext<String, Object> context;

  public ManifestReader(MeterRegistry metrics, Clock clock) {
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    this.context = context;
  }

  @Override
  public void process(Record<String, byte[]> record) {
    try {
      DiffManifest manifest = manifests.deserialize(Topics.DIFF_MANIFESTS, record.value());
      context.forward(record.withValue((Object) ReviewPart.of(manifest)), TopologyProducer.ASSEMBLE);
    } catch (SerializationException e) {
      var meta = context.recordMetadata();
      Object letter = DeadLetters.of("reviewer", Topics.DIFF_MANIFESTS, meta.map(m -> m.partition()).orElse(-1),
          meta.map(m -> m.offset()).orElse(-1L), record.key(), record.value(), "unreadable_manifest", e,
          clock.instant());
      context.forward(record.withValue(letter), TopologyProducer.DEAD_LETTERS);
      metrics.counter("attentive.reviewer.dead.letters", "reason", "unreadable_manifest").increment();
    }
  }
}
