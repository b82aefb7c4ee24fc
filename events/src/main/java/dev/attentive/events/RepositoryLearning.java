package dev.attentive.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Attentive has learned about one repository from its {@link Feedback}: per rule (style ids,
 * {@code model/<kind>}, {@code tests/...}) how often the team accepted and rejected it, which rules
 * it muted (by the bar, or by {@code /attentive ignore}), and each model kind's threshold for this
 * repository. The newest value per repository on the compacted {@link Topics#REPO_LEARNING}; the
 * publisher reads it to keep muted rules out of inline comments, the reviewer for the thresholds,
 * ingest to answer {@code /attentive why}.
 *
 * @param rules per rule id
 * @param ignored rules muted by command (rule id → who asked)
 * @param kindThresholds model kind ({@code add_not}, ...) → this repository's threshold, within
 *     {@code [global − margin, 1]}; kinds absent use the global threshold
 * @param feedbackIds ids of the {@link Feedback} already counted (a bounded, newest-last list), so
 *     a replayed record counts once
 */
public record RepositoryLearning(
    int schemaVersion,
    String repository,
    Map<String, RuleStats> rules,
    Map<String, String> ignored,
    Map<String, Double> kindThresholds,
    List<String> feedbackIds,
    Instant updatedAt)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /** The number of counted feedback ids remembered for de-duplication. */
  public static final int REMEMBERED_FEEDBACK = 5_000;

  /**
   * One rule's record in one repository.
   *
   * @param muted whether the bar muted it (rejected often enough, accepted rarely enough)
   * @param mutedAt when the bar muted it; the review that first follows says so once
   * @param announced whether a review summary has said it is muted
   */
  public record RuleStats(
      int accepted,
      int rejected,
      int neutral,
      boolean muted,
      Instant mutedAt,
      boolean announced,
      Instant lastAt) {

    /** The mean of a Beta(1 + accepted, 1 + rejected) posterior: acceptance with a flat prior. */
    public double acceptance() {
      return (1.0 + accepted) / (2.0 + accepted + rejected);
    }
  }

  public RepositoryLearning {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
    ignored = ignored == null ? Map.of() : Map.copyOf(ignored);
    kindThresholds = kindThresholds == null ? Map.of() : Map.copyOf(kindThresholds);
    feedbackIds = feedbackIds == null ? List.of() : List.copyOf(feedbackIds);
  }

  public static RepositoryLearning empty(String repository) {
    return new RepositoryLearning(SCHEMA_VERSION, repository, null, null, null, null, null);
  }

  /** Whether a rule is kept out of inline comments here (muted by the bar or by command). */
  public boolean silenced(String ruleId) {
    RuleStats stats = rules.get(ruleId);
    return ignored.containsKey(ruleId) || (stats != null && stats.muted());
  }
}
