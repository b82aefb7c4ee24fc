package dev.attentive.models.cli;

import dev.attentive.models.adapt.Finetune;
import dev.attentive.models.adapt.SimulatedTeam;
import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.predict.ModelInfo;

/**
 * {@code finetune-eval --seed N}: the fine-tune on a simulated team (see {@link SimulatedTeam}):
 * adapted on the first half of its outcomes, measured on the second, with the guard's numbers on
 * the global real-fix validation set. Reads the committed reads of both splits; no model runs.
 */
final class FinetuneEvalCommand implements Command {

  @Override
  public String name() {
    return "finetune-eval";
  }

  @Override
  public String usage() {
    return "finetune-eval [--seed 1] [--testShare 0.3] [--split test] [--model "
        + ModelPaths.SHIPPED
        + "]";
  }

  @Override
  public void run(Options options) throws Exception {
    ModelInfo model = ModelInfo.read(options.path("model", ModelPaths.SHIPPED));
    ScoredReads code =
        ScoredReads.read(
            ScoredReads.file(
                ScoredReads.DIRECTORY, model.modelVersion(), options.get("split", "test")));
    ScoredReads global =
        ScoredReads.read(
            ScoredReads.file(ScoredReads.DIRECTORY, model.modelVersion(), "validation"));
    long seed = Long.parseLong(options.get("seed", "1"));
    SimulatedTeam.Result r =
        SimulatedTeam.run(
            code,
            global,
            model,
            seed,
            Double.parseDouble(options.get("testShare", "0.3")),
            Finetune.Options.defaults());
    System.out.print(describe(r, seed, code, global));
  }

  static String describe(SimulatedTeam.Result r, long seed, ScoredReads code, ScoredReads global) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "simulated team (seed %d) on the %s split: %d outcomes seen (%d fitted, %d held back)%n",
            seed,
            code.split(),
            r.outcomes().size(),
            r.finetune().fitted().size(),
            r.finetune().heldBack().size()));
    out.append("adapter: ").append(r.finetune().adapter()).append('\n');
    if (r.finetune().verdict() != null) {
      out.append("guard:\n");
      r.finetune().verdict().measures().forEach(m -> out.append(m.describe()));
      var g = r.finetune().verdict().measures().get(0);
      out.append(
          String.format(
              "  global validation at the served thresholds: false alarms per 1,000 correct lines"
                  + " %.2f → %.2f (%d lines), buggy-line findings %d → %d%n",
              1000.0 * g.servedNegativesGlobal() / global.correctLines(),
              1000.0 * g.servedNegativesAdapted() / global.correctLines(),
              global.correctLines(),
              g.servedPositivesGlobal(),
              g.servedPositivesAdapted()));
    }
    out.append(r.finetune().adaptation() != null ? "SHIPPED\n" : "REFUSED\n");
    r.finetune().problems().forEach(p -> out.append("  ").append(p).append('\n'));
    out.append("unseen half, global model: ").append(r.before().describe()).append('\n');
    out.append("unseen half, adapted:      ").append(r.after().describe()).append('\n');
    return out.toString();
  }
}
