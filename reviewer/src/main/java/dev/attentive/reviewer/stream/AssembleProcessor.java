package dev.attentive.reviewer.stream;

import dev.attentive.events.Review;
import dev.attentive.reviewer.assembly.ReviewDraft;
import dev.attentive.reviewer.assembly.ReviewPart;
import dev.attentive.streams.Sinks;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * Collects analysed chunks and the manifest of each delivery (same PR key, so same partition and
 * task) and emits one complete {@link Review} as soon as the manifest's chunk count is reached.
 */
public final class AssembleProcessor
    extends ContextualProcessor<String, ReviewPart, String, Review> {

  public static final String DRAFTS = "review-drafts";

  private static final Logger LOG = Logger.getLogger(AssembleProcessor.class);

  private final Duration incompleteTimeout;
  private final MeterRegistry metrics;
  private final Clock clock;
  private KeyValueStore<String, ReviewDraft> drafts;

  public AssembleProcessor(Duration incompleteTimeout, MeterRegistry metrics, Clock clock) {
    this.incompleteTimeout = incompleteTimeout;
    this.metrics = metrics;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, Review> context) {
    super.init(context);
    this.drafts = context.getStateStore(DRAFTS);
    context.schedule(Duration.ofMinutes(1), PunctuationType.WALL_CLOCK_TIME, now -> expireDrafts());
  }

  @Override
  public void process(Record<String, ReviewPart> record) {
    ReviewPart part = record.value();
    ReviewDraft draft = drafts.get(part.deliveryId());
    if (draft == null) {
      draft = ReviewDraft.start(part.deliveryId(), clock.instant());
    }
    draft = draft.with(part);
    if (draft.complete()) {
      emit(record.key(), draft, record.timestamp());
    } else {
      drafts.put(part.deliveryId(), draft);
    }
  }

  private void emit(String key, ReviewDraft draft, long timestamp) {
    Review review = draft.toReview(clock.instant());
    Sinks.REVIEWS.send(context(), new Record<>(key, review, timestamp));
    drafts.delete(draft.deliveryId());
    metrics.counter("attentive.reviewer.reviews").increment();
    LOG.infof(
        "review of %s @ %s: %d suggestions over %d files (delivery %s)",
        key,
        review.headSha(),
        review.suggestions().size(),
        review.filesReviewed(),
        review.deliveryId());
  }

  /**
   * Drafts that will not complete: emit what is there once the manifest is known, otherwise drop
   * them.
   */
  private void expireDrafts() {
    long cutoff = clock.millis() - incompleteTimeout.toMillis();
    List<KeyValue<String, ReviewDraft>> stale = new ArrayList<>();
    try (KeyValueIterator<String, ReviewDraft> all = drafts.all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value.firstSeen().toEpochMilli() < cutoff) {
              stale.add(kv);
            }
          });
    }
    for (KeyValue<String, ReviewDraft> kv : stale) {
      if (kv.value.manifest() != null) {
        LOG.warnf(
            "delivery %s incomplete after %s: reviewing the %d of %d files that arrived",
            kv.key,
            incompleteTimeout,
            kv.value.outcomes().size(),
            kv.value.manifest().chunkCount());
        emit(kv.value.manifest().key().value(), kv.value, clock.millis());
      } else {
        LOG.warnf(
            "delivery %s: chunks without a manifest after %s, dropped", kv.key, incompleteTimeout);
        drafts.delete(kv.key);
        metrics.counter("attentive.reviewer.drafts.dropped").increment();
      }
    }
  }
}
