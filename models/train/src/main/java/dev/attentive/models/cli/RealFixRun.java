package dev.attentive.models.cli;

import dev.attentive.models.eval.RealFixCorpus;
import dev.attentive.models.eval.RealFixEvaluation;
import dev.attentive.models.eval.RepairSpace;
import dev.attentive.models.predict.BugFinder;
import dev.attentive.models.predict.ReviewModel;
import java.nio.file.Path;

/** Scores a served model on one split of the committed real fixes ({@code --realFixes DIR}). */
final class RealFixRun {

  static final Path REAL_FIXES = Path.of("models/train/corpus/real-fixes");

  private RealFixRun() {}

  static RealFixEvaluation.Scored score(ReviewModel model, String split, Options options)
      throws Exception {
    RealFixEvaluation.Options defaults = RealFixEvaluation.Options.defaults();
    RealFixEvaluation.Options o =
        new RealFixEvaluation.Options(
            options.integer("releaseLines", defaults.releaseLinesPerFile()), defaults.seed());
    long started = System.nanoTime();
    RealFixEvaluation.Scored scored =
        RealFixEvaluation.score(
            // Every changed line is read: the reviewer's per-file cap is for pull requests.
            new BugFinder(model, Integer.MAX_VALUE),
            new RepairSpace(model.info()),
            RealFixCorpus.read(options.path("realFixes", REAL_FIXES), split),
            split,
            o);
    System.out.printf(
        "real fixes (%s split): %d fixes, %d after-fix lines, %d release lines of %d files,"
            + " read in %.0f s%n",
        split,
        scored.bugs().size(),
        scored.afterLines(),
        scored.releaseLines(),
        scored.releaseFiles(),
        (System.nanoTime() - started) / 1e9);
    return scored;
  }
}
