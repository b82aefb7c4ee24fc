package dev.attentive.models.train;

import dev.attentive.models.net.AttentionNet;
import dev.attentive.models.predict.Hyper;
import dev.attentive.models.predict.ModelSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.tensorflow.Graph;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.op.Ops;

/**
 * Writes a SavedModel of the serving graph (repair head on the predicted position) with the trained
 * values, under the tag, signature and tensor names of {@link ModelSignature}. Optimizer slots are
 * not part of it.
 */
public final class Exporter {

  private Exporter() {}

  public static void export(Hyper hyper, Map<String, float[]> weights, Path directory)
      throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> old = Files.walk(directory)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(directory)
              && (p.getFileName().toString().startsWith("saved_model")
                  || p.toString().contains("variables"))) {
            Files.delete(p);
          }
        }
      }
    }
    Files.createDirectories(directory);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      AttentionNet.Built net =
          AttentionNet.build(tf, hyper, AttentionNet.Weights.trained(weights), false);
      try (Session session = new Session(graph)) {
        session.initialize();
        Signature.Builder builder =
            Signature.builder()
                .key(ModelSignature.KEY)
                .input(ModelSignature.INPUT_IDS, net.ids())
                .input(ModelSignature.ATTENTION_MASK, net.mask())
                .input(ModelSignature.ATTENTION_BIAS, net.bias());
        if (net.types() != null) {
          builder.input(ModelSignature.TYPE_IDS, net.types());
        }
        Signature signature =
            builder
                .output(ModelSignature.LOCATION_PROBS, net.locationProbs())
                .output(ModelSignature.REPAIR_PROBS, net.repairProbs())
                .output(ModelSignature.ATTENTION, net.attention())
                .build();
        SavedModelBundle.exporter(directory.toString())
            .withSession(session)
            .withSignature(signature)
            .export();
      }
    }
  }
}
