package dev.attentive.models.cli;

import dev.attentive.models.eval.RealFixCorpus;
import dev.attentive.models.eval.RealFixEvaluation;
import dev.attentive.models.eval.RepairSpace;
import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.mining.RealFix;
import dev.attentive.models.predict.BugFinder;
import dev.attentive.models.serve.DjlReviewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code score-reads}: runs the model once over a real-fix split and writes every finding ({@link
 * ScoredReads}), the global validation set the fine-tune guard reads (and the simulated repository
 * of {@code finetune-eval}). Rerun after shipping a new model.
 */
final class ScoreReadsCommand implements Command {

  @Override
  public String name() {
    return "score-reads";
  }

  @Override
  public String usage() {
    return "score-reads [--model "
        + ModelPaths.SHIPPED
        + "] [--split validation] [--releaseLines 100] [--out "
        + ScoredReads.DIRECTORY
        + "]";
  }

  @Override
  public void run(Options options) throws Exception {
    String split = options.get("split", "validation");
    int releaseLines = options.integer("releaseLines", 100);
    RealFixEvaluation.Options o =
        new RealFixEvaluation.Options(releaseLines, RealFixEvaluation.Options.defaults().seed());
    Map<String, List<RealFix>> byFile = new LinkedHashMap<>();
    for (RealFix fix :
        RealFixCorpus.read(options.path("realFixes", RealFixRun.REAL_FIXES), split)) {
      byFile.computeIfAbsent(fix.source() + " " + fix.path(), f -> new ArrayList<>()).add(fix);
    }
    long started = System.nanoTime();
    try (DjlReviewModel model =
        new DjlReviewModel(
            options.path("model", ModelPaths.SHIPPED),
            new DjlReviewModel.Options(1, 32, Duration.ofMillis(5), "cpu"))) {
      BugFinder finder = new BugFinder(model, Integer.MAX_VALUE);
      RepairSpace space = new RepairSpace(model.info());
      List<RealFixEvaluation.Scored> perFile = new ArrayList<>();
      for (List<RealFix> fixes : byFile.values()) {
        perFile.add(RealFixEvaluation.score(finder, space, fixes, split, o));
      }
      ScoredReads reads = ScoredReads.of(model.info().modelVersion(), split, releaseLines, perFile);
      Path out =
          ScoredReads.file(options.path("out", ScoredReads.DIRECTORY), reads.modelVersion(), split);
      reads.write(out);
      System.out.printf(
          "%s split: %d files, %d buggy lines, %d correct lines, %d findings ≥ %.2f in %.0f s → %s%n",
          split,
          byFile.size(),
          reads.bugLines(),
          reads.correctLines(),
          reads.reads().size(),
          RealFixEvaluation.LOWEST_THRESHOLD,
          (System.nanoTime() - started) / 1e9,
          out);
    }
  }
}
