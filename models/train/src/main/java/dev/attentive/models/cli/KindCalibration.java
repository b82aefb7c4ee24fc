package dev.attentive.models.cli;

import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.eval.RealFixEvaluation;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Posting;
import dev.attentive.models.predict.ReviewModel;
import dev.attentive.models.train.Evaluator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * Per-kind thresholds on real code (issue 13): on the validation projects' real fixes, each kind's
 * threshold is the lowest that keeps it at most {@code --falseAlarmsPer1000} (1) false alarms per
 * 1,000 real correct lines (after-fix and release), with the round trip on as served. A kind is
 * posted only with useful recall: at that threshold it still reports at least {@link #USEFUL} of
 * its planted validation bugs with the right repair. The thresholds, the round trip and the
 * real-fix numbers (validation, and the frozen test split at the thresholds, round trip on and off)
 * go into {@code attentive-model.json}.
 */
final class KindCalibration {

  /**
   * Useful recall: the share of planted validation bugs of the kind reported with the right fix.
   */
  static final double USEFUL = 0.05;

  private KindCalibration() {}

  /** The calibrated model description, and the real-fix test split as scored. */
  record Result(ModelInfo info, RealFixEvaluation.Scored test) {}

  /**
   * {@code plantedValidation} is asked for only after the real fixes are read (the dataset may
   * still be being built).
   */
  static Result run(
      Path directory,
      ReviewModel model,
      ModelInfo info,
      Supplier<List<Evaluator.Scored>> planted,
      Options options)
      throws Exception {
    double budget = Double.parseDouble(options.get("falseAlarmsPer1000", "1"));
    RealFixEvaluation.Scored validation = RealFixRun.score(model, "validation", options);
    RealFixEvaluation.Scored test = RealFixRun.score(model, "test", options);
    List<Evaluator.Scored> plantedValidation = planted.get();
    RepairClasses classes = new RepairClasses(info.repairClasses());
    Map<String, KindThreshold> thresholds =
        RealFixEvaluation.calibrate(
            validation,
            budget,
            true,
            (kind, t) -> plantedRecall(plantedValidation, classes, kind, t) >= USEFUL);
    Map<String, String> metrics = new LinkedHashMap<>(info.metrics());
    metrics.keySet().removeIf(k -> k.startsWith("real.") || k.startsWith("kind."));
    thresholds.forEach(
        (kind, t) ->
            metrics.put(
                "kind." + kind,
                String.format(
                    "threshold %.3f, %s; planted validation bugs reported with the right repair"
                        + " at it %.1f %%",
                    t.threshold(),
                    t.posted() ? "posted" : "not posted",
                    100 * plantedRecall(plantedValidation, classes, kind, t.threshold()))));
    metrics.put(
        "kind.rule",
        String.format(
            "lowest threshold keeping each kind at <= %s false alarms per 1,000 real correct lines"
                + " of the validation projects (round trip on); posted when it still reports >= %.0f"
                + " %% of its planted validation bugs with the right repair",
            budget, USEFUL * 100));
    Posting posting = new Posting(info.threshold(), thresholds, true);
    RealFixEvaluation.Report v = RealFixEvaluation.report(validation, posting);
    System.out.println("real fixes, validation split, per-kind thresholds calibrated here:");
    thresholds.forEach(
        (k, t) ->
            System.out.printf(
                "  %-16s %.3f %s%n", k, t.threshold(), t.posted() ? "" : "(not posted)"));
    System.out.print(v.describe());
    v.asMap().forEach((k, val) -> metrics.put("real.validation." + k, val));
    for (boolean roundTrip : List.of(true, false)) {
      RealFixEvaluation.Report t = RealFixEvaluation.report(test, posting.withRoundTrip(roundTrip));
      String name = roundTrip ? "real.test." : "real.test.noRoundTrip.";
      System.out.printf(
          "real fixes, frozen test split, round trip %s:%n", roundTrip ? "on" : "off");
      System.out.print(t.describe());
      t.asMap().forEach((k, val) -> metrics.put(name + k, val));
    }
    ModelInfo calibrated = info.withPosting(thresholds, true, metrics);
    calibrated.write(directory);
    return new Result(calibrated, test);
  }

  /** The share of planted bugs of the kind reported with the right repair above {@code t}. */
  static double plantedRecall(
      List<Evaluator.Scored> planted, RepairClasses classes, String kind, double t) {
    if (planted.isEmpty()) {
      return 1;
    }
    Evaluator.PostedReport r =
        Evaluator.report(planted, Map.of(kind, OptionalDouble.of(t)), classes);
    int[] k = r.byKind().get(kind);
    return k == null || k[0] == 0 ? 0 : (double) k[1] / k[0];
  }
}
