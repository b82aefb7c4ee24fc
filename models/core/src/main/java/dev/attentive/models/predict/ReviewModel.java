package dev.attentive.models.predict;

import dev.attentive.events.AttentionProgram;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The model seam: windows in, predictions out. Implementations batch windows from many callers
 * together and must be safe to call from any thread.
 */
public interface ReviewModel extends AutoCloseable {

  ModelInfo info();

  /**
   * One window: sub-token ids (position 0 the "no bug" slot), the attention program's bias per
   * position and the declared type id per position (all 0 when unknown; read only by models with
   * {@link Hyper#types()}).
   */
  record Input(int[] ids, float[] bias, int[] types) {

    public Input {
      types = types == null ? new int[ids.length] : types;
    }

    public Input(int[] ids, float[] bias) {
      this(ids, bias, null);
    }

    /** The input for a window whose positions carry the attention program's feature bits. */
    public static Input of(int[] ids, int[] features, AttentionProgram program) {
      return new Input(ids, programBias(features, program));
    }

    /** As {@link #of(int[], int[], AttentionProgram)}, with the positions' declared types. */
    public static Input of(int[] ids, int[] features, int[] types, AttentionProgram program) {
      return new Input(ids, programBias(features, program), types);
    }

    /**
     * The attention program's bias per position; the "no bug" slot (position 0) is never biased.
     * Training's batches take it from here too, so the model is served the bias it was trained
     * with.
     */
    public static float[] programBias(int[] features, AttentionProgram program) {
      float[] bias = new float[features.length];
      for (int p = 1; p < features.length; p++) {
        bias[p] = program.bias(features[p]);
      }
      return bias;
    }
  }

  CompletableFuture<Prediction> predict(Input input);

  default List<Prediction> predictAll(List<Input> inputs) {
    List<CompletableFuture<Prediction>> futures = inputs.stream().map(this::predict).toList();
    return futures.stream().map(CompletableFuture::join).toList();
  }

  @Override
  void close();
}
