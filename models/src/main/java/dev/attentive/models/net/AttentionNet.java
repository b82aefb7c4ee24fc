package dev.attentive.models.net;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Operand;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Max;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.op.core.Sum;
import org.tensorflow.op.core.Variable;
import org.tensorflow.op.math.Mean;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/**
 * The attention model as a TensorFlow graph: token + position embeddings, pre-norm transformer layers whose attention
 * logits take the padding mask and the attention program's per-token bias (scaled by a learned factor per layer and
 * head), then two heads — a pointer over positions where position 0 is "no bug", and a repair distribution over the
 * closed repair classes followed by a pointer over the window's positions.
 *
 * <p>Built twice from the same code: once for training (the repair head looks at the gold bug position) and once for
 * serving (it looks at the predicted one); the exporter moves the trained values across.
 */
public final class AttentionNet {

  public static final String INPUT_IDS = "input_ids";
  public static final String ATTENTION_MASK = "attention_mask";
  public static final String ATTENTION_BIAS = "attention_bias";
  public static final String LOCATION_TARGET = "location_target";
  public static final String REPAIR_TARGET = "repair_target";
  public static final String LOCATION_PROBS = "location_probs";
  public static final String REPAIR_PROBS = "repair_probs";
  public static final String ATTENTION = "attention";

  /** The graph's handles. */
  public record Built(Placeholder<TInt32> ids, Placeholder<TInt32> mask, Placeholder<TFloat32> bias,
      Placeholder<TFloat32> locationTarget, Placeholder<TFloat32> repairTarget, Operand<TFloat32> loss,
      Operand<TFloat32> locationProbs, Operand<TFloat32> repairProbs, Operand<TFloat32> attention,
      Map<String, Variable<TFloat32>> variables) {}

  private final Ops tf;
  private final Hyper h;
  private final Map<String, float[]> initial;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();

  private AttentionNet(Ops tf, Hyper h, Map<String, float[]> initial) {
    this.tf = tf;
    this.h = h;
    this.initial = initial;
  }

  /** Variable shapes by name, in a fixed order. */
  public static Map<String, long[]> shapes(Hyper h) {
    Map<String, long[]> s = new LinkedHashMap<>();
    int d = h.dModel();
    s.put("token_embedding", new long[] {h.vocabulary(), d});
    s.put("position_embedding", new long[] {h.maxLength(), d});
    for (int l = 0; l < h.layers(); l++) {
      String p = "layer" + l + "/";
      s.put(p + "ln1_gain", new long[] {d});
      s.put(p + "ln1_shift", new long[] {d});
      s.put(p + "wq", new long[] {d, h.heads(), h.headSize()});
      s.put(p + "wk", new long[] {d, h.heads(), h.headSize()});
      s.put(p + "wv", new long[] {d, h.heads(), h.headSize()});
      s.put(p + "wo", new long[] {h.heads(), h.headSize(), d});
      s.put(p + "bo", new long[] {d});
      s.put(p + "program_scale", new long[] {h.heads()});
      s.put(p + "ln2_gain", new long[] {d});
      s.put(p + "ln2_shift", new long[] {d});
      s.put(p + "w1", new long[] {d, h.ffn()});
      s.put(p + "b1", new long[] {h.ffn()});
      s.put(p + "w2", new long[] {h.ffn(), d});
      s.put(p + "b2", new long[] {d});
    }
    s.put("final_gain", new long[] {d});
    s.put("final_shift", new long[] {d});
    s.put("location_w", new long[] {d});
    s.put("repair_query", new long[] {d, d});
    s.put("repair_class_w", new long[] {d, h.repairClasses()});
    s.put("repair_class_b", new long[] {h.repairClasses()});
    return s;
  }

  /** Seeded initial values: small normals for embeddings, 1/sqrt(fan-in) for weights, ones for gains. */
  public static Map<String, float[]> initialValues(Hyper h, long seed) {
    Random random = new Random(seed);
    Map<String, float[]> values = new LinkedHashMap<>();
    shapes(h).forEach((name, shape) -> {
      int n = 1;
      for (long dim : shape) {
        n *= (int) dim;
      }
      float[] v = new float[n];
      String leaf = name.substring(name.lastIndexOf('/') + 1);
      if (leaf.endsWith("gain") || leaf.equals("program_scale")) {
        java.util.Arrays.fill(v, 1f);
      } else if (leaf.startsWith("b") || leaf.endsWith("shift") || leaf.equals("repair_class_b")) {
        // zeros
      } else {
        double std = name.contains("embedding") ? 0.02 : 1.0 / Math.sqrt(shape[0]);
        for (int i = 0; i < n; i++) {
          v[i] = (float) (random.nextGaussian() * std);
        }
      }
      values.put(name, v);
    });
    return values;
  }

