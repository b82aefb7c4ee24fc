package dev.attentive.models.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What sits beside the SavedModel in {@code attentive-model.json}: the versioned vocabulary and
 * repair classes, the sizes, the attention-program format it understands and the program it was
 * trained with, and the confidence threshold calibrated on the validation libraries.
 */
public record ModelInfo(
    int formatVersion,
    String modelVersion,
    Hyper hyper,
    List<String> vocabulary,
    List<String> repairClasses,
    int programFormatVersion,
    String trainingProgram,
    double threshold,
    Map<String, String> metrics) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "attentive-model.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public static ModelInfo read(Path directory) throws IOException {
    ModelInfo info = JSON.readValue(directory.resolve(FILE).toFile(), ModelInfo.class);
    if (info.formatVersion() != FORMAT_VERSION) {
      throw new IOException(
          directory.resolve(FILE)
              + " has format version "
              + info.formatVersion()
              + "; this build reads "
              + FORMAT_VERSION);
    }
    return info;
  }

  public void write(Path directory) throws IOException {
    JSON.writeValue(directory.resolve(FILE).toFile(), this);
  }

  public ModelInfo withThreshold(double newThreshold, Map<String, String> newMetrics) {
    return new ModelInfo(
        formatVersion,
        modelVersion,
        hyper,
        vocabulary,
        repairClasses,
        programFormatVersion,
        trainingProgram,
        newThreshold,
        newMetrics);
  }
}
