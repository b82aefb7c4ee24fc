package dev.attentive.publisher.stream;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.Topics;
import dev.attentive.publisher.outcomes.OutcomeJoin;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import dev.attentive.streams.Sink;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * For each {@link ReviewActivity} (keyed by PR, like the reviews, so it shares the PR's {@link
 * CommentLedger} with the {@link PublishProcessor} in one sub-topology): joins it with the ledger
 * ({@link OutcomeJoin}) and writes the outcomes to {@link Topics#FEEDBACK} keyed by repository, in
 * the same exactly-once transaction that stores the ledger with their ids — each outcome is written
 * once, whatever is redelivered. Counted as {@code attentive.feedback.outcomes} (tags {@code type},
 * {@code kind}, {@code rule}, {@code repository}).
 */
public final class OutcomesProcessor extends ExactlyOnceProcessor<ReviewActivity> {

  /** Feedback through a sink node of its own name, beside other writers of the topic. */
  public static final Sink<Feedback> FEEDBACK =
      Sink.toTopic(Topics.FEEDBACK, EventSerdes.feedback()).viaNode("outcomes-feedback");

  private static final Logger LOG = Logger.getLogger(OutcomesProcessor.class);

  private final OutcomeJoin join;
  private final MeterRegistry metrics;
  private KeyValueStore<String, CommentLedger> ledger;

  public OutcomesProcessor(OutcomeJoin join, MeterRegistry metrics, Clock clock) {
    super(
        Topics.REVIEW_ACTIVITY,
        EventSerdes.reviewActivity(),
        "review_activity",
        new DeadLetters("publisher", metrics, clock));
    this.join = join;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    this.ledger = context.getStateStore(PublishProcessor.LEDGER_STORE);
  }

  @Override
  protected void validate(ReviewActivity activity) {
    activity.key();
    if (activity.type() == null) {
      throw new IllegalArgumentException("review activity without a type");
    }
  }

  @Override
  protected void process(Record<String, byte[]> record, ReviewActivity activity) {
    String key = activity.key().value();
    try {
      CommentLedger before = ledger.get(key);
      OutcomeJoin.Result result = join.join(before, activity);
      if (result.ledger() == null) {
        metrics
            .counter("attentive.publisher.activity.ignored", "reason", "not_reviewed")
            .increment();
        return;
      }
      if (!result.ledger().equals(before)) {
        ledger.put(key, result.ledger());
      }
      for (Feedback f : result.feedback()) {
        send(FEEDBACK, new Record<>(f.repository(), f, record.timestamp()));
        metrics
            .counter(
                "attentive.feedback.outcomes",
                "type",
                f.type().name(),
                "kind",
                f.kind() == null ? "none" : f.kind().name(),
                "rule",
                f.ruleId() == null ? "none" : f.ruleId(),
                "repository",
                f.repository())
            .increment();
      }
      if (result.resolvedThreads() > 0) {
        metrics.counter("attentive.publisher.threads.resolved").increment(result.resolvedThreads());
      }
      LOG.debugf(
          "%s %s (delivery %s): %d outcome(s), %d thread(s) resolved",
          key,
          activity.type(),
          activity.deliveryId(),
          result.feedback().size(),
          result.resolvedThreads());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while joining activity on " + key, e);
    } catch (RuntimeException e) {
      deadLetter(record, "processing_failed", e);
    }
  }
}
