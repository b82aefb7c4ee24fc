package dev.attentive.models.train;

import dev.attentive.models.net.AttentionNet;
import dev.attentive.models.net.Hyper;
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
 * Writes a SavedModel of the serving graph (repair head on the predicted position) with the trained values and a
 * {@code serving_default} signature: int32 {@code input_ids}, {@code attention_mask} and float {@code attention_bias}
 * [batch, length] in; {@code location_probs} [b, l], {@code repair_probs} [b, classes + l] and the last layer's
 * {@code attention} [b, heads, l, l] out. Optimizer slots are not part of it.
 */
public final class Exporter {

  public static final String SIGNATURE = "serving_default";

  private Exporter() {}

  public static void export(Hyper hyper, Map<String, float[]> weights, Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> old = Files.walk(directory)) {
        for (Path p : old.sorted(Comparator.reverseOrder()).toList()) {
          if (!p.equals(directory) && (p.getFileName().toString().startsWith("saved_model")
              || p.toString().contains("variables"))) {
            Files.delete(p);
          }
        }
      }
    }
    Files.createDirectories(directory);
    try (Graph graph = new Graph()) {
      Ops tf = Ops.create(graph);
      AttentionNet.Built net = AttentionNet.build(tf, hyper, weights, false);
      try (Session session = new Session(graph)) {
        session.initialize();
        Signature signature = Signature.builder().key(SIGNATURE)
            .input(AttentionNet.INPUT_IDS, net.ids()).input(AttentionNet.ATTENTION_MASK, net.mask())
            .input(AttentionNet.ATTENTION_BIAS, net.bias())
            .output(AttentionNet.LOCATION_PROBS, net.locationProbs())
            .output(AttentionNet.REPAIR_PROBS, net.repairProbs())
            .output(AttentionNet.ATTENTION, net.attention()).build();
        SavedModelBundle.exporter(directory.toString()).withSession(session).withSignature(signature).export();
      }
    }
  }
}
