package dev.attentive.models.adapt;

import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.predict.Posting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeSet;

/**
 * Ships an adaptation only if it is no worse than the global model on each set it is shown: false
 * alarms at the global model's recall must not rise, recall at the global model's false alarms must
 * not fall. Both models' findings are ranked by their margin over the kind's threshold (the
 * adapter's shift added for the adapted one) and swept over a common cut, the round trip checked at
 * the cut, so the global model is measured exactly as the adapted one.
 */
public final class Guard {

  /**
   * One finding of a set, as margins in logits over its kind's threshold.
   *
   * @param back the round trip's margin (negative infinity when it does not apply: a posted comment
   *     passed it)
   * @param shift what the adapter adds to both
   */
  public record Item(double margin, double back, double shift, boolean positive) {}

  /** What one set says of both models. */
  public record Measure(
      String set,
      int positives,
      int negatives,
      int globalRecallCount,
      int globalFalseAlarms,
      int falseAlarmsAtRecallGlobal,
      int falseAlarmsAtRecallAdapted,
      int recallAtFalseAlarmsGlobal,
      int recallAtFalseAlarmsAdapted,
      int servedPositivesGlobal,
      int servedNegativesGlobal,
      int servedPositivesAdapted,
      int servedNegativesAdapted) {

    public boolean noWorse() {
      return falseAlarmsAtRecallAdapted <= falseAlarmsAtRecallGlobal
          && recallAtFalseAlarmsAdapted >= recallAtFalseAlarmsGlobal;
    }

    /** Why it is refused, or null. */
    public String problem() {
      List<String> out = new ArrayList<>();
      if (falseAlarmsAtRecallAdapted > falseAlarmsAtRecallGlobal) {
        out.add(
            String.format(
                "%s: %d false alarms at the global recall (%d of %d), the global model has %d",
                set,
                falseAlarmsAtRecallAdapted,
                globalRecallCount,
                positives,
                falseAlarmsAtRecallGlobal));
      }
      if (recallAtFalseAlarmsAdapted < recallAtFalseAlarmsGlobal) {
        out.add(
            String.format(
                "%s: recall %d of %d at the global false alarms (%d), the global model has %d",
                set,
                recallAtFalseAlarmsAdapted,
                positives,
                globalFalseAlarms,
                recallAtFalseAlarmsGlobal));
      }
      return out.isEmpty() ? null : String.join("; ", out);
    }

    public Map<String, Double> metrics() {
      Map<String, Double> m = new LinkedHashMap<>();
      m.put(set + ".positives", (double) positives);
      m.put(set + ".negatives", (double) negatives);
      m.put(set + ".falseAlarmsAtRecall.global", (double) falseAlarmsAtRecallGlobal);
      m.put(set + ".falseAlarmsAtRecall.adapted", (double) falseAlarmsAtRecallAdapted);
      m.put(set + ".recallAtFalseAlarms.global", ratio(recallAtFalseAlarmsGlobal, positives));
      m.put(set + ".recallAtFalseAlarms.adapted", ratio(recallAtFalseAlarmsAdapted, positives));
      m.put(set + ".served.positives.global", (double) servedPositivesGlobal);
      m.put(set + ".served.negatives.global", (double) servedNegativesGlobal);
      m.put(set + ".served.positives.adapted", (double) servedPositivesAdapted);
      m.put(set + ".served.negatives.adapted", (double) servedNegativesAdapted);
      return m;
    }

    public String describe() {
      return String.format(
          "  %-8s %4d positive, %5d negative | false alarms at the global recall (%d):"
              + " global %d, adapted %d | recall at the global false alarms (%d): global %d,"
              + " adapted %d | served: global %d+/%d-, adapted %d+/%d-%n",
          set,
          positives,
          negatives,
          globalRecallCount,
          falseAlarmsAtRecallGlobal,
          falseAlarmsAtRecallAdapted,
          globalFalseAlarms,
          recallAtFalseAlarmsGlobal,
          recallAtFalseAlarmsAdapted,
          servedPositivesGlobal,
          servedNegativesGlobal,
          servedPositivesAdapted,
          servedNegativesAdapted);
    }
  }

  /** The guard's answer: both sets' measures, shipped only if no set is worse. */
  public record Verdict(List<Measure> measures) {
    public boolean ship() {
      return measures.stream().allMatch(Measure::noWorse);
    }

    public List<String> problems() {
      return measures.stream().map(Measure::problem).filter(p -> p != null).toList();
    }

