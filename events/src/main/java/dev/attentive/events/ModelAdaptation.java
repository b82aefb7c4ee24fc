package dev.attentive.events;

import java.time.Instant;
import java.util.Map;

/**
 * A repository's adaptation of the attention model, made by {@code bin/attentive model finetune
 * --repo OWNER/NAME} and shipped only when no worse than the global model (see {@code
 * docs/model.md}). The newest per repository on the compacted {@link Topics#MODEL_ADAPTATIONS}; the
 * reviewer serves it for that repository's reviews when {@link #baseModelVersion()} matches the
 * model it loaded.
 *
 * @param version this adaptation's version ({@code <repository>@<n>})
 * @param baseModelVersion the global model it adapts
 * @param kindThresholds model kind → threshold for this repository
 * @param adapter the adapter's parameters, in the format named by {@code adapterFormat} (small: at
 *     most {@link #MAX_ADAPTER_BYTES} once serialised)
 * @param metrics what the guard measured, by name (e.g. {@code global.falseAlarmsAtRecall}, {@code
 *     repo.recallAtFalseAlarms}), global model and adaptation side by side
 */
public record ModelAdaptation(
    int schemaVersion,
    String repository,
    String version,
    String baseModelVersion,
    Instant createdAt,
    Map<String, Double> kindThresholds,
    String adapterFormat,
    Map<String, double[]> adapter,
    Map<String, Double> metrics)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public static final int MAX_ADAPTER_BYTES = 1024 * 1024;

  public ModelAdaptation {
    kindThresholds = kindThresholds == null ? Map.of() : Map.copyOf(kindThresholds);
    adapter = adapter == null ? Map.of() : Map.copyOf(adapter);
    metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
  }
}
