package dev.attentive.models.cli;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.corpus.Library;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.eval.Curves;
import dev.attentive.models.eval.RealFixEvaluation;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Posting;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.train.Evaluator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * A model's numbers by kind: on the held-out planted test libraries (at the single threshold as
 * before, and at the per-kind thresholds) and on the frozen real-fix test split (round trip on and
 * off), and a precision/recall curve per kind as SVG ({@link Curves}) in {@code --curves DIR}.
 */
final class EvalCommand implements Command {

  static final Path CURVES = Path.of("models/train/target/eval");

  @Override
  public String name() {
    return "eval";
  }

  @Override
  public String usage() {
    return "eval [--model "
        + ModelPaths.SHIPPED
        + "] [--curves "
        + CURVES
        + "] [--synthetic true] [--split test] [--releaseLines 150]";
  }

  @Override
  public void run(Options options) throws Exception {
    boolean synthetic = Boolean.parseBoolean(options.get("synthetic", "true"));
    Dataset data = synthetic ? DatasetCache.load(options) : null;
    Path dir = options.path("model", ModelPaths.SHIPPED);
    try (DjlReviewModel model =
        new DjlReviewModel(dir, new DjlReviewModel.Options(1, 32, Duration.ofMillis(5), "cpu"))) {
      ModelInfo info = model.info();
      System.out.printf(
          "model %s, shipped threshold %.3f, %s%n", dir, info.threshold(), info.posting());
      List<Evaluator.Scored> planted = List.of();
      if (data != null) {
        String testLibraries =
            String.join(
                ", ",
                Library.readList(options.path("libraries", ModelPaths.LIBRARIES)).stream()
                    .filter(l -> l.split() == Library.Split.TEST)
                    .map(Library::artifactId)
                    .toList());
        System.out.println("planted bugs, test libraries: " + testLibraries);
        planted = Evaluator.score(model, data.test(), AttentionProgram.DEFAULT);
      }
      RealFixEvaluation.Scored real =
          RealFixRun.score(model, options.get("split", "test"), options);
      report(info, planted, real, options.path("curves", CURVES));
    }
  }

  /**
   * Prints the planted numbers (when given) at the single and the per-kind thresholds and the real
   * ones at the per-kind thresholds, round trip on and off, and draws the curves.
   */
  static void report(
      ModelInfo info, List<Evaluator.Scored> planted, RealFixEvaluation.Scored real, Path curves)
      throws Exception {
    Posting posting = info.posting();
    RepairClasses classes = new RepairClasses(info.repairClasses());
    if (!planted.isEmpty()) {
      System.out.printf(
          "planted bugs (test libraries) at the single threshold %.3f:%n", info.threshold());
      System.out.print(Evaluator.report(planted, info.threshold()).describe());
      Map<String, OptionalDouble> byKind = new LinkedHashMap<>();
      for (BugKind kind : BugKinds.ALL) {
        byKind.put(kind.id(), posting.thresholdOf(kind));
      }
      System.out.println("planted bugs (test libraries) at the per-kind thresholds:");
      System.out.print(Evaluator.report(planted, byKind, classes).describe());
    }
    for (boolean roundTrip : List.of(true, false)) {
      System.out.printf(
          "real fixes (%s split) at the per-kind thresholds, round trip %s:%n",
          real.split(), roundTrip ? "on" : "off");
      System.out.print(RealFixEvaluation.report(real, posting.withRoundTrip(roundTrip)).describe());
    }
    for (BugKind kind : BugKinds.ALL) {
      KindThreshold own =
          info.kindThresholds().getOrDefault(kind.id(), new KindThreshold(info.threshold(), true));
      Curves.write(
          curves,
          kind.id(),
          Curves.planted(planted, kind.id(), classes),
          Curves.real(real, kind.id(), posting.roundTrip()),
          own.threshold(),
          own.posted());
    }
    System.out.println("precision/recall curves per kind: " + curves + "/pr-KIND.svg");
  }
}
