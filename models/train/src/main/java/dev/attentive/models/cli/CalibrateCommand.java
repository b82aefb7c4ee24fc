package dev.attentive.models.cli;

import dev.attentive.models.data.Dataset;
import dev.attentive.models.predict.ModelInfo;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Calibrates and scores an exported model again, what {@code train} does after export ({@link
 * Calibration}).
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
        + "] [--trainingSeconds S --steps N --command TEXT]";
  }

  @Override
  public void run(Options options) throws Exception {
    Dataset data = DatasetCache.load(options);
    Path model = options.path("model", ModelPaths.TRAINED);
    Map<String, String> run = new LinkedHashMap<>();
    run.put("trainingSeconds", options.get("trainingSeconds", "unknown"));
    run.put("steps", options.get("steps", "unknown"));
    run.put("command", options.get("command", "bin/attentive model train"));
    Calibration.run(model, data, ModelInfo.read(model), run);
    System.out.println("calibrated " + model);
  }
}
