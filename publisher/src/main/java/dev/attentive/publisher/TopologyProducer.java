package dev.attentive.publisher;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.Ticker;
import dev.attentive.github.call.WriteThrottle;
import dev.attentive.publisher.github.GitHubChecks;
import dev.attentive.publisher.github.GitHubReviews;
import dev.attentive.publisher.learning.GlobalThresholds;
import dev.attentive.publisher.learning.Learner;
import dev.attentive.publisher.learning.LearnerProcessor;
import dev.attentive.publisher.learning.LearningMetrics;
import dev.attentive.publisher.learning.LearningTable;
import dev.attentive.publisher.learning.MuteAnnouncements;
import dev.attentive.publisher.outcomes.OutcomeJoin;
import dev.attentive.publisher.review.CheckRunPublisher;
import dev.attentive.publisher.review.Markers;
import dev.attentive.publisher.review.ReviewBodies;
import dev.attentive.publisher.review.ReviewPlanner;
import dev.attentive.publisher.review.ReviewPublisher;
import dev.attentive.publisher.stream.OutcomesProcessor;
import dev.attentive.publisher.stream.PublishProcessor;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.Sinks;
import dev.attentive.streams.StateStores;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;

/**
 * The publisher's stream: reviews in → (at most one) GitHub review per delivery → what is posted
 * per PR in a changelogged store; unreadable or unpostable reviews → dead letters. Exactly-once:
 * the store update and the consumed offset commit together, and a crash between the POST and the
 * commit is caught by the delivery marker the review carries on GitHub.
 */
@ApplicationScoped
public class TopologyProducer {

  @Produces
  public Topology buildTopology(
      PublisherConfig config,
      GitHubReviews github,
      GitHubChecks checks,
      InstallationClients clients,
      MeterRegistry metrics) {
    Ticker ticker = Ticker.system();
    Clock clock = Clock.systemUTC();
    // One throttle for the whole instance: every stream thread's writes share the per-installation
    // lanes.
    PublisherConfig.GitHub client = config.github();
    RetryPolicy policy =
        new RetryPolicy(
            client.maxAttempts(),
            client.initialBackoff(),
            client.maxBackoff(),
            client.rateLimitWait(),
            client.retryBudget());
    GitHubCalls calls =
        new GitHubCalls(
            policy,
            new WriteThrottle(client.minWriteInterval(), ticker),
            ticker,
            clock,
            metrics,
            "attentive.publisher.github.retries");
    Markers markers =
        new Markers(
            MarkerSecret.resolve(config.markerSecret(), clients.credentials()),
            config.markerAcceptUnsigned(),
            reason ->
                metrics
                    .counter("attentive.publisher.markers.rejected", "reason", reason)
                    .increment());
    ReviewPublisher publisher =
        new ReviewPublisher(
            github,
            calls,
            new ReviewPlanner(config.review().maxInlineComments()),
            new ReviewBodies(
                config.review().maxBodyChars(), config.review().maxInlineComments(), markers),
            markers,
            config.review().rememberedDeliveries());

    CheckRunPublisher checkRuns =
        config.checks().enabled()
            ? new CheckRunPublisher(checks, calls, config.checks().name())
            : null;

    OutcomeJoin join = new OutcomeJoin(github, calls, config.outcomes().reactionReads());
    Learner learner =
        Learner.of(config.learning(), GlobalThresholds.load(config.learning().modelPath()));
    return topology(publisher, checkRuns, join, learner, metrics, clock);
  }

  /** The publisher's stream without learning (muting and the learner), for tests. */
  public static Topology topology(
      ReviewPublisher publisher,
      CheckRunPublisher checkRuns,
      OutcomeJoin join,
      MeterRegistry metrics,
      Clock clock) {
    return topology(publisher, checkRuns, join, null, metrics, clock);
  }

  /**
   * The publisher's stream with its parts built: what the service runs, and the tests; without a
   * learner, reviews are published without muting and feedback is not folded.
   */
  public static Topology topology(
      ReviewPublisher publisher,
      CheckRunPublisher checkRuns,
      OutcomeJoin join,
      Learner learner,
      MeterRegistry metrics,
      Clock clock) {
    MuteAnnouncements mutes = learner == null ? null : new MuteAnnouncements();
    Topology topology =
        new Topology()
            .addSource(
                "reviews",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.REVIEWS)
            .addProcessor(
                "publish",
                () -> new PublishProcessor(publisher, checkRuns, metrics, clock, mutes),
                "reviews")
            .addStateStore(
                StateStores.keyValue(
                    PublishProcessor.POSTED_STORE,
                    Serdes.String(),
                    EventSerdes.postedFingerprints()),
                "publish");
    // Activity is keyed like the reviews: its processor shares the ledger, in the same
    // sub-topology.
    topology
        .addSource(
            "review-activity",
            Serdes.String().deserializer(),
            Serdes.ByteArray().deserializer(),
            Topics.REVIEW_ACTIVITY)
        .addProcessor(
            "outcomes", () -> new OutcomesProcessor(join, metrics, clock), "review-activity")
        .addStateStore(
            StateStores.keyValue(
                PublishProcessor.LEDGER_STORE, Serdes.String(), EventSerdes.commentLedger()),
            "publish",
            "outcomes");
    OutcomesProcessor.FEEDBACK.addTo(topology, "outcomes");
    Sinks.DEAD_LETTERS.addTo(topology, "publish", "outcomes");
    if (learner != null) {
      // Learning from the team (issue 15): muted rules leave reviews; the learner folds feedback.
      LearningTable.addTo(topology);
      MuteAnnouncements.FEEDBACK.addTo(topology, "publish");
      LearnerProcessor.addTo(
          topology,
          learner,
          new LearningMetrics(metrics),
          new DeadLetters("publisher", metrics, clock));
    }
    return topology;
  }
}
