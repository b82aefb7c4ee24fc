package dev.attentive.models.serve;

import dev.attentive.models.predict.ModelInfo;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The model that ships inside this jar ({@code dev/attentive/models/v1/}). TensorFlow loads
 * SavedModels from a directory, so the files are copied once per process into a temporary one.
 */
public final class ShippedModel {

  public static final String RESOURCE_DIR = "dev/attentive/models/v1/";

  /**
   * The files of a model directory that ship, in the jar and in {@code bin/attentive model ship}.
   */
  public static final List<String> FILES =
      List.of(
          "saved_model.pb",
          "variables/variables.index",
          "variables/variables.data-00000-of-00001",
          ModelInfo.FILE,
          "expected-outputs.json");

  private static Path extracted;

  private ShippedModel() {}

  public static synchronized Path directory() {
    if (extracted != null && Files.isDirectory(extracted)) {
      return extracted;
    }
    try {
      Path dir = Files.createTempDirectory("attentive-model-v1-");
      for (String file : FILES) {
        try (InputStream in =
            ShippedModel.class.getClassLoader().getResourceAsStream(RESOURCE_DIR + file)) {
          if (in == null) {
            throw new IOException(
                "the shipped model is missing "
                    + RESOURCE_DIR
                    + file
                    + " (train one with bin/attentive model train, put it here with bin/attentive model ship)");
          }
          Path target = dir.resolve(file);
          Files.createDirectories(target.getParent());
          Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
      dir.toFile().deleteOnExit();
      extracted = dir;
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
