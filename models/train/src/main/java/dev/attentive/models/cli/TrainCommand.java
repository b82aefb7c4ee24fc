package dev.attentive.models.cli;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.data.Example;
import dev.attentive.models.data.RealFixExamples;
import dev.attentive.models.eval.RealFixCorpus;
import dev.attentive.models.predict.Hyper;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.train.Checkpoints;
import dev.attentive.models.train.Exporter;
import dev.attentive.models.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Trains on the dataset, exports the SavedModel, then calibrates and scores it ({@link
 * Calibration}).
 */
final class TrainCommand implements Command {

  static final Path RELEASE_CHANGES = Path.of("models/train/corpus/release-changes");

  @Override
  public String name() {
    return "train";
  }

  @Override
  public String usage() {
    return "train [--steps 16000] [--batch 32] [--lr 0.001] [--seed 20261123] [--d 128] [--heads 4] [--ffn 256]"
        + " [--layers 2] [--types] [--maxLength 128] [--out "
        + ModelPaths.TRAINED
        + "] [--checkpoints OUT/checkpoints] [--checkpointEvery 500] [--resume]"
        + " [--real] [--realBuggy 20] [--realAfterFix 4] [--realRelease 10]"
        + " [--releases (with --real)] [--releaseLinesPerChange 2]"
        + " (and the dataset's options)";
  }

  @Override
  public void run(Options options) throws Exception {
    Dataset data = DatasetCache.load(options);
    List<Example> train = data.train();
    if (options.flag("real")) {
      // Real + synthetic (issue 13, part 2): the train split of the real-fix corpus joins the
      // planted windows, mixed in with the run's seed; validation and test projects stay out.
      RealFixExamples.Made real =
          new RealFixExamples(
                  options.integer("realBuggy", 20),
                  options.integer("realAfterFix", 4),
                  options.integer("realRelease", 10),
                  Long.parseLong(options.get("seed", "20261123")))
              .from(
                  RealFixCorpus.read(RealFixRun.REAL_FIXES, "train"),
                  data.vocabulary(),
                  data.repairClasses(),
                  data.maxLength());
      System.out.printf(
          "real fixes (train split): %s -> %,d windows%n", real.counts(), real.examples().size());
      train = new ArrayList<>(train);
      train.addAll(real.examples());
      if (options.flag("releases")) {
        // Changes between consecutive releases of the training libraries are changes, not known
        // fixes: only their changed lines (correct code just after a change, hard negatives) and
        // release lines of their files join, never their old lines as bugs.
        RealFixExamples.Made releases =
            new RealFixExamples(
                    0,
                    options.integer("realAfterFix", 4),
                    options.integer("releaseLinesPerChange", 2),
                    Long.parseLong(options.get("seed", "20261123")))
                .from(
                    RealFixCorpus.readAll(options.path("releaseChanges", RELEASE_CHANGES)),
                    data.vocabulary(),
                    data.repairClasses(),
                    data.maxLength());
        System.out.printf(
            "release changes: %s -> %,d windows%n", releases.counts(), releases.examples().size());
        train.addAll(releases.examples());
      }
      Collections.shuffle(train, new Random(Long.parseLong(options.get("seed", "20261123"))));
    }
    Hyper hyper =
        new Hyper(
            data.vocabulary().size(),
            data.repairClasses().size(),
            data.maxLength(),
            options.integer("d", 128),
            options.integer("heads", 4),
            options.integer("ffn", 256),
            options.integer("layers", 2),
            options.flag("types"));
    if (hyper.types() && train.stream().anyMatch(e -> e.types() == null)) {
      // A dataset cached before types were read would train a types model on "no type" only.
      throw new IllegalArgumentException(
          "--types needs a dataset built with declared types: rebuild it (a new --cache)");
    }
    Trainer.Options trainingOptions =
        new Trainer.Options(
            options.integer("steps", 16000),
            options.integer("batch", 32),
            Float.parseFloat(options.get("lr", "0.001")),
            Long.parseLong(options.get("seed", "20261123")),
            100);
    Path out = options.path("out", ModelPaths.TRAINED);
    // A run may span sessions: checkpoints every N steps; --resume continues from the latest.
    Checkpoints checkpoints =
        new Checkpoints(
            options.path("checkpoints", out.resolve("checkpoints")),
            options.integer("checkpointEvery", 500),
            options.flag("resume"));
    long started = System.nanoTime();
    Map<String, float[]> weights;
    try (Trainer trainer = new Trainer(hyper, trainingOptions)) {
      System.out.printf(
          "training %s: %,d parameters, %s, %,d training windows%n",
          hyper, trainer.parameterCount(), trainingOptions, train.size());
      trainer.train(train, AttentionProgram.DEFAULT, checkpoints);
      weights = trainer.weights();
    }
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    Exporter.export(hyper, weights, out);
    ModelInfo info =
        new ModelInfo(
            ModelInfo.FORMAT_VERSION,
            "attentive-v1",
            hyper,
            data.vocabulary(),
            data.repairClasses(),
            AttentionProgram.FORMAT_VERSION,
            AttentionProgram.DEFAULT.toJson(),
            0.5,
            Map.of(),
            Map.of(),
            false);
    info.write(out);
    Map<String, String> run = new LinkedHashMap<>();
    run.put("trainingSeconds", String.format("%.0f", trainSeconds));
    run.put("steps", Integer.toString(trainingOptions.steps()));
    run.put(
        "command",
        "bin/attentive model train "
            + String.join(
                " ",
                options.values().entrySet().stream()
                    .map(e -> "--" + e.getKey() + " " + e.getValue())
                    .toList()));
    Calibration.run(out, data, info, run, options);
    System.out.println("wrote " + out + "; to ship it: bin/attentive model ship --model " + out);
  }
}
