package dev.attentive.reviewer.analysis.model;

import java.time.Duration;
import java.util.Optional;

/**
 * How the reviewer serves the attention model.
 *
 * @param path a SavedModel directory; empty means the model shipped in the attentive-models-serve
 *     jar
 * @param device "cpu" or "gpu" (the GPU pool sets "gpu" and puts the GPU TensorFlow natives in
 *     place)
 * @param threshold overrides the confidence threshold calibrated at training time
 */
public record ModelConfig(
    Optional<String> path,
    String device,
    int workers,
    int maxBatch,
    Duration maxWait,
    Optional<Double> threshold,
    int maxLinesPerFile) {

  public static ModelConfig defaults() {
    return new ModelConfig(
        Optional.empty(), "cpu", 1, 32, Duration.ofMillis(20), Optional.empty(), 40);
  }
}
