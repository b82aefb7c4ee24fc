package dev.attentive.models.net;

import dev.attentive.models.code.DeclaredTypes;
import dev.attentive.models.predict.Hyper;
import dev.attentive.models.predict.ModelSignature;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.tensorflow.types.family.TType;

/**
 * The attention model as a TensorFlow graph, in the order of its blocks: {@link #embed} (token +
 * position embeddings), {@link #attentionBlock} per layer (pre-norm transformer layer whose
 * attention logits take the padding mask and the attention program's per-token bias, scaled by a
 * learned factor per head), {@link #locationHead} (a pointer over positions where position 0 is "no
 * bug"), {@link #repairHead} (the closed repair classes followed by a pointer over the window's
 * positions, one softmax) and, for training, {@link #loss}. Each weight is declared in the block
 * that uses it.
 *
 * <p>Built twice from the same code: once for training (the repair head looks at the gold bug
 * position) and once for serving (it looks at the predicted one); the exporter moves the trained
 * values across.
 */
public final class AttentionNet {

  public static final String LOCATION_TARGET = "location_target";
  public static final String REPAIR_TARGET = "repair_target";

  /** The graph's handles; the targets and the loss are null in a serving graph. */
  public record Built(
      Placeholder<TInt32> ids,
      Placeholder<TInt32> mask,
      Placeholder<TFloat32> bias,
      Placeholder<TInt32> types,
      Placeholder<TFloat32> locationTarget,
      Placeholder<TFloat32> repairTarget,
      Operand<TFloat32> loss,
      Operand<TFloat32> locationProbs,
      Operand<TFloat32> repairProbs,
      Operand<TFloat32> attention,
      Map<String, Variable<TFloat32>> variables) {}

  /** How a weight starts out before training. */
  public enum Init {
    ONES,
    ZEROS,
    /** Normal with standard deviation 0.02. */
    EMBEDDING,
    /** Normal with standard deviation 1 / sqrt(the first dimension). */
    SCALED_NORMAL;

    float[] values(long[] shape, Random random) {
      float[] v = new float[(int) Shape.of(shape).size()];
      switch (this) {
        case ONES -> Arrays.fill(v, 1f);
        case ZEROS -> {}
        default -> {
          double std = this == EMBEDDING ? 0.02 : 1.0 / Math.sqrt(shape[0]);
          for (int i = 0; i < v.length; i++) {
            v[i] = (float) (random.nextGaussian() * std);
          }
        }
      }
      return v;
    }
  }

  /**
   * Where the weights' values come from: a seeded initialisation (training) or trained values
   * (export).
   */
  @FunctionalInterface
  public interface Weights {

    float[] values(String name, Init init, long[] shape);

    /**
     * Initial values from one seeded generator, drawn in the order the graph declares its weights.
     */
    static Weights seeded(long seed) {
      Random random = new Random(seed);
      return (name, init, shape) -> init.values(shape, random);
    }

    /** Trained values by weight name. */
    static Weights trained(Map<String, float[]> values) {
      return (name, init, shape) -> {
        float[] v = values.get(name);
        if (v == null) {
          throw new IllegalArgumentException("no trained value for weight " + name);
        }
        return v;
      };
    }
  }

  private final Ops tf;
  private final Hyper h;
  private final Weights weights;
  private final Map<String, Variable<TFloat32>> variables = new LinkedHashMap<>();

  private AttentionNet(Ops tf, Hyper h, Weights weights) {
    this.tf = tf;
    this.h = h;
    this.weights = weights;
  }

  public static Built build(Ops tf, Hyper h, Weights weights, boolean training) {
    return new AttentionNet(tf, h, weights).graph(training);
  }

  /** The output of one attention block and its attention weights [b, heads, l, l]. */
  private record Block(Operand<TFloat32> output, Operand<TFloat32> attention) {}

