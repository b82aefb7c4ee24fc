package dev.attentive.reviewer.stream;

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
      DeadLettering.forward(context, Topics.DIFF_MANIFESTS, record, "unreadable_manifest", e, metrics, clock);
    }
  }
}
