package dev.attentive.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.ModelSignature;
import dev.attentive.models.predict.ReviewModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The golden outputs beside a model ({@code expected-outputs.json}): fixed inputs and what TF Java
 * computes for them straight from the SavedModel, so that a test can check DJL serves the same
 * numbers.
 */
final class ExpectedOutputs {

  static final String FILE = "expected-outputs.json";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ExpectedOutputs() {}

  static void write(Path model, List<Example> examples) throws IOException {
    List<Map<String, Object>> cases = new ArrayList<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(model.toString(), ModelSignature.TAG)) {
      for (Example e : examples) {
        int n = e.ids().length;
        float[] bias = ReviewModel.Input.of(e.ids(), e.features(), AttentionProgram.DEFAULT).bias();
        int[] mask = new int[n];
        Arrays.fill(mask, 1);
        Map<String, Tensor> feeds = new HashMap<>();
        try (TInt32 ids = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(e.ids(), true, false));
            TInt32 m = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(mask, true, false));
            TFloat32 b = TFloat32.tensorOf(Shape.of(1, n), DataBuffers.of(bias, true, false));
            TInt32 t =
                TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(e.typesOrNone(), true, false))) {
          feeds.put(ModelSignature.INPUT_IDS, ids);
          feeds.put(ModelSignature.ATTENTION_MASK, m);
          feeds.put(ModelSignature.ATTENTION_BIAS, b);
          if (bundle
              .function(ModelSignature.KEY)
              .signature()
              .inputNames()
              .contains(ModelSignature.TYPE_IDS)) {
            feeds.put(ModelSignature.TYPE_IDS, t);
          }
          try (Result result = bundle.function(ModelSignature.KEY).call(feeds)) {
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("ids", e.ids());
            expected.put("bias", bias);
            expected.put("types", e.typesOrNone());
            expected.put("location_probs", values(result, ModelSignature.LOCATION_PROBS));
            expected.put("repair_probs", values(result, ModelSignature.REPAIR_PROBS));
            cases.add(expected);
          }
        }
      }
    }
    JSON.writeValue(model.resolve(FILE).toFile(), Map.of("cases", cases));
  }

  private static float[] values(Result result, String output) {
    TFloat32 tensor = (TFloat32) result.get(output).orElseThrow();
    float[] values = new float[(int) tensor.size()];
    tensor.copyTo(DataBuffers.of(values, false, false));
    return values;
  }
}
