package dev.attentive.models.serve;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The model seam: windows in, predictions out. Implementations batch windows from many callers together and must be
 * safe to call from any thread.
 */
public interface ReviewModel extends AutoCloseable {

  ModelInfo info();

  /** One window: sub-token ids (position 0 the "no bug" slot) and the attention program's bias per position. */
  record Input(int[] ids, float[] bias) {

    /** The input for a window whose positions carry the attention program's feature bits. */
    public static Input of(int[] ids, int[] features, dev.attentive.events.AttentionProgram program) {
      float[] bias = new float[ids.length];
      for (int p = 1; p < ids.length; p++) {
        bias[p] = program.bias(features[p]);
      }
      return new Input(ids, bias);
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
