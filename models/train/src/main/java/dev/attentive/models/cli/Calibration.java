package dev.attentive.models.cli;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.train.Evaluator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What follows an export: the model is served through DJL exactly as the reviewer serves it, its
 * threshold calibrated on the validation libraries (at most one false alarm per 200 clean windows),
 * its numbers taken on the test libraries, then its per-kind thresholds calibrated on real code
 * ({@link KindCalibration}), and all of it written into {@code attentive-model.json} with the
 * expected outputs beside it.
 */
final class Calibration {

  private Calibration() {}

  /**
   * {@code run}: how the model was made (training seconds, steps, command), recorded first among
   * the metrics.
   */
  static ModelInfo run(
      Path model, Dataset data, ModelInfo info, Map<String, String> run, Options options)
      throws Exception {
    Map<String, String> metrics = new LinkedHashMap<>(run);
    data.stats().forEach((k, v) -> metrics.put("data." + k, v));
    ModelInfo calibrated;
    try (DjlReviewModel served =
        new DjlReviewModel(model, new DjlReviewModel.Options(1, 32, Duration.ofMillis(5), "cpu"))) {
      List<Evaluator.Scored> validation =
          Evaluator.score(served, data.validation(), AttentionProgram.DEFAULT);
      double threshold = Evaluator.calibrate(validation, 1.0 / 200);
      Evaluator.Report v = Evaluator.report(validation, threshold);
      System.out.println(
          "validation libraries (threshold calibrated here: <= 1 false alarm per 200 clean):");
      System.out.print(v.describe());
      Evaluator.Report t =
          Evaluator.report(
              Evaluator.score(served, data.test(), AttentionProgram.DEFAULT), threshold);
      System.out.println("test libraries (never seen in training):");
      System.out.print(t.describe());
      v.asMap().forEach((k, val) -> metrics.put("validation." + k, val));
      t.asMap().forEach((k, val) -> metrics.put("test." + k, val));
      t.byKind()
          .forEach(
              (k, val) ->
                  metrics.put(
                      "test.kind." + k,
                      String.format(
                          "n=%d loc=%.1f%% joint=%.1f%%",
                          (int) val[0], val[1] * 100, val[2] * 100)));
      calibrated = info.withThreshold(threshold, metrics);
      calibrated.write(model);
      calibrated = KindCalibration.run(model, served, calibrated, () -> validation, options).info();
    }
    ExpectedOutputs.write(model, data.test().subList(0, 3));
    return calibrated;
  }
}
