package dev.attentive.publisher.learning;

import dev.attentive.events.Feedback;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Folds one {@link Feedback} into what Attentive has learned about its repository: per rule the
 * team's accepted / rejected / neutral outcomes, the bar that mutes a rule, the team's own {@code
 * ignore} / {@code unignore}, and each model kind's threshold moved by the kind's outcomes.
 *
 * <p>The bar: at least {@code minRejections} rejections and acceptance below {@code maxAcceptance}.
 * A rule the bar muted stays muted until {@code /attentive unignore <rule>}, which also forgets its
 * counts (otherwise the next rejection would mute it again at once).
 *
 * <p>A model kind's threshold here is {@code global + step × (rejected − accepted)} of its rule
 * ({@code model/<rule>}, {@link #kindsOf}), kept within {@code [global − margin, 1.0]}: at 1.0 the
 * kind posts nothing (confidences are at most 1.0). Kinds without a global threshold (no model
 * known) and kinds the global calibration does not post get none.
 *
 * @param globals model kind → the globally calibrated threshold of a posted kind
 */
public record Learner(
    int minRejections,
    double maxAcceptance,
    double thresholdStep,
    double thresholdMargin,
    Map<String, Double> globals) {

  /** The rule id of a model kind's suggestions. */
  public static final String MODEL_RULE_PREFIX = "model/";

  public Learner {
    if (minRejections < 1) {
      throw new IllegalArgumentException("min-rejections must be at least 1");
    }
    if (maxAcceptance <= 0 || maxAcceptance > 1) {
      throw new IllegalArgumentException("max-acceptance must be in (0, 1]");
    }
    if (thresholdStep < 0 || thresholdMargin < 0) {
      throw new IllegalArgumentException("threshold step and margin must not be negative");
    }
    globals = globals == null ? Map.of() : Map.copyOf(globals);
  }

  public static Learner of(LearningConfig config, Map<String, Double> globals) {
    return new Learner(
        config.minRejections(),
        config.maxAcceptance(),
        config.thresholdStep(),
        config.thresholdMargin(),
        globals);
  }

  /**
   * The learning with the feedback counted; empty when the feedback was counted before (its id is
   * remembered) and nothing changes.
   *
   * @param current null for a repository that has taught nothing yet
   * @param fallback the time of the record, for feedback without a payload time
   */
  public Optional<RepositoryLearning> fold(
      RepositoryLearning current, Feedback feedback, Instant fallback) {
    RepositoryLearning learning =
        current == null ? RepositoryLearning.empty(feedback.repository()) : current;
    if (learning.feedbackIds().contains(feedback.id())) {
      return Optional.empty();
    }
    Instant at = feedback.at() == null ? fallback : feedback.at();
    String rule = feedback.ruleId();
    Map<String, RuleStats> rules = new HashMap<>(learning.rules());
    Map<String, String> ignored = new HashMap<>(learning.ignored());
    RuleStats stats = rules.get(rule);
    switch (feedback.type()) {
      case RULE_IGNORED -> ignored.put(rule, feedback.actor() == null ? "" : feedback.actor());
      case RULE_UNIGNORED -> {
        ignored.remove(rule);
        rules.remove(rule);
      }
      case MUTE_ANNOUNCED -> {
        if (stats != null && stats.muted()) {
          rules.put(
              rule,
              new RuleStats(
                  stats.accepted(),
                  stats.rejected(),
                  stats.neutral(),
                  true,
                  stats.mutedAt(),
                  true,
                  stats.lastAt()));
        }
      }
      default -> rules.put(rule, counted(stats, feedback.type().verdict(), at));
    }
    Map<String, Double> thresholds = new HashMap<>(learning.kindThresholds());
    for (String kind : kindsOf(rule)) {
      Double threshold = threshold(kind, rules.get(rule));
      if (threshold == null) {
        thresholds.remove(kind);
      } else {
        thresholds.put(kind, threshold);
      }
    }
    return Optional.of(
        new RepositoryLearning(
            RepositoryLearning.SCHEMA_VERSION,
            feedback.repository(),
            rules,
            ignored,
            thresholds,
            remembered(learning.feedbackIds(), feedback.id()),
            at));
  }

  private RuleStats counted(RuleStats stats, Feedback.Verdict verdict, Instant at) {
    RuleStats before = stats == null ? new RuleStats(0, 0, 0, false, null, false, null) : stats;
    int accepted = before.accepted() + (verdict == Feedback.Verdict.ACCEPTED ? 1 : 0);
    int rejected = before.rejected() + (verdict == Feedback.Verdict.REJECTED ? 1 : 0);
    int neutral = before.neutral() + (verdict == Feedback.Verdict.NEUTRAL ? 1 : 0);
    RuleStats after =
        new RuleStats(
            accepted, rejected, neutral, before.muted(), before.mutedAt(), before.announced(), at);
    if (!after.muted() && clearsBar(after)) {
      return new RuleStats(accepted, rejected, neutral, true, at, false, at);
    }
    return after;
  }

  /**
   * The model kinds a rule id speaks for: the model names findings {@code model/<rule>} of {@link
   * BugKind#rule()}, which kinds may share ({@code model/negation}: {@code add_not} and {@code
   * drop_not}); {@code model/<kind id>} names one kind.
   */
  static List<String> kindsOf(String ruleId) {
    if (ruleId == null || !ruleId.startsWith(MODEL_RULE_PREFIX)) {
      return List.of();
    }
    String name = ruleId.substring(MODEL_RULE_PREFIX.length());
    return BugKinds.ALL.stream()
        .filter(k -> k.rule().equals(name) || k.id().equals(name))
        .map(BugKind::id)
        .toList();
  }

  /** Whether the team rejected the rule often enough, and accepted it rarely enough, to mute it. */
  public boolean clearsBar(RuleStats stats) {
    return stats.rejected() >= minRejections && stats.acceptance() < maxAcceptance;
  }

  /** The kind's threshold in this repository; null when it is the global one or none is known. */
  Double threshold(String kind, RuleStats stats) {
    Double global = globals.get(kind);
    if (global == null || stats == null || stats.accepted() == stats.rejected()) {
      return null;
    }
    double moved = global + thresholdStep * (stats.rejected() - stats.accepted());
    return Math.max(global - thresholdMargin, Math.min(1.0, moved));
  }

  private static List<String> remembered(List<String> ids, String id) {
    LinkedHashSet<String> all = new LinkedHashSet<>(ids);
    all.add(id);
    List<String> list = new ArrayList<>(all);
    int over = list.size() - RepositoryLearning.REMEMBERED_FEEDBACK;
    return over > 0 ? list.subList(over, list.size()) : list;
  }
}
