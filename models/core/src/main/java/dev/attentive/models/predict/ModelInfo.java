package dev.attentive.models.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What sits beside the SavedModel in {@code attentive-model.json}: the versioned vocabulary and
 * repair classes, the sizes, the attention-program format it understands and the program it was
 * trained with, and the confidence thresholds: the single one calibrated on the validation
 * libraries' planted bugs, and (absent in files written before them) one per bug kind calibrated on
 * real changed code, with whether serving checks the round trip ({@link Posting}).
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
    Map<String, String> metrics,
    Map<String, KindThreshold> kindThresholds,
    boolean roundTrip) {

  public static final int FORMAT_VERSION = 1;
  public static final String FILE = "attentive-model.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  public ModelInfo {
    kindThresholds = kindThresholds == null ? Map.of() : kindThresholds;
  }

  /** The model's own posting rule: per-kind thresholds when calibrated, else the single one. */
  public Posting posting() {
    return new Posting(threshold, kindThresholds, roundTrip);
  }

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
        newMetrics,
        kindThresholds,
        roundTrip);
  }

  public ModelInfo withPosting(
      Map<String, KindThreshold> newKindThresholds,
      boolean newRoundTrip,
      Map<String, String> newMetrics) {
    return new ModelInfo(
        formatVersion,
        modelVersion,
        hyper,
        vocabulary,
        repairClasses,
        programFormatVersion,
        trainingProgram,
        threshold,
        newMetrics,
        new TreeMap<>(newKindThresholds),
        newRoundTrip);
  }
}
