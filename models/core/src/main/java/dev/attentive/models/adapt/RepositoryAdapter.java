package dev.attentive.models.adapt;

import dev.attentive.events.ModelAdaptation;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.Posting;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A repository's additive adapter on the model's logit ({@code bin/attentive model finetune}): per
 * model rule (the {@code <rule>} of {@code model/<rule>}, what outcomes name: {@code operator},
 * {@code literal}, {@code negation}, ...; the kinds sharing a rule share its weights), {@code
 * logit(c') = logit(c) + bias + testCode · [path is test code]}. Fitted on the repository's
 * outcomes with an L2 prior towards zero, so with no outcomes it is the global model. Since the
 * shift depends only on the kind and the file, serving it is a per-file {@link Posting}: {@code c'
 * > t} exactly when {@code c > sigmoid(logit(t) − shift)}, the round trip alike, and the model runs
 * as it is. The model's own confidence stays on the suggestion (outcomes carry it, and the next fit
 * starts from it). A kind the global model mutes stays muted.
 *
 * @param weights rule → {@code [bias, testCode]}; a missing rule is not adapted
 */
public record RepositoryAdapter(Map<String, double[]> weights) {

  /** {@link ModelAdaptation#adapterFormat()} of this adapter. */
  public static final String FORMAT = "logit-additive-kind-testcode-v1";

  /** The features after the bias, in the order of the weights. */
  public static final int BIAS = 0;

  public static final int TEST_CODE = 1;
  public static final int SIZE = 2;

  /** No threshold moves past these: a shifted threshold is still a probability. */
  private static final double MIN_THRESHOLD = 1e-4;

  private static final double MAX_THRESHOLD = 1 - 1e-6;

  public RepositoryAdapter {
    Map<String, double[]> copy = new TreeMap<>();
    weights.forEach(
        (kind, w) -> {
          if (w == null || w.length != SIZE) {
            throw new IllegalArgumentException(
                "adapter weights of " + kind + " must be " + SIZE + " numbers");
          }
          copy.put(kind, w.clone());
        });
    weights = Map.copyOf(copy);
  }

  public static RepositoryAdapter identity() {
    return new RepositoryAdapter(Map.of());
  }

  /** The adapter of a shipped adaptation; empty when it is in another format. */
  public static Optional<RepositoryAdapter> of(ModelAdaptation adaptation) {
    if (adaptation == null || !FORMAT.equals(adaptation.adapterFormat())) {
      return Optional.empty();
    }
    return Optional.of(new RepositoryAdapter(adaptation.adapter()));
  }

  /** Test code by the conventions Maven and Gradle projects follow. */
  public static boolean isTestCode(String path) {
    if (path == null) {
      return false;
    }
    String file = path.substring(path.lastIndexOf('/') + 1);
    return path.startsWith("src/test/")
        || path.contains("/src/test/")
        || file.endsWith("Test.java")
        || file.endsWith("Tests.java")
        || file.endsWith("IT.java");
  }

  /** What the adapter adds to the logit of a finding of {@code rule} in {@code path}. */
  public double shift(String rule, String path) {
    double[] w = weights.get(rule);
    if (w == null) {
      return 0;
    }
    return w[BIAS] + (isTestCode(path) ? w[TEST_CODE] : 0);
  }

  /** The adapted confidence. */
  public double adapt(String rule, double confidence, String path) {
    return sigmoid(logit(confidence) + shift(rule, path));
  }

  /**
   * The rule that posts, for a file at {@code path}, what the adapted model with {@code thresholds}
   * would: each kind's threshold ({@code thresholds}' or else {@code base}'s) moved by its rule's
   * shift; a kind {@code base} does not post stays unposted.
   */
  public Posting posting(Posting base, Map<String, Double> thresholds, String path) {
    Map<String, KindThreshold> moved = new LinkedHashMap<>();
    for (BugKind kind : BugKinds.ALL) {
      OptionalDouble own = base.thresholdOf(kind);
      boolean posted = own.isPresent();
      double t = thresholds.getOrDefault(kind.id(), posted ? own.getAsDouble() : 1.0);
      moved.put(
          kind.id(),
          new KindThreshold(clamp(sigmoid(logit(t) - shift(kind.rule(), path))), posted));
    }
    return new Posting(base.threshold(), moved, base.roundTrip());
  }

  /** The weights as {@link ModelAdaptation#adapter()} holds them. */
  public Map<String, double[]> asMap() {
    Map<String, double[]> out = new TreeMap<>();
    weights.forEach((k, w) -> out.put(k, w.clone()));
    return out;
  }

  public static double logit(double p) {
    double q = Math.min(1 - 1e-9, Math.max(1e-9, p));
    return Math.log(q / (1 - q));
  }

  public static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }

  private static double clamp(double t) {
    return Math.min(MAX_THRESHOLD, Math.max(MIN_THRESHOLD, t));
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("RepositoryAdapter{");
    weights.forEach(
        (k, w) -> out.append(String.format(" %s: bias %+.2f, test code %+.2f;", k, w[0], w[1])));
    return out.append(" }").toString();
  }
}
