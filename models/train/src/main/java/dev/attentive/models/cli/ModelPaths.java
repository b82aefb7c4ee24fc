package dev.attentive.models.cli;

import java.nio.file.Path;

/**
 * Where the commands read and write by default, relative to the repository root ({@code
 * bin/attentive} runs there). Commands write only under {@code target/}; the shipped model's
 * sources change only through {@code ship}.
 */
final class ModelPaths {

  /** The pinned corpus. */
  static final Path LIBRARIES = Path.of("models/train/corpus/libraries.txt");

  /** The built dataset, keyed by the library list and the dataset settings. */
  static final Path DATASET_CACHE = Path.of("models/train/target/dataset.bin");

  /** What {@code train} writes and {@code calibrate} and {@code ship} read. */
  static final Path TRAINED = Path.of("models/train/target/model");

  /**
   * The model in the serve module's sources: what {@code eval}, {@code bench} and {@code find}
   * read.
   */
  static final Path SHIPPED = Path.of("models/serve/src/main/resources/dev/attentive/models/v1");

  private ModelPaths() {}
}
