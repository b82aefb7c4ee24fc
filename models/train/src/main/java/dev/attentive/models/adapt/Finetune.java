package dev.attentive.models.adapt;

import dev.attentive.events.Feedback;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Posting;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One per-repository fine-tune: the repository's model outcomes, oldest first, the newest {@code
 * holdBack} share kept aside; the adapter fitted on the rest; the {@link Guard} on the global
 * validation set and the held-back outcomes. The adaptation exists only when the guard ships it.
 */
public final class Finetune {

  /**
   * @param holdBack the newest share of the outcomes kept for the guard
   * @param minOutcomes fewer outcomes to fit on than this and nothing is fitted
   */
  public record Options(double l2, double holdBack, int minOutcomes) {
    public static Options defaults() {
      return new Options(AdapterFit.DEFAULT_L2, 0.25, 8);
    }
  }

  /**
   * @param adaptation what to ship; null when refused
   * @param problems why it was refused (empty when shipped)
   */
  public record Result(
      List<Outcome> fitted,
      List<Outcome> heldBack,
      RepositoryAdapter adapter,
      Guard.Verdict verdict,
      ModelAdaptation adaptation,
      List<String> problems) {}

  private Finetune() {}

  public static Result run(
      String repository,
      List<Feedback> feedback,
      ModelInfo model,
      ScoredReads global,
      int version,
      Instant now,
      Options options) {
    if (!model.modelVersion().equals(global.modelVersion())) {
      throw new IllegalArgumentException(
          "the global validation reads are of model "
              + global.modelVersion()
              + ", not "
              + model.modelVersion()
              + ": run bin/attentive model score-reads --split validation");
    }
    List<Outcome> outcomes = Outcome.of(repository, feedback);
    int held = (int) Math.ceil(outcomes.size() * options.holdBack());
    List<Outcome> fitted = outcomes.subList(0, outcomes.size() - held);
    List<Outcome> heldBack = outcomes.subList(outcomes.size() - held, outcomes.size());
    Posting posting = model.posting();
    if (fitted.size() < options.minOutcomes() || heldBack.isEmpty()) {
      return new Result(
          fitted,
          heldBack,
          RepositoryAdapter.identity(),
          null,
          null,
          List.of(
              String.format(
                  "%s has %d model outcomes (%d to fit on, %d held back): at least %d to fit on"
                      + " and one held back are needed",
                  repository,
                  outcomes.size(),
                  fitted.size(),
                  heldBack.size(),
                  options.minOutcomes())));
    }
    RepositoryAdapter adapter = AdapterFit.fit(fitted, posting, options.l2());
    Guard.Verdict verdict = Guard.check(adapter, posting, global, heldBack);
    if (!verdict.ship()) {
      return new Result(fitted, heldBack, adapter, verdict, null, verdict.problems());
    }
    Map<String, Double> thresholds = new LinkedHashMap<>();
    model.kindThresholds().forEach((k, t) -> thresholds.put(k, t.threshold()));
    Map<String, Double> metrics = new LinkedHashMap<>(verdict.metrics());
    metrics.put("repo.outcomes.fitted", (double) fitted.size());
    metrics.put("repo.outcomes.heldBack", (double) heldBack.size());
    metrics.put("l2", options.l2());
    ModelAdaptation adaptation =
        new ModelAdaptation(
            ModelAdaptation.SCHEMA_VERSION,
            repository,
            repository + "@" + version,
            model.modelVersion(),
            now,
            thresholds,
            RepositoryAdapter.FORMAT,
            adapter.asMap(),
            metrics);
    return new Result(fitted, heldBack, adapter, verdict, adaptation, List.of());
  }
}