    public Map<String, Double> metrics() {
      Map<String, Double> m = new LinkedHashMap<>();
      measures.forEach(x -> m.putAll(x.metrics()));
      return m;
    }
  }

  private Guard() {}

  public static Verdict check(
      RepositoryAdapter adapter, Posting posting, ScoredReads global, List<Outcome> heldBack) {
    return new Verdict(
        List.of(
            measure("global", globalItems(adapter, posting, global)),
            measure("repo", repoItems(adapter, posting, heldBack))));
  }

  /**
   * The global validation set: findings on buggy lines are positives, on correct code negatives;
   * kinds the model does not post are left out (no adapter posts them). The real files' paths are
   * the adapter's path feature.
   */
  public static List<Item> globalItems(
      RepositoryAdapter adapter, Posting posting, ScoredReads reads) {
    List<Item> items = new ArrayList<>();
    for (ScoredReads.Finding f : reads.reads()) {
      BugKind kind = AdapterFit.kind(f.kind());
      OptionalDouble margin = AdapterFit.margin(posting, kind, f.confidence());
      if (margin.isEmpty()) {
        continue;
      }
      double back = AdapterFit.backMargin(posting, kind, f.back());
      String path = f.file().substring(f.file().indexOf(' ') + 1);
      items.add(new Item(margin.getAsDouble(), back, adapter.shift(kind.rule(), path), f.bug()));
    }
    return items;
  }

  /** The repository's outcomes: accepted comments are positives, rejected ones negatives. */
  public static List<Item> repoItems(
      RepositoryAdapter adapter, Posting posting, List<Outcome> outcomes) {
    List<Item> items = new ArrayList<>();
    for (Outcome o : outcomes) {
      OptionalDouble margin = AdapterFit.margin(posting, o.rule(), o.confidence());
      if (margin.isPresent()) {
        items.add(
            new Item(
                margin.getAsDouble(),
                Double.NEGATIVE_INFINITY,
                adapter.shift(o.rule(), o.path()),
                o.accepted()));
      }
    }
    return items;
  }

  public static Measure measure(String set, List<Item> items) {
    int positives = (int) items.stream().filter(Item::positive).count();
    int[] globalPoint = counts(items, 0, false);
    int[] adaptedPoint = counts(items, 0, true);
    int[] global = sweep(items, false, globalPoint[0], globalPoint[1]);
    int[] adapted = sweep(items, true, globalPoint[0], globalPoint[1]);
    return new Measure(
        set,
        positives,
        items.size() - positives,
        globalPoint[0],
        globalPoint[1],
        global[0],
        adapted[0],
        global[1],
        adapted[1],
        globalPoint[0],
        globalPoint[1],
        adaptedPoint[0],
        adaptedPoint[1]);
  }

  /**
   * Over every cut: the fewest false alarms with at least {@code recall} positives through, and the
   * most positives through with at most {@code falseAlarms}.
   */
  private static int[] sweep(List<Item> items, boolean adapted, int recall, int falseAlarms) {
    TreeSet<Double> cuts = new TreeSet<>();
    cuts.add(Double.POSITIVE_INFINITY);
    cuts.add(Double.NEGATIVE_INFINITY);
    for (Item i : items) {
      double s = adapted ? i.shift() : 0;
      // Just under a margin lets that finding through; at a back margin the round trip passes.
      cuts.add(Math.nextDown(i.margin() + s));
      if (i.back() != Double.NEGATIVE_INFINITY) {
        cuts.add(i.back() + s);
      }
    }
    int fewest = Integer.MAX_VALUE;
    int most = 0;
    for (double cut : cuts) {
      int[] c = counts(items, cut, adapted);
      if (c[0] >= recall) {
        fewest = Math.min(fewest, c[1]);
      }
      if (c[1] <= falseAlarms) {
        most = Math.max(most, c[0]);
      }
    }
    return new int[] {fewest == Integer.MAX_VALUE ? items.size() : fewest, most};
  }

  /** Positives and negatives posted at {@code cut}: over it, and the round trip under it. */
  private static int[] counts(List<Item> items, double cut, boolean adapted) {
    int tp = 0;
    int fp = 0;
    for (Item i : items) {
      double s = adapted ? i.shift() : 0;
      if (i.margin() + s > cut && i.back() + s <= cut) {
        if (i.positive()) {
          tp++;
        } else {
          fp++;
        }
      }
    }
    return new int[] {tp, fp};
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }
}
