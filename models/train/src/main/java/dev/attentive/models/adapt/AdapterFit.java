package dev.attentive.models.adapt;

import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.predict.Posting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fits a {@link RepositoryAdapter} on a repository's outcomes: per model rule, a logistic
 * regression of "accepted" on the comment's margin over its rule's threshold ({@code logit(c) −
 * logit(t)}, the fixed offset: the global model's own boundary) plus {@code [bias, testCode]}, with
 * an L2 penalty that keeps the weights near zero (the global model) when the outcomes are few.
 * Newton steps on two parameters: exact and fast.
 */
public final class AdapterFit {

  /** The prior's strength: a rule's weights move as if zero were seen this many times more. */
  public static final double DEFAULT_L2 = 2.0;

  private static final int STEPS = 50;

  private AdapterFit() {}

  public static RepositoryAdapter fit(List<Outcome> outcomes, Posting posting, double l2) {
    Map<String, double[]> weights = new LinkedHashMap<>();
    Map<String, List<Outcome>> byRule = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      if (margin(posting, o.rule(), o.confidence()).isPresent()) {
        byRule.computeIfAbsent(o.rule(), k -> new ArrayList<>()).add(o);
      }
    }
    byRule.forEach((rule, ruleOutcomes) -> weights.put(rule, fitRule(ruleOutcomes, posting, l2)));
    return new RepositoryAdapter(weights);
  }

  /**
   * A comment's distance over its rule's threshold in logits (the lowest threshold of the rule's
   * posted kinds: the bar it cleared); empty when the model posts no kind of the rule (nothing to
   * adapt: the adapter never posts a muted kind).
   */
  static OptionalDouble margin(Posting posting, String rule, double confidence) {
    OptionalDouble threshold =
        BugKinds.ALL.stream()
            .filter(k -> k.rule().equals(rule))
            .map(posting::thresholdOf)
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .min();
    return threshold.isPresent()
        ? OptionalDouble.of(
            RepositoryAdapter.logit(confidence) - RepositoryAdapter.logit(threshold.getAsDouble()))
        : OptionalDouble.empty();
  }

  /** A finding's distance over its kind's threshold; empty when the kind is not posted. */
  static OptionalDouble margin(Posting posting, BugKind kind, double confidence) {
    OptionalDouble threshold = posting.thresholdOf(kind);
    return threshold.isPresent()
        ? OptionalDouble.of(
            RepositoryAdapter.logit(confidence) - RepositoryAdapter.logit(threshold.getAsDouble()))
        : OptionalDouble.empty();
  }

  /**
   * The round trip's margin: negative infinity when it does not apply (off, or the model read the
   * repaired line clean: a confidence of 0 passes at every threshold).
   */
  static double backMargin(Posting posting, BugKind kind, double back) {
    return posting.roundTrip() && back > 0
        ? margin(posting, kind, back).getAsDouble()
        : Double.NEGATIVE_INFINITY;
  }

  /** The bug kind of an id. */
  static BugKind kind(String id) {
    return BugKinds.ALL.stream()
        .filter(k -> k.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no bug kind " + id));
  }

  private static double[] fitRule(List<Outcome> outcomes, Posting posting, double l2) {
    double[] w = new double[RepositoryAdapter.SIZE];
    for (int step = 0; step < STEPS; step++) {
      double[] g = {l2 * w[0], l2 * w[1]};
      double[][] h = {{l2, 0}, {0, l2}};
      for (Outcome o : outcomes) {
        double[] x = {1, RepositoryAdapter.isTestCode(o.path()) ? 1 : 0};
        double z = margin(posting, o.rule(), o.confidence()).getAsDouble() + w[0] + x[1] * w[1];
        double p = RepositoryAdapter.sigmoid(z);
        double y = o.accepted() ? 1 : 0;
        for (int i = 0; i < 2; i++) {
          g[i] += (p - y) * x[i];
          for (int j = 0; j < 2; j++) {
            h[i][j] += p * (1 - p) * x[i] * x[j];
          }
        }
      }
      double det = h[0][0] * h[1][1] - h[0][1] * h[1][0];
      double d0 = (h[1][1] * g[0] - h[0][1] * g[1]) / det;
      double d1 = (h[0][0] * g[1] - h[1][0] * g[0]) / det;
      w[0] -= d0;
      w[1] -= d1;
      if (Math.abs(d0) + Math.abs(d1) < 1e-9) {
        break;
      }
    }
    return w;
  }
}
