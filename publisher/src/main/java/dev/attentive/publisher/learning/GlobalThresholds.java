package dev.attentive.publisher.learning;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.ShippedModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The model's globally calibrated threshold of every kind it posts, where a repository's thresholds
 * start: read from {@code attentive-model.json} of the configured model directory, or of the model
 * that ships with Attentive (only that file is read; the model itself is the reviewer's).
 */
public final class GlobalThresholds {

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private GlobalThresholds() {}

  /** Kind → threshold of each kind the model posts. */
  public static Map<String, Double> of(ModelInfo info) {
    Map<String, Double> globals = new TreeMap<>();
    for (Map.Entry<String, KindThreshold> kind : info.kindThresholds().entrySet()) {
      if (kind.getValue().posted()) {
        globals.put(kind.getKey(), kind.getValue().threshold());
      }
    }
    return globals;
  }

  public static Map<String, Double> load(Optional<String> modelPath) {
    try {
      if (modelPath.isPresent()) {
        Path file = Path.of(modelPath.get()).resolve(ModelInfo.FILE);
        try (InputStream in = Files.newInputStream(file)) {
          return of(JSON.readValue(in, ModelInfo.class));
        }
      }
      String resource = ShippedModel.RESOURCE_DIR + ModelInfo.FILE;
      try (InputStream in = GlobalThresholds.class.getClassLoader().getResourceAsStream(resource)) {
        if (in == null) {
          throw new IOException("the shipped model's " + resource + " is not on the class path");
        }
        return of(JSON.readValue(in, ModelInfo.class));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model's calibrated thresholds", e);
    }
  }
}