  private Built graph(boolean training) {
    Placeholder<TInt32> ids = placeholder(ModelSignature.INPUT_IDS, TInt32.class);
    Placeholder<TInt32> mask = placeholder(ModelSignature.ATTENTION_MASK, TInt32.class);
    Placeholder<TFloat32> programBias = placeholder(ModelSignature.ATTENTION_BIAS, TFloat32.class);
    Placeholder<TInt32> types =
        h.types() ? placeholder(ModelSignature.TYPE_IDS, TInt32.class) : null;
    Placeholder<TFloat32> locationTarget =
        training ? placeholder(LOCATION_TARGET, TFloat32.class) : null;
    Placeholder<TFloat32> repairTarget =
        training ? placeholder(REPAIR_TARGET, TFloat32.class) : null;
    Operand<TInt32> length = tf.gather(tf.shape(ids), tf.constant(1), tf.constant(0));
    // -1e9 on padding: added to every logit over positions, so padding gets no probability
    // anywhere.
    Operand<TFloat32> padBias =
        tf.math.mul(
            tf.math.sub(tf.constant(1f), tf.dtypes.cast(mask, TFloat32.class)), tf.constant(-1e9f));

    Operand<TFloat32> x = embed(ids, length);
    if (types != null) {
      x = tf.math.add(x, typeEmbedding(types));
    }
    Operand<TFloat32> attention = null;
    for (int l = 0; l < h.layers(); l++) {
      Block block = attentionBlock("layer" + l + "/", x, padBias, programBias);
      x = block.output();
      attention = block.attention();
    }
    Operand<TFloat32> hidden = layerNorm("final", x);
    Operand<TFloat32> locationLogits = locationHead(hidden, padBias);
    Operand<TFloat32> bugPosition =
        training
            ? locationTarget
            : tf.oneHot(
                tf.math.argMax(locationLogits, tf.constant(1)),
                length,
                tf.constant(1f),
                tf.constant(0f));
    Operand<TFloat32> repairLogits = repairHead(hidden, bugPosition, padBias);
    Operand<TFloat32> loss =
        training ? loss(locationLogits, locationTarget, repairLogits, repairTarget) : null;

    Operand<TFloat32> locationProbs =
        tf.withName(ModelSignature.LOCATION_PROBS).nn.softmax(locationLogits);
    Operand<TFloat32> repairProbs =
        tf.withName(ModelSignature.REPAIR_PROBS).nn.softmax(repairLogits);
    Operand<TFloat32> lastAttention = tf.withName(ModelSignature.ATTENTION).identity(attention);
    return new Built(
        ids,
        mask,
        programBias,
        types,
        locationTarget,
        repairTarget,
        loss,
        locationProbs,
        repairProbs,
        lastAttention,
        variables);
  }

  /** Token embeddings plus learned position embeddings: [b, l] ids to [b, l, d]. */
  private Operand<TFloat32> embed(Operand<TInt32> ids, Operand<TInt32> length) {
    Operand<TFloat32> tokens =
        tf.gather(
            weight("token_embedding", Init.EMBEDDING, h.vocabulary(), h.dModel()),
            ids,
            tf.constant(0));
    Operand<TFloat32> positions =
        tf.slice(
            weight("position_embedding", Init.EMBEDDING, h.maxLength(), h.dModel()),
            tf.constant(new int[] {0, 0}),
            tf.stack(List.of(length, tf.constant(-1))));
    return tf.math.add(tokens, positions);
  }

  /**
   * The declared type of each position's token ([b, l] type ids to [b, l, d]): its own embedding,
   * zero where no type is known (id 0), so a model reads "no type" exactly as a model without types
   * would.
   */
  private Operand<TFloat32> typeEmbedding(Operand<TInt32> types) {
    Operand<TFloat32> embedded =
        tf.gather(
            weight("type_embedding", Init.EMBEDDING, DeclaredTypes.BUCKETS, h.dModel()),
            types,
            tf.constant(0));
    Operand<TFloat32> known =
        tf.expandDims(
            tf.dtypes.cast(tf.math.greater(types, tf.constant(0)), TFloat32.class),
            tf.constant(-1));
    return tf.math.mul(embedded, known);
  }

