package dev.attentive.models.cli;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.train.Evaluator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calibrates and scores an exported model again, what {@code train} does after export ({@link
 * Calibration}). With {@code --kindsOnly true} only the per-kind thresholds on real code are
 * calibrated ({@link KindCalibration}); the single threshold, metrics and expected outputs stay, so
 * a shipped model's weights and golden outputs are untouched.
 */
final class CalibrateCommand implements Command {

  @Override
  public String name() {
    return "calibrate";
  }

  @Override
  public String usage() {
    return "calibrate [--model "
        + ModelPaths.TRAINED
        + "] [--trainingSeconds S --steps N --command TEXT] [--kindsOnly [--curves DIR]]"
        + " [--falseAlarmsPer1000 1] [--releaseLines 150]";
  }

  @Override
  public void run(Options options) throws Exception {
    Path model = options.path("model", ModelPaths.TRAINED);
    if (options.flag("kindsOnly")) {
      try (DjlReviewModel served =
          new DjlReviewModel(
              model, new DjlReviewModel.Options(1, 32, Duration.ofMillis(5), "cpu"))) {
        Dataset[] data = new Dataset[1];
        KindCalibration.Result result =
            KindCalibration.run(
                model,
                served,
                served.info(),
                () -> {
                  try {
                    data[0] = DatasetCache.load(options);
                  } catch (Exception e) {
                    throw new IllegalStateException(e);
                  }
                  return Evaluator.score(served, data[0].validation(), AttentionProgram.DEFAULT);
                },
                options);
        if (options.values().containsKey("curves")) {
          // What eval prints and draws, without reading the real fixes a second time.
          EvalCommand.report(
              result.info(),
              Evaluator.score(served, data[0].test(), AttentionProgram.DEFAULT),
              result.test(),
              options.path("curves", EvalCommand.CURVES));
        }
      }
      System.out.println("calibrated the per-kind thresholds of " + model);
      return;
    }
    Dataset data = DatasetCache.load(options);
    Map<String, String> run = new LinkedHashMap<>();
    run.put("trainingSeconds", options.get("trainingSeconds", "unknown"));
    run.put("steps", options.get("steps", "unknown"));
    run.put("command", options.get("command", "bin/attentive model train"));
    Calibration.run(model, data, ModelInfo.read(model), run, options);
    System.out.println("calibrated " + model);
  }
}
