package dev.attentive.publisher.learning;

import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * {@code attentive.publisher.learning.*}: when the team's outcomes mute a rule, and how far they
 * move a model kind's threshold (docs/configuration.md, "Learning from the team").
 */
public interface LearningConfig {

  /** The bar, part one: a rule is muted only after at least this many rejections. */
  @WithDefault("3")
  int minRejections();

  /**
   * The bar, part two: and only while its acceptance (the mean of a Beta(1 + accepted, 1 +
   * rejected) posterior) is below this.
   */
  @WithDefault("0.20")
  double maxAcceptance();

  /**
   * How far one outcome moves a model kind's threshold for the repository: up per rejection, down
   * per acceptance.
   */
  @WithDefault("0.02")
  double thresholdStep();

  /**
   * How far below the globally calibrated threshold a repository's acceptances may take a kind's
   * threshold; upwards it stops at 1.0, where the kind posts nothing.
   */
  @WithDefault("0.05")
  double thresholdMargin();

  /**
   * The model directory whose calibrated kind thresholds are the starting point (the reviewer's
   * {@code attentive.reviewer.model.path}); unset: the model that ships with Attentive.
   */
  Optional<String> modelPath();
}
