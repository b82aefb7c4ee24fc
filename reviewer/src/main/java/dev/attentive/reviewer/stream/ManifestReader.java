package dev.attentive.reviewer.stream;

import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.assembly.ReviewPart;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.Record;

/** Reads manifests for the assembly; an unreadable one is dead-lettered. */
public final class ManifestReader extends ExactlyOnceProcessor<DiffManifest> {

  public ManifestReader(MeterRegistry metrics, Clock clock) {
    super(
        Topics.DIFF_MANIFESTS,
        EventSerdes.diffManifest(),
        "manifest",
        new DeadLetters("reviewer", metrics, clock));
  }

  @Override
  protected void process(Record<String, byte[]> record, DiffManifest manifest) {
    send(TopologyProducer.REVIEW_PARTS, record.withValue(ReviewPart.of(manifest)));
  }
}