  /**
   * One pre-norm transformer layer: multi-head self-attention, then a ReLU feed-forward, each added
   * to its input. The attention logits get, per key, the padding bias and the program's bias times
   * a learned scale per head.
   */
  private Block attentionBlock(
      String p, Operand<TFloat32> x, Operand<TFloat32> padBias, Operand<TFloat32> programBias) {
    int d = h.dModel();
    Operand<TFloat32> n = layerNorm(p + "ln1", x);
    Operand<TFloat32> q =
        einsum(
            "bld,dhe->bhle", n, weight(p + "wq", Init.SCALED_NORMAL, d, h.heads(), h.headSize()));
    Operand<TFloat32> k =
        einsum(
            "bld,dhe->bhle", n, weight(p + "wk", Init.SCALED_NORMAL, d, h.heads(), h.headSize()));
    Operand<TFloat32> v =
        einsum(
            "bld,dhe->bhle", n, weight(p + "wv", Init.SCALED_NORMAL, d, h.heads(), h.headSize()));
    Operand<TFloat32> logits =
        tf.math.mul(
            einsum("bhqe,bhke->bhqk", q, k), tf.constant((float) (1.0 / Math.sqrt(h.headSize()))));
    Operand<TFloat32> programScale =
        tf.reshape(
            weight(p + "program_scale", Init.ONES, h.heads()),
            tf.constant(new int[] {1, -1, 1, 1}));
    // [b, l] -> [b, 1, 1, l]: one bias per key, broadcast over heads and queries.
    logits =
        tf.math.add(
            logits, tf.math.add(perKey(padBias), tf.math.mul(perKey(programBias), programScale)));
    Operand<TFloat32> attention = tf.nn.softmax(logits);
    Operand<TFloat32> context = einsum("bhqk,bhke->bhqe", attention, v);
    Operand<TFloat32> attended =
        tf.math.add(
            einsum(
                "bhqe,hed->bqd",
                context,
                weight(p + "wo", Init.SCALED_NORMAL, h.heads(), h.headSize(), d)),
            weight(p + "bo", Init.ZEROS, d));
    x = tf.math.add(x, attended);

    Operand<TFloat32> n2 = layerNorm(p + "ln2", x);
    Operand<TFloat32> hidden =
        tf.nn.relu(
            tf.math.add(
                einsum("bld,df->blf", n2, weight(p + "w1", Init.SCALED_NORMAL, d, h.ffn())),
                weight(p + "b1", Init.ZEROS, h.ffn())));
    Operand<TFloat32> fed =
        tf.math.add(
            einsum("blf,fd->bld", hidden, weight(p + "w2", Init.SCALED_NORMAL, h.ffn(), d)),
            weight(p + "b2", Init.ZEROS, d));
    return new Block(tf.math.add(x, fed), attention);
  }

  /** Where the bug is: one logit per position, position 0 meaning "no bug". */
  private Operand<TFloat32> locationHead(Operand<TFloat32> hidden, Operand<TFloat32> padBias) {
    return tf.math.add(
        einsum("bld,d->bl", hidden, weight("location_w", Init.SCALED_NORMAL, h.dModel())), padBias);
  }

  /**
   * What fixes it, read from the hidden state at the bug position ({@code bugPosition}, one-hot [b,
   * l]): logits over the repair classes, then a scaled dot-product pointer over the window's
   * positions.
   */
  private Operand<TFloat32> repairHead(
      Operand<TFloat32> hidden, Operand<TFloat32> bugPosition, Operand<TFloat32> padBias) {
    int d = h.dModel();
    Operand<TFloat32> atBug = einsum("bl,bld->bd", bugPosition, hidden);
    Operand<TFloat32> query =
        einsum("bd,de->be", atBug, weight("repair_query", Init.SCALED_NORMAL, d, d));
    Operand<TFloat32> pointer =
        tf.math.add(
            tf.math.mul(
                einsum("bld,bd->bl", hidden, query), tf.constant((float) (1.0 / Math.sqrt(d)))),
            padBias);
    Operand<TFloat32> classLogits =
        tf.math.add(
            einsum(
                "bd,dc->bc",
                atBug,
                weight("repair_class_w", Init.SCALED_NORMAL, d, h.repairClasses())),
            weight("repair_class_b", Init.ZEROS, h.repairClasses()));
    return tf.concat(List.of(classLogits, pointer), tf.constant(1));
  }