  public static Built build(Ops tf, Hyper h, Map<String, float[]> initial, boolean training) {
    return new AttentionNet(tf, h, initial).graph(training);
  }

  private Variable<TFloat32> var(String name) {
    long[] shape = shapes(h).get(name);
    Variable<TFloat32> v = tf.withName(name.replace('/', '_')).variable(
        tf.constant(Shape.of(shape), DataBuffers.of(initial.get(name), true, false)));
    variables.put(name, v);
    return v;
  }

  private Built graph(boolean training) {
    Placeholder<TInt32> ids = tf.withName(INPUT_IDS).placeholder(TInt32.class,
        Placeholder.shape(Shape.of(-1, -1)));
    Placeholder<TInt32> mask = tf.withName(ATTENTION_MASK).placeholder(TInt32.class,
        Placeholder.shape(Shape.of(-1, -1)));
    Placeholder<TFloat32> programBias = tf.withName(ATTENTION_BIAS).placeholder(TFloat32.class,
        Placeholder.shape(Shape.of(-1, -1)));
    Placeholder<TFloat32> locationTarget = null;
    Placeholder<TFloat32> repairTarget = null;
    if (training) {
      locationTarget = tf.withName(LOCATION_TARGET).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
      repairTarget = tf.withName(REPAIR_TARGET).placeholder(TFloat32.class, Placeholder.shape(Shape.of(-1, -1)));
    }
    Operand<TInt32> length = tf.gather(tf.shape(ids), tf.constant(1), tf.constant(0));

    Operand<TFloat32> x = tf.gather(var("token_embedding"), ids, tf.constant(0));
    Operand<TFloat32> positions = tf.slice(var("position_embedding"), tf.constant(new int[] {0, 0}),
        tf.stack(List.of(length, tf.constant(-1))));
    x = tf.math.add(x, positions);

    Operand<TFloat32> maskF = tf.dtypes.cast(mask, TFloat32.class);
    // [B, L] -> [B, 1, 1, L]: one bias per key, broadcast over heads and queries.
    Operand<TFloat32> padBias = tf.math.mul(tf.math.sub(tf.constant(1f), maskF), tf.constant(-1e9f));
    Operand<TFloat32> keyPad = expand2(padBias);
    Operand<TFloat32> keyProgram = expand2(programBias);

    Operand<TFloat32> attention = null;
    float scale = (float) (1.0 / Math.sqrt(h.headSize()));
    for (int l = 0; l < h.layers(); l++) {
      String p = "layer" + l + "/";
      Operand<TFloat32> n = layerNorm(x, var(p + "ln1_gain"), var(p + "ln1_shift"));
      Operand<TFloat32> q = einsum("bld,dhe->bhle", n, var(p + "wq"));
      Operand<TFloat32> k = einsum("bld,dhe->bhle", n, var(p + "wk"));
      Operand<TFloat32> v = einsum("bld,dhe->bhle", n, var(p + "wv"));
      Operand<TFloat32> logits = tf.math.mul(einsum("bhqe,bhke->bhqk", q, k), tf.constant(scale));
      Operand<TFloat32> programScale = tf.reshape(var(p + "program_scale"), tf.constant(new int[] {1, -1, 1, 1}));
      logits = tf.math.add(logits, tf.math.add(keyPad, tf.math.mul(keyProgram, programScale)));
      Operand<TFloat32> weights = tf.nn.softmax(logits);
      attention = weights;
      Operand<TFloat32> context = einsum("bhqk,bhke->bhqe", weights, v);
      Operand<TFloat32> out = tf.math.add(einsum("bhqe,hed->bqd", context, var(p + "wo")), var(p + "bo"));
      x = tf.math.add(x, out);
      Operand<TFloat32> n2 = layerNorm(x, var(p + "ln2_gain"), var(p + "ln2_shift"));
      Operand<TFloat32> hidden = tf.nn.relu(tf.math.add(einsum("bld,df->blf", n2, var(p + "w1")), var(p + "b1")));
      x = tf.math.add(x, tf.math.add(einsum("blf,fd->bld", hidden, var(p + "w2")), var(p + "b2")));
    }
    Operand<TFloat32> hf = layerNorm(x, var("final_gain"), var("final_shift"));

    Operand<TFloat32> locationLogits = tf.math.add(einsum("bld,d->bl", hf, var("location_w")), padBias);
    Operand<TFloat32> selected;
    if (training) {
      selected = locationTarget;
    } else {
      selected = tf.oneHot(tf.math.argMax(locationLogits, tf.constant(1)), length, tf.constant(1f),
          tf.constant(0f));
    }
    Operand<TFloat32> atBug = einsum("bl,bld->bd", selected, hf);
    Operand<TFloat32> query = einsum("bd,de->be", atBug, var("repair_query"));
    Operand<TFloat32> pointer = tf.math.add(
        tf.math.mul(einsum("bld,bd->bl", hf, query), tf.constant((float) (1.0 / Math.sqrt(h.dModel())))), padBias);
    Operand<TFloat32> classLogits = tf.math.add(einsum("bd,dc->bc", atBug, var("repair_class_w")),
        var("repair_class_b"));
    Operand<TFloat32> repairLogits = tf.concat(List.of(classLogits, pointer), tf.constant(1));

    Operand<TFloat32> loss = null;
    if (training) {
      // log-softmax by hand on rank 2 (LogSoftmax's gradient is wrong on rank 3 in this TF build; see shared README).
      Operand<TFloat32> locationLoss = tf.math.neg(tf.math.mean(
          tf.sum(tf.math.mul(locationTarget, logSoftmax(locationLogits)), tf.constant(1)), tf.constant(0)));
      // -log of the probability mass on the accepted repairs (several pointer positions may be right).
      Operand<TFloat32> accepted = tf.math.add(repairLogits,
          tf.math.mul(tf.math.sub(repairTarget, tf.constant(1f)), tf.constant(1e9f)));
      Operand<TFloat32> perExample = tf.math.sub(logSumExp(repairLogits), logSumExp(accepted));
      Operand<TFloat32> buggy = tf.math.minimum(tf.sum(repairTarget, tf.constant(1)), tf.constant(1f));
      Operand<TFloat32> repairLoss = tf.math.div(tf.sum(tf.math.mul(buggy, perExample), tf.constant(0)),
          tf.math.maximum(tf.sum(buggy, tf.constant(0)), tf.constant(1f)));
      loss = tf.withName("loss").math.add(locationLoss, repairLoss);
    }
    Operand<TFloat32> locationProbs = tf.withName(LOCATION_PROBS).nn.softmax(locationLogits);
    Operand<TFloat32> repairProbs = tf.withName(REPAIR_PROBS).nn.softmax(repairLogits);
    Operand<TFloat32> lastAttention = tf.withName(ATTENTION).identity(attention);
    return new Built(ids, mask, programBias, locationTarget, repairTarget, loss, locationProbs, repairProbs,
        lastAttention, variables);
  }

