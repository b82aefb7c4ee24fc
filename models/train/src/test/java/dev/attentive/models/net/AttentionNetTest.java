package dev.attentive.models.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.ShippedModel;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The serving graph this code builds, given the shipped model's trained weights, computes the
 * outputs recorded when that model was exported: the network's blocks are the ones the shipped
 * model was trained and exported with.
 */
class AttentionNetTest {

  @Test
  void theServingGraphWithTheShippedWeightsReproducesTheShippedOutputs() throws Exception {
    Path directory = ShippedModel.directory();
    ModelInfo info = ModelInfo.read(directory);
    JsonNode cases =
        new ObjectMapper()
            .readTree(directory.resolve("expected-outputs.json").toFile())
            .path("cases");
    assertThat(cases).hasSizeGreaterThanOrEqualTo(3);
    try (SavedModelBundle shipped = SavedModelBundle.load(directory.toString(), "serve");
        Graph graph = new Graph()) {
      AttentionNet.Built net =
          AttentionNet.build(
              Ops.create(graph),
              info.hyper(),
              (name, init, shape) -> trained(shipped.session(), name),
              false);
      try (Session session = new Session(graph)) {
        session.initialize();
        for (JsonNode c : cases) {
          int n = c.path("ids").size();
          int[] ids = new int[n];
          int[] mask = new int[n];
          float[] bias = new float[n];
          for (int i = 0; i < n; i++) {
            ids[i] = c.path("ids").get(i).asInt();
            bias[i] = (float) c.path("bias").get(i).asDouble();
          }
          Arrays.fill(mask, 1);
          try (TInt32 idT = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(ids, true, false));
              TInt32 maskT = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(mask, true, false));
              TFloat32 biasT =
                  TFloat32.tensorOf(Shape.of(1, n), DataBuffers.of(bias, true, false));
              Result result =
                  session
                      .runner()
                      .feed(net.ids(), idT)
                      .feed(net.mask(), maskT)
                      .feed(net.bias(), biasT)
                      .fetch(net.locationProbs())
                      .fetch(net.repairProbs())
                      .run()) {
            assertClose((TFloat32) result.get(0), c.path("location_probs"));
            assertClose((TFloat32) result.get(1), c.path("repair_probs"));
          }
        }
      }
    }
  }

  /** A weight's trained value, read from the shipped SavedModel's variable of the same name. */
  private static float[] trained(Session session, String name) {
    try (Result result = session.runner().fetch(name.replace('/', '_')).run()) {
      TFloat32 value = (TFloat32) result.get(0);
      float[] values = new float[(int) value.size()];
      value.copyTo(DataBuffers.of(values, false, false));
      return values;
    }
  }

  private static void assertClose(TFloat32 actual, JsonNode expected) {
    float[] values = new float[(int) actual.size()];
    actual.copyTo(DataBuffers.of(values, false, false));
    assertThat(values).hasSize(expected.size());
    for (int i = 0; i < values.length; i++) {
      assertThat((double) values[i])
          .as("value %d", i)
          .isCloseTo(expected.get(i).asDouble(), within(1e-5));
    }
  }
}
