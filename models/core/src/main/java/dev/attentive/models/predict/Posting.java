package dev.attentive.models.predict;

import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * When a finding is posted: its confidence must exceed its kind's threshold (the single threshold
 * for kinds without their own), and with {@code roundTrip} the model, reading the repaired line,
 * must call it clean too (a repair it would repair back is noise).
 *
 * @param threshold the single threshold: for every kind of a model calibrated before per-kind
 *     thresholds, and for a kind missing from {@code kinds}
 * @param kinds per bug kind ({@link BugKind#id()}), calibrated on real code
 */
public record Posting(double threshold, Map<String, KindThreshold> kinds, boolean roundTrip) {

  public Posting {
    kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
  }

  /**
   * One threshold for every kind and no round trip: a model calibrated before per-kind thresholds
   * (a configured override keeps the model's round trip, {@link #withRoundTrip}).
   */
  public static Posting single(double threshold) {
    return new Posting(threshold, Map.of(), false);
  }

  /** The threshold a finding of this kind must exceed; empty when the kind is not posted. */
  public OptionalDouble thresholdOf(BugKind kind) {
    KindThreshold own = kinds.get(kind.id());
    if (own == null) {
      return OptionalDouble.of(threshold);
    }
    return own.posted() ? OptionalDouble.of(own.threshold()) : OptionalDouble.empty();
  }

  /** The lowest threshold any posted kind has: below it nothing is posted. */
  public double lowest() {
    double lowest = kinds.size() < BugKinds.ALL.size() ? threshold : Double.MAX_VALUE;
    for (KindThreshold k : kinds.values()) {
      if (k.posted()) {
        lowest = Math.min(lowest, k.threshold());
      }
    }
    return Math.min(lowest, 1.0);
  }

  /**
   * This posting with one repository's own thresholds for some kinds (learned from its team's
   * outcomes): a kind keeps whether it is posted at all, only its threshold moves; unknown kinds
   * are left out.
   *
   * @param repository kind id → threshold
   */
  public Posting withKindThresholds(Map<String, Double> repository) {
    if (repository == null || repository.isEmpty()) {
      return this;
    }
    Map<String, KindThreshold> moved = new java.util.HashMap<>(kinds);
    for (BugKind kind : BugKinds.ALL) {
      Double own = repository.get(kind.id());
      if (own != null) {
        KindThreshold before = kinds.get(kind.id());
        moved.put(kind.id(), new KindThreshold(own, before == null || before.posted()));
      }
    }
    return new Posting(threshold, moved, roundTrip);
  }

  public Posting withRoundTrip(boolean on) {
    return new Posting(threshold, kinds, on);
  }
}
