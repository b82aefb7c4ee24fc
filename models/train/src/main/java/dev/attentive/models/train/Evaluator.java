package dev.attentive.models.train;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.Prediction;
import dev.attentive.models.predict.ReviewModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Scores the served model on examples: localisation accuracy, joint localisation + repair accuracy,
 * and at a confidence threshold the share of bugs reported with the right repair and the false
 * alarms on clean windows. Confidence is {@link Prediction#confidence()}, the number serving
 * compares with the threshold calibrated here.
 */
public final class Evaluator {

  /** One example's outcome. */
  public record Scored(
      Example example, int location, int repair, boolean repairRight, double confidence) {
    boolean locationRight() {
      return location == example.location();
    }
  }

  /** The numbers. */
  public record Report(
      int buggy,
      int clean,
      double localisation,
      double joint,
      double threshold,
      double reportedJoint,
      double falseAlarmRate,
      int falseAlarms,
      Map<String, double[]> byKind) {

    public Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("buggyWindows", Integer.toString(buggy));
      m.put("cleanWindows", Integer.toString(clean));
      m.put("localisationAccuracy", pct(localisation));
      m.put("jointAccuracy", pct(joint));
      m.put("threshold", String.format("%.3f", threshold));
      m.put("bugsReportedWithRightRepairAtThreshold", pct(reportedJoint));
      m.put("falseAlarmsPer200CleanAtThreshold", String.format("%.2f", falseAlarmRate * 200));
      m.put("falseAlarms", falseAlarms + " of " + clean);
      return m;
    }

    public String describe() {
      StringBuilder out = new StringBuilder();
      asMap().forEach((k, v) -> out.append(String.format("  %-42s %s%n", k, v)));
      out.append("  by kind (windows, localisation, joint):\n");
      byKind.forEach(
          (kind, v) ->
              out.append(
                  String.format(
                      "    %-18s %6d  %s  %s%n", kind, (int) v[0], pct(v[1]), pct(v[2]))));
      return out.toString();
    }
  }

  private Evaluator() {}

  /**
   * Windows scored per this many: a prediction keeps its attention weights (heads × length² floats,
   * 1 MB at 256 sub-tokens), so 13,000 at once would not fit a 10 GB heap.
   */
  private static final int CHUNK = 1024;

  public static List<Scored> score(
      ReviewModel model, List<Example> examples, AttentionProgram program) {
    List<Scored> scored = new ArrayList<>(examples.size());
    for (int from = 0; from < examples.size(); from += CHUNK) {
      List<Example> chunk = examples.subList(from, Math.min(examples.size(), from + CHUNK));
      List<ReviewModel.Input> inputs = new ArrayList<>(chunk.size());
      for (Example e : chunk) {
        inputs.add(ReviewModel.Input.of(e.ids(), e.features(), e.typesOrNone(), program));
      }
      List<Prediction> predictions = model.predictAll(inputs);
      for (int i = 0; i < chunk.size(); i++) {
        Example e = chunk.get(i);
        Prediction p = predictions.get(i);
        int repair = p.repair();
        boolean repairRight = Arrays.stream(e.repairs()).anyMatch(r -> r == repair);
        scored.add(new Scored(e, p.location(), repair, repairRight, p.confidence()));
      }
    }
    return scored;
  }

  /**
   * The lowest threshold whose false-alarm rate on clean windows is at most {@code
   * maxFalseAlarmRate}.
   */
  public static double calibrate(List<Scored> scored, double maxFalseAlarmRate) {
    double[] clean =
        scored.stream()
            .filter(s -> !s.example().buggy())
            .mapToDouble(Scored::confidence)
            .sorted()
            .toArray();
    if (clean.length == 0) {
      return 0.5;
    }
    int allowed = (int) Math.floor(clean.length * maxFalseAlarmRate);
    // Alarms are confidences strictly above the threshold: keep at most `allowed` of them.
    double threshold = clean[clean.length - 1 - allowed];
    return Math.min(0.999, Math.max(threshold, 0.05));
  }

  public static Report report(List<Scored> scored, double threshold) {
    int buggy = 0;
    int clean = 0;
    int loc = 0;
    int joint = 0;
    int reported = 0;
    int alarms = 0;
    Map<String, double[]> kinds = new TreeMap<>();
    for (Scored s : scored) {
      double[] k = kinds.computeIfAbsent(s.example().kind(), x -> new double[3]);
      k[0]++;
      if (s.example().buggy()) {
        buggy++;
        boolean l = s.locationRight();
        boolean j = l && s.repairRight();
        loc += l ? 1 : 0;
        joint += j ? 1 : 0;
        reported += j && s.confidence() > threshold ? 1 : 0;
        k[1] += l ? 1 : 0;
        k[2] += j ? 1 : 0;
      } else {
        clean++;
        boolean right = s.location() == 0;
        k[1] += right ? 1 : 0;
        k[2] += right ? 1 : 0;
        alarms += s.location() != 0 && s.confidence() > threshold ? 1 : 0;
      }
    }
    kinds
        .values()
        .forEach(
            k -> {
              k[1] /= k[0];
              k[2] /= k[0];
            });
    return new Report(
        buggy,
        clean,
        ratio(loc, buggy),
        ratio(joint, buggy),
        threshold,
        ratio(reported, buggy),
        ratio(alarms, clean),
        alarms,
        kinds);
  }

  /**
   * The kind a repair belongs to, for a window that has no tokens to decode it against (a planted
   * example): the repair class's kind, and a pointer is taken for a wrong variable (the larger kind
   * of the two pointer kinds).
   */
  public static String repairKind(int repair, RepairClasses classes) {
    if (repair >= classes.size()) {
      return "variable";
    }
    String name = classes.name(repair);
    if (name.startsWith(RepairClasses.METHOD_PREFIX)) {
      return "method_name";
    }
    return switch (name) {
      case "true", "false" -> "boolean_literal";
      case "0", "1", RepairClasses.LITERAL_PLUS_ONE, RepairClasses.LITERAL_MINUS_ONE ->
          "int_literal";
      case RepairClasses.INSERT_NOT -> "drop_not";
      case RepairClasses.DELETE_TOKEN -> "add_not";
      default -> "binary_operator";
    };
  }

  /** Planted numbers at per-kind thresholds (no round trip: a planted window has no file). */
  public record PostedReport(
      int buggy, int clean, int reportedRight, int falseAlarms, Map<String, int[]> byKind) {

    public Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("bugsReportedWithRightRepairAtKindThresholds", pct((double) reportedRight / buggy));
      m.put(
          "falseAlarmsPer200CleanAtKindThresholds",
          String.format("%.2f (%d of %d)", 200.0 * falseAlarms / clean, falseAlarms, clean));
      return m;
    }

    public String describe() {
      StringBuilder out = new StringBuilder();
      asMap().forEach((k, v) -> out.append(String.format("  %-42s %s%n", k, v)));
      out.append("  by kind (planted, reported with the right repair, false alarms on clean):\n");
      byKind.forEach(
          (kind, v) ->
              out.append(
                  String.format(
                      "    %-18s %6d  %s  %d%n",
                      kind, v[0], pct(v[0] == 0 ? 0 : (double) v[1] / v[0]), v[2])));
      return out.toString();
    }
  }

  public static PostedReport report(
      List<Scored> scored, Map<String, OptionalDouble> thresholds, RepairClasses classes) {
    int buggy = 0;
    int clean = 0;
    int right = 0;
    int alarms = 0;
    Map<String, int[]> kinds = new TreeMap<>();
    thresholds.keySet().forEach(k -> kinds.put(k, new int[3]));
    for (Scored s : scored) {
      String kind = s.example().buggy() ? s.example().kind() : repairKind(s.repair(), classes);
      OptionalDouble t = thresholds.getOrDefault(kind, OptionalDouble.empty());
      boolean posted = s.location() != 0 && t.isPresent() && s.confidence() > t.getAsDouble();
      int[] k = kinds.computeIfAbsent(kind, x -> new int[3]);
      if (s.example().buggy()) {
        buggy++;
        k[0]++;
        boolean hit = posted && s.locationRight() && s.repairRight();
        right += hit ? 1 : 0;
        k[1] += hit ? 1 : 0;
      } else {
        clean++;
        alarms += posted ? 1 : 0;
        k[2] += posted ? 1 : 0;
      }
    }
    return new PostedReport(buggy, clean, right, alarms, kinds);
  }

  private static double ratio(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  static String pct(double v) {
    return String.format("%.1f %%", v * 100);
  }
}
