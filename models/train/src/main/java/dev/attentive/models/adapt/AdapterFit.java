package dev.attentive.models.adapt;

import dev.attentive.models.predict.Posting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Fits a {@link RepositoryAdapter} on a repository's outcomes: per bug kind, a logistic regression
 * of "accepted" on the finding's margin over its kind's threshold ({@code logit(c) − logit(t)}, the
 * fixed offset: the global model's own boundary) plus {@code [bias, testCode]}, with an L2 penalty
 * that keeps the weights near zero (the global model) when the outcomes are few. Newton steps on
 * two parameters: exact and fast.
 */
public final class AdapterFit {

  /** The prior's strength: a kind's weights move as if zero were seen this many times more. */
  public static final double DEFAULT_L2 = 2.0;

  private static final int STEPS = 50;

  private AdapterFit() {}

  public static RepositoryAdapter fit(List<Outcome> outcomes, Posting posting, double l2) {
    Map<String, double[]> weights = new LinkedHashMap<>();
    Map<String, List<Outcome>> byKind = new LinkedHashMap<>();
    for (Outcome o : outcomes) {
      if (margin(posting, o.kind(), o.confidence()).isPresent()) {
        byKind.computeIfAbsent(o.kind(), k -> new java.util.ArrayList<>()).add(o);
      }
    }
    byKind.forEach((kind, kindOutcomes) -> weights.put(kind, fitKind(kindOutcomes, posting, l2)));
    return new RepositoryAdapter(weights);
  }

  /**
   * The finding's distance over its kind's threshold in logits; empty when the kind is not posted
   * (nothing to adapt: the adapter never posts a muted kind).
   */
  static OptionalDouble margin(Posting posting, String kind, double confidence) {
    return dev.attentive.models.kinds.BugKinds.ALL.stream()
        .filter(k -> k.id().equals(kind))
        .findFirst()
        .map(posting::thresholdOf)
        .filter(OptionalDouble::isPresent)
        .map(
            t ->
                OptionalDouble.of(
                    RepositoryAdapter.logit(confidence) - RepositoryAdapter.logit(t.getAsDouble())))
        .orElse(OptionalDouble.empty());
  }

  private static double[] fitKind(List<Outcome> outcomes, Posting posting, double l2) {
    double[] w = new double[RepositoryAdapter.SIZE];
    for (int step = 0; step < STEPS; step++) {
      double[] g = {l2 * w[0], l2 * w[1]};
      double[][] h = {{l2, 0}, {0, l2}};
      for (Outcome o : outcomes) {
        double[] x = {1, RepositoryAdapter.isTestCode(o.path()) ? 1 : 0};
        double z = margin(posting, o.kind(), o.confidence()).getAsDouble() + w[0] + x[1] * w[1];
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