  /**
   * Cross-entropy of the location pointer, plus -log of the repair probability mass on the accepted
   * repairs (several pointer positions may be right) averaged over the buggy windows.
   */
  private Operand<TFloat32> loss(
      Operand<TFloat32> locationLogits,
      Operand<TFloat32> locationTarget,
      Operand<TFloat32> repairLogits,
      Operand<TFloat32> repairTarget) {
    // Log-softmax by hand on rank 2: TF's LogSoftmax op has a silently wrong gradient on rank-3
    // inputs in this build
    // (TF Java 1.0.0, TF 2.16), found with a finite-difference check, so the model does not use
    // that op.
    Operand<TFloat32> locationLoss =
        tf.math.neg(
            tf.math.mean(
                tf.sum(tf.math.mul(locationTarget, logSoftmax(locationLogits)), tf.constant(1)),
                tf.constant(0)));
    Operand<TFloat32> accepted =
        tf.math.add(
            repairLogits,
            tf.math.mul(tf.math.sub(repairTarget, tf.constant(1f)), tf.constant(1e9f)));
    Operand<TFloat32> perExample = tf.math.sub(logSumExp(repairLogits), logSumExp(accepted));
    Operand<TFloat32> buggy =
        tf.math.minimum(tf.sum(repairTarget, tf.constant(1)), tf.constant(1f));
    Operand<TFloat32> repairLoss =
        tf.math.div(
            tf.sum(tf.math.mul(buggy, perExample), tf.constant(0)),
            tf.math.maximum(tf.sum(buggy, tf.constant(0)), tf.constant(1f)));
    return tf.withName("loss").math.add(locationLoss, repairLoss);
  }

  private Variable<TFloat32> weight(String name, Init init, long... shape) {
    float[] values = weights.values(name, init, shape);
    if (values.length != Shape.of(shape).size()) {
      throw new IllegalArgumentException(
          "weight "
              + name
              + " has "
              + values.length
              + " values for shape "
              + Arrays.toString(shape));
    }
    Variable<TFloat32> v =
        tf.withName(name.replace('/', '_'))
            .variable(tf.constant(Shape.of(shape), DataBuffers.of(values, true, false)));
    variables.put(name, v);
    return v;
  }

  private <T extends TType> Placeholder<T> placeholder(String name, Class<T> type) {
    return tf.withName(name).placeholder(type, Placeholder.shape(Shape.of(-1, -1)));
  }

  private Operand<TFloat32> perKey(Operand<TFloat32> bias) {
    return tf.expandDims(tf.expandDims(bias, tf.constant(1)), tf.constant(1));
  }

  private Operand<TFloat32> einsum(String equation, Operand<TFloat32> a, Operand<TFloat32> b) {
    List<Operand<TFloat32>> inputs = new ArrayList<>(List.of(a, b));
    return tf.linalg.einsum(inputs, equation);
  }

  /**
   * Layer norm over the last axis with a learned gain and shift ({@code name_gain}, {@code
   * name_shift}).
   */
  private Operand<TFloat32> layerNorm(String name, Operand<TFloat32> x) {
    Variable<TFloat32> gain = weight(name + "_gain", Init.ONES, h.dModel());
    Variable<TFloat32> shift = weight(name + "_shift", Init.ZEROS, h.dModel());
    Operand<TFloat32> mean = tf.math.mean(x, tf.constant(-1), Mean.keepDims(true));
    // Square(Sub) rather than SquaredDifference: with oneDNN on, TF 2.16's remapper fuses the
    // SquaredDifference
    // layer-norm pattern in inference graphs and then aborts the process ("key not found: value").
    Operand<TFloat32> centred = tf.math.sub(x, mean);
    Operand<TFloat32> variance =
        tf.math.mean(tf.math.square(centred), tf.constant(-1), Mean.keepDims(true));
    Operand<TFloat32> normed =
        tf.math.mul(centred, tf.math.rsqrt(tf.math.add(variance, tf.constant(1e-5f))));
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
    Operand<TFloat32> lse =
        tf.math.log(tf.sum(tf.math.exp(shifted), tf.constant(1), Sum.keepDims(true)));
    return tf.math.sub(shifted, lse);
  }
}
