package dev.attentive.reviewer.analysis.model;

import dev.attentive.events.AttentionProgram;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.models.adapt.RepositoryAdapter;
import dev.attentive.models.predict.BugFinder;
import dev.attentive.models.predict.Finding;
import dev.attentive.models.predict.Posting;
import dev.attentive.models.predict.ReviewModel;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.serve.ShippedModel;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.ChangedLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * REPAIR suggestions from the attention model: each changed line of a Java file is read in its own
 * window; a predicted bug whose confidence clears its kind's calibrated threshold (and whose
 * repaired line the model reads as clean, when the model's round trip is on) becomes a
 * ```suggestion with the fixed line and a one-line "why" naming the tokens the model's last
 * attention layer rested on. The repository's {@code model.attention} program, when valid, replaces
 * the default one. A repository with a shipped adaptation of the loaded model ({@code bin/attentive
 * model finetune}) is reviewed with its adapter and thresholds.
 */
public final class ModelAnalyzer implements Analyzer {

  private static final Logger LOG = Logger.getLogger(ModelAnalyzer.class);

  private final ReviewModel model;
  private final BugFinder finder;
  private final Posting posting;
  private final ConcurrentHashMap<String, AttentionProgram> programs = new ConcurrentHashMap<>();
  private volatile Function<String, Optional<ModelAdaptation>> adaptations =
      repository -> Optional.empty();

  /** Repository → its kinds' thresholds learned from the team's outcomes (issue 15). */
  private volatile Function<String, Map<String, Double>> repositoryThresholds = r -> Map.of();

  public ModelAnalyzer(ReviewModel model, ModelConfig config) {
    this.model = model;
    this.finder = new BugFinder(model, config.maxLinesPerFile());
    // A configured threshold replaces the calibrated ones for every kind; the round trip stays.
    this.posting =
        config
            .threshold()
            .map(t -> Posting.single(t).withRoundTrip(model.info().roundTrip()))
            .orElse(model.info().posting());
  }

  /** Loads the configured (or shipped) SavedModel through DJL's TensorFlow engine. */
  public static ModelAnalyzer load(ModelConfig config) {
    Path directory = config.path().map(Path::of).orElseGet(ShippedModel::directory);
    try {
      long started = System.nanoTime();
      DjlReviewModel model =
          new DjlReviewModel(
              directory,
              new DjlReviewModel.Options(
                  config.workers(), config.maxBatch(), config.maxWait(), config.device()));
      LOG.infof(
          "attention model %s loaded from %s on %s in %d ms (%s)",
          model.info().modelVersion(),
          directory,
          config.device(),
          (System.nanoTime() - started) / 1_000_000,
          config
              .threshold()
              .map(t -> "threshold " + t + " for every kind")
              .orElse(model.info().posting().toString()));
      return new ModelAnalyzer(model, config);
    } catch (Exception e) {
      throw new IllegalStateException(
          "cannot load the attention model from " + directory + ": " + e, e);
    }
  }

  @Override
  public String id() {
    return "model";
  }

  @Override
  public List<Suggestion> analyze(PullRequestDiffChunk chunk) {
    return analyze(chunk, RepositorySettings.defaults());
  }

  @Override
  public List<Suggestion> analyze(PullRequestDiffChunk chunk, RepositorySettings settings) {
    String content = "java".equals(chunk.language()) ? ChangedLines.newContent(chunk) : null;
    ChangedLines changed = ChangedLines.of(chunk);
    if (content == null || changed.isEmpty()) {
      return List.of();
    }
    List<Suggestion> suggestions = new ArrayList<>();
    Posting rule = posting(chunk.repository(), chunk.path());
    for (Finding f : finder.find(content, changed.lines(), program(settings, chunk), rule)) {
      String ruleId = "model/" + f.rule();
      String message =
          String.format(
              Locale.ROOT,
              "**Possible bug** (attention model, confidence %.2f): %s%n%n"
                  + "_Why: the model rested on %s._",
              f.confidence(),
              f.describe(),
              f.restedOn().stream().map(t -> "`" + t + "`").collect(Collectors.joining(", ")));
      suggestions.add(
          new Suggestion(
              Suggestion.Kind.REPAIR,
              chunk.path(),
              f.line(),
              f.line(),
              Suggestion.Severity.WARNING,
              Math.min(1.0, f.confidence()),
              message,
              f.replacement(),
              ruleId,
              Suggestion.fingerprint(
                  chunk.path(), ruleId, f.original() + "\u2192" + f.replacement())));
    }
    return suggestions;
  }

  /**
   * Where the repository's learned thresholds come from ({@code attentive.repo-learning.v1}); they
   * move the thresholds of this posting (configured or calibrated), kind by kind.
   */
  public void useRepositoryThresholds(Function<String, Map<String, Double>> thresholds) {
    this.repositoryThresholds = thresholds;
  }

  /** Where the repositories' adaptations are read from (the stream's global table). */
  public void adaptWith(Function<String, Optional<ModelAdaptation>> adaptations) {
    this.adaptations = adaptations;
  }

  /**
   * The posting rule for one file of a repository: its adaptation's (the adapter's shift for the
   * file, the adaptation's thresholds) when one is shipped for the loaded model, else the model's.
   * The suggestion keeps the model's own confidence: outcomes carry it and the next fine-tune
   * starts from it.
   */
  /** The adaptation's version when one is served for the repository, else the model's. */
  @Override
  public String version(PullRequestDiffChunk chunk) {
    return adaptations
        .apply(chunk.repository())
        .filter(a -> model.info().modelVersion().equals(a.baseModelVersion()))
        .map(ModelAdaptation::version)
        .orElse(model.info().modelVersion());
  }

  Posting posting(String repository, String path) {
    // the team's learned thresholds first; a shipped adaptation (finetune) then shifts those
    Map<String, Double> own = repositoryThresholds.apply(repository);
    Posting learned = own == null || own.isEmpty() ? posting : posting.withKindThresholds(own);
    return adaptations
        .apply(repository)
        .filter(a -> model.info().modelVersion().equals(a.baseModelVersion()))
        .flatMap(
            a ->
                RepositoryAdapter.of(a)
                    .map(adapter -> adapter.posting(learned, a.kindThresholds(), path)))
        .orElse(learned);
  }

  private AttentionProgram program(RepositorySettings settings, PullRequestDiffChunk chunk) {
    if (settings == null
        || settings.modelAttention() == null
        || settings.modelAttention().isNull()) {
      return AttentionProgram.DEFAULT;
    }
    String json = settings.modelAttention().toString();
    return programs.computeIfAbsent(
        json,
        j -> {
          try {
            return AttentionProgram.fromJson(settings.modelAttention());
          } catch (IllegalArgumentException e) {
            LOG.warnf(
                "%s: invalid model.attention (%s); the default attention program is used",
                chunk.repository(), e.getMessage());
            return AttentionProgram.DEFAULT;
          }
        });
  }

  public ReviewModel model() {
    return model;
  }
}