  private Operand<TFloat32> expand2(Operand<TFloat32> perKey) {
    return tf.expandDims(tf.expandDims(perKey, tf.constant(1)), tf.constant(1));
  }

  private Operand<TFloat32> einsum(String equation, Operand<TFloat32> a, Operand<TFloat32> b) {
    List<Operand<TFloat32>> inputs = new ArrayList<>(List.of(a, b));
    return tf.linalg.einsum(inputs, equation);
  }

  private Operand<TFloat32> layerNorm(Operand<TFloat32> x, Operand<TFloat32> gain, Operand<TFloat32> shift) {
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
    // Square(Sub) rather than SquaredDifference: with oneDNN on, TF 2.16's remapper fuses the SquaredDifference
    // layer-norm pattern in inference graphs and then aborts the process ("key not found: value").
    Operand<TFloat32> centred = tf.math.sub(x, mean);
    Operand<TFloat32> variance = tf.math.mean(tf.math.square(centred), tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> normed = tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-5f))));
    return tf.math.add(tf.math.mul(normed, gain), shift);
  }

  /** log(sum(exp(x))) over axis 1 of a rank-2 tensor, stable. */
  private Operand<TFloat32> logSumExp(Operand<TFloat32> x) {
    Operand<TFloat32> max = tf.stopGradient(tf.max(x, tf.constant(1), Max.keepDims(true)));
    Operand<TFloat32> sum = tf.sum(tf.math.exp(tf.math.sub(x, max)), tf.constant(1));
    return tf.math.add(tf.math.log(sum), tf.squeeze(max));
  }

  private Operand<TFloat32> logSoftmax(Operand<TFloat32> x) {
    Operand<TFloat32> max = tf.stopGradient(tf.max(x, tf.constant(1), Max.keepDims(true)));
    Operand<TFloat32> shifted = tf.math.sub(x, max);
    Operand<TFloat32> lse = tf.math.log(tf.sum(tf.math.exp(shifted), tf.constant(1), Sum.keepDims(true)));
    return tf.math.sub(shifted, lse);
  }
}
