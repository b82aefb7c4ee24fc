package dev.attentive.publisher.stream;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.PostedFingerprints;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Review;
import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.publisher.learning.LearningTable;
import dev.attentive.publisher.learning.MuteAnnouncements;
import dev.attentive.publisher.review.CheckRunPublisher;
import dev.attentive.publisher.review.ReviewPublisher;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * For each review: publish it on GitHub (at most once per delivery, never a repeated fingerprint)
 * and store what is now posted on the PR, in the same exactly-once transaction that consumes the
 * review. A review that cannot be read, or that GitHub refuses or keeps failing on, goes to the
 * dead-letter topic with its original bytes and is not recorded as posted, so it can be replayed.
 */
public final class PublishProcessor extends ExactlyOnceProcessor<Review> {

  /**
   * PR key ({@code owner/repo#n}) → {@link PostedFingerprints}; changelogged (compacted) in Kafka.
   */
  public static final String POSTED_STORE = "posted-fingerprints";

  /**
   * PR key → {@link CommentLedger}: the inline comments posted and what became of them; shared with
   * the {@link OutcomesProcessor} (same sub-topology), changelogged.
   */
  public static final String LEDGER_STORE = "comment-ledger";

  private static final Logger LOG = Logger.getLogger(PublishProcessor.class);

  private final ReviewPublisher publisher;
  private final CheckRunPublisher checkRuns;
  private final MeterRegistry metrics;
  private final MuteAnnouncements mutes;
  private KeyValueStore<String, PostedFingerprints> posted;
  private KeyValueStore<String, CommentLedger> ledger;
  private LearningTable learning;

  public PublishProcessor(ReviewPublisher publisher, MeterRegistry metrics, Clock clock) {
    this(publisher, null, metrics, clock);
  }

  /**
   * @param checkRuns null when check runs are off
   */
  public PublishProcessor(
      ReviewPublisher publisher, CheckRunPublisher checkRuns, MeterRegistry metrics, Clock clock) {
    this(publisher, checkRuns, metrics, clock, null);
  }

  /**
   * @param mutes null when the repositories' learning is not read (no {@link LearningTable} in the
   *     topology): nothing is muted
   */
  public PublishProcessor(
      ReviewPublisher publisher,
      CheckRunPublisher checkRuns,
      MeterRegistry metrics,
      Clock clock,
      MuteAnnouncements mutes) {
    super(
        Topics.REVIEWS,
        EventSerdes.review(),
        "review",
        new DeadLetters("publisher", metrics, clock));
    this.publisher = publisher;
    this.checkRuns = checkRuns;
    this.metrics = metrics;
    this.mutes = mutes;
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    this.posted = context.getStateStore(POSTED_STORE);
    this.ledger = context.getStateStore(LEDGER_STORE);
    if (mutes != null) {
      this.learning = new LearningTable(context.getStateStore(LearningTable.STORE));
    }
  }

  /**
   * A review names its pull request (the key refuses a malformed one), its delivery and its head.
   */
  @Override
  protected void validate(Review review) {
    review.key();
    if (review.deliveryId() == null || review.deliveryId().isBlank()) {
      throw new IllegalArgumentException("review without a delivery id");
    }
    if (review.headSha() == null || review.headSha().isBlank()) {
      throw new IllegalArgumentException("review without a head SHA");
    }
  }

  @Override
  protected void process(Record<String, byte[]> record, Review review) {
    String key = review.key().value();
    try {
      RepositoryLearning taught =
          learning == null ? null : mutes.pending(learning.lookup(review.repository()));
      ReviewPublisher.Result result = publisher.publish(review, posted.get(key), taught);
      posted.put(key, result.state());
      record(key, review, result.comments());
      if (taught != null && result.outcome() == ReviewPublisher.Outcome.POSTED) {
        for (Feedback f :
            mutes.announce(review, taught, Instant.ofEpochMilli(record.timestamp()))) {
          send(MuteAnnouncements.FEEDBACK, new Record<>(f.repository(), f, record.timestamp()));
        }
      }
      count(result);
      LOG.infof(
          "%s @ %s (delivery %s): %s, %d inline, %d listed, %d repeats suppressed%s",
          key,
          review.headSha(),
          review.deliveryId(),
          result.outcome(),
          result.inline(),
          result.listed(),
          result.repeats(),
          result.reviewId() == null ? "" : ", review " + result.reviewId());
      if (checkRuns != null
          && (result.outcome() == ReviewPublisher.Outcome.POSTED
              || result.outcome() == ReviewPublisher.Outcome.NOTHING_NEW)) {
        publishCheckRun(review);
      }
    } catch (GitHubFailedException e) {
      deadLetter(record, e.reason(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while publishing " + key, e);
    } catch (RuntimeException e) {
      deadLetter(record, "processing_failed", e);
    }
  }

  /**
   * Adds the posted comments to the PR's ledger; the first review sets the ledger's head (later
   * heads come from pushes, see {@link OutcomesProcessor}).
   */
  private void record(String key, Review review, List<CommentLedger.Entry> comments) {
    if (comments.isEmpty()) {
      return;
    }
    CommentLedger current = ledger.get(key);
    if (current == null) {
      current = CommentLedger.empty(review.repository(), review.pullRequestNumber());
    }
    List<CommentLedger.Entry> entries = new ArrayList<>(current.entries());
    for (CommentLedger.Entry e : comments) {
      boolean known =
          entries.stream()
              .anyMatch(
                  k ->
                      e.commentId() != 0
                          ? k.commentId() == e.commentId()
                          : k.fingerprint().equals(e.fingerprint())
                              && k.postedHead().equals(e.postedHead()));
      if (!known) {
        entries.add(e);
      }
    }
    CommentLedger updated = current.withEntries(entries);
    if (updated.headSha() == null) {
      updated = updated.withHead(review.headSha(), null);
    }
    ledger.put(key, updated);
  }

  /**
   * The check run is a summary beside the review: its failure is logged and counted, never
   * dead-letters the review.
   */
  private void publishCheckRun(Review review) throws InterruptedException {
    try {
      int requests = checkRuns.publish(review);
      metrics.counter("attentive.publisher.check.runs").increment();
      LOG.debugf("check run on %s @ %s in %d request(s)", review.key(), review.headSha(), requests);
    } catch (GitHubFailedException e) {
      metrics.counter("attentive.publisher.check.runs.failed", "reason", e.reason()).increment();
      LOG.warnf("no check run for %s @ %s: %s", review.key(), review.headSha(), e.getMessage());
    }
  }

  private void count(ReviewPublisher.Result result) {
    if (result.outcome() == ReviewPublisher.Outcome.POSTED) {
      metrics.counter("attentive.publisher.reviews.posted").increment();
      metrics.counter("attentive.publisher.comments.posted").increment(result.inline());
      metrics.counter("attentive.publisher.suggestions.listed").increment(result.listed());
      if (result.refusedInline()) {
        metrics.counter("attentive.publisher.reviews.inline.refused").increment();
      }
    } else {
      metrics
          .counter(
              "attentive.publisher.reviews.skipped",
              "reason",
              result.outcome().name().toLowerCase(java.util.Locale.ROOT))
          .increment();
    }
    metrics
        .counter("attentive.publisher.suggestions.suppressed", "reason", "repeat")
        .increment(result.repeats());
    metrics
        .counter("attentive.publisher.suggestions.suppressed", "reason", "duplicate")
        .increment(result.duplicates());
  }
}
