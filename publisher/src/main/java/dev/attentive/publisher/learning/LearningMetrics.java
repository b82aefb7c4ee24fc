package dev.attentive.publisher.learning;

import dev.attentive.events.Feedback;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the team's outcomes say, for Prometheus: {@code
 * attentive_publisher_feedback_total{repository, rule, type}} per feedback counted, and per
 * repository and rule the gauges {@code attentive_publisher_learning_acceptance} (Beta posterior
 * mean), {@code attentive_publisher_learning_outcomes{verdict}} and {@code
 * attentive_publisher_learning_muted} (1 when silenced by the bar or by command). Gauges appear
 * with a rule's first feedback on this instance (the owner of the repository's partition).
 */
public final class LearningMetrics {

  private static final RuleStats NONE = new RuleStats(0, 0, 0, false, null, false, null);

  private record RuleState(RuleStats stats, boolean silenced) {}

  private final MeterRegistry registry;
  private final Map<List<String>, AtomicReference<RuleState>> rules = new ConcurrentHashMap<>();

  public LearningMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts the feedback and updates the gauges of its rule to the new learning. */
  public void counted(Feedback feedback, RepositoryLearning learning) {
    String repository = learning.repository();
    String rule = feedback.ruleId();
    registry
        .counter(
            "attentive.publisher.feedback",
            "repository",
            repository,
            "rule",
            rule,
            "type",
            feedback.type().name().toLowerCase(Locale.ROOT))
        .increment();
    RuleStats stats = learning.rules().getOrDefault(rule, NONE);
    gauges(repository, rule).set(new RuleState(stats, learning.silenced(rule)));
  }

  private AtomicReference<RuleState> gauges(String repository, String rule) {
    return rules.computeIfAbsent(
        List.of(repository, rule),
        key -> {
          AtomicReference<RuleState> state = new AtomicReference<>(new RuleState(NONE, false));
          Tags tags = Tags.of("repository", repository, "rule", rule);
          registry.gauge(
              "attentive.publisher.learning.acceptance",
              tags,
              state,
              s -> s.get().stats().acceptance());
          registry.gauge(
              "attentive.publisher.learning.muted", tags, state, s -> s.get().silenced() ? 1 : 0);
          registry.gauge(
              "attentive.publisher.learning.outcomes",
              tags.and("verdict", "accepted"),
              state,
              s -> s.get().stats().accepted());
          registry.gauge(
              "attentive.publisher.learning.outcomes",
              tags.and("verdict", "rejected"),
              state,
              s -> s.get().stats().rejected());
          return state;
        });
  }
}
