package dev.attentive.models.serve;

import ai.djl.Device;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.ModelSignature;
import dev.attentive.models.predict.Prediction;
import dev.attentive.models.predict.ReviewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The SavedModel served through DJL's TensorFlow engine. Windows from any number of callers (diff
 * chunks of many pull requests) queue up; each worker thread owns its own {@link Predictor} (they
 * are not thread-safe), takes up to {@code maxBatch} windows, waiting at most {@code maxWait} for
 * more after the first, pads them to the longest and runs one batch.
 */
public final class DjlReviewModel implements ReviewModel {

  /**
   * Serving options. {@code device} is "cpu" or "gpu" (GPU needs the GPU natives; see
   * docs/operations.md).
   */
  public record Options(int workers, int maxBatch, Duration maxWait, String device) {
    public static Options defaults() {
      return new Options(1, 32, Duration.ofMillis(20), "cpu");
    }
  }

  private record Pending(Input input, CompletableFuture<Prediction> result) {}

  private final ModelInfo info;
  private final ZooModel<NDList, NDList> model;
  private final Options options;
  private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final List<Thread> workers = new ArrayList<>();
  private volatile boolean closed;

  public DjlReviewModel(Path directory, Options options) throws Exception {
    TensorFlowNatives.prepare();
    this.info = ModelInfo.read(directory);
    this.options = options;
    Device device = "gpu".equalsIgnoreCase(options.device()) ? Device.gpu() : Device.cpu();
    this.model =
        Criteria.builder()
            .setTypes(NDList.class, NDList.class)
            .optModelPath(directory)
            .optEngine("TensorFlow")
            .optDevice(device)
            .optOption("Tags", ModelSignature.TAG)
            .optOption("SignatureDefKey", ModelSignature.KEY)
            .optTranslator(new NoopTranslator())
            .build()
            .loadModel();
    for (int i = 0; i < options.workers(); i++) {
      Thread worker = new Thread(this::work, "attentive-model-" + i);
      worker.setDaemon(true);
      worker.start();
      workers.add(worker);
    }
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public CompletableFuture<Prediction> predict(Input input) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("model is closed"));
    }
    if (input.ids().length > info.hyper().maxLength()
        || input.ids().length != input.bias().length
        || input.ids().length != input.types().length) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException(
              "window of "
                  + input.ids().length
                  + " positions; the model takes 1.."
                  + info.hyper().maxLength()
                  + " with one bias each"));
    }
    CompletableFuture<Prediction> result = new CompletableFuture<>();
    queue.add(new Pending(input, result));
    return result;
  }

  private void work() {
    try (Predictor<NDList, NDList> predictor = model.newPredictor()) {
      List<Pending> batch = new ArrayList<>(options.maxBatch());
      while (!closed) {
        Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.clear();
        batch.add(first);
        long deadline = System.nanoTime() + options.maxWait().toNanos();
        while (batch.size() < options.maxBatch()) {
          long left = deadline - System.nanoTime();
          Pending next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : queue.poll();
          if (next == null) {
            break;
          }
          batch.add(next);
        }
        run(predictor, batch);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void run(Predictor<NDList, NDList> predictor, List<Pending> batch) {
    try {
      List<Prediction> out = runBatch(predictor, batch.stream().map(Pending::input).toList());
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).result().complete(out.get(i));
      }
    } catch (Exception | Error e) {
      batch.forEach(p -> p.result().completeExceptionally(e));
    }
  }

  /**
   * One padded batch through a predictor, split back into per-window predictions (padding cut off).
   */
  List<Prediction> runBatch(Predictor<NDList, NDList> predictor, List<Input> inputs)
      throws Exception {
    int n = inputs.size();
    int length = inputs.stream().mapToInt(i -> i.ids().length).max().orElse(1);
    int[] ids = new int[n * length];
    int[] mask = new int[n * length];
    float[] bias = new float[n * length];
    int[] types = new int[n * length];
    for (int b = 0; b < n; b++) {
      Input input = inputs.get(b);
      System.arraycopy(input.ids(), 0, ids, b * length, input.ids().length);
      System.arraycopy(input.types(), 0, types, b * length, input.types().length);
      System.arraycopy(input.bias(), 0, bias, b * length, input.bias().length);
      for (int p = 0; p < input.ids().length; p++) {
        mask[b * length + p] = 1;
      }
    }
    int classes = info.repairClasses().size();
    int heads = info.hyper().heads();
    try (NDManager manager = model.getNDManager().newSubManager()) {
      NDArray idArray = manager.create(ids, new Shape(n, length));
      idArray.setName(ModelSignature.INPUT_IDS);
      NDArray maskArray = manager.create(mask, new Shape(n, length));
      maskArray.setName(ModelSignature.ATTENTION_MASK);
      NDArray biasArray = manager.create(bias, new Shape(n, length));
      biasArray.setName(ModelSignature.ATTENTION_BIAS);
      NDList in = new NDList(idArray, maskArray, biasArray);
      if (info.hyper().types()) {
        // Fed by name, like the others; models without types have no such input.
        NDArray typeArray = manager.create(types, new Shape(n, length));
        typeArray.setName(ModelSignature.TYPE_IDS);
        in.add(typeArray);
      }
      NDList output = predictor.predict(in);
      float[] location = output.get(ModelSignature.LOCATION_PROBS).toFloatArray();
      float[] repair = output.get(ModelSignature.REPAIR_PROBS).toFloatArray();
      float[] attention = output.get(ModelSignature.ATTENTION).toFloatArray();
      List<Prediction> predictions = new ArrayList<>(n);
      int width = classes + length;
      for (int b = 0; b < n; b++) {
        int len = inputs.get(b).ids().length;
        float[] loc = new float[len];
        System.arraycopy(location, b * length, loc, 0, len);
        float[] rep = new float[classes + len];
        System.arraycopy(repair, b * width, rep, 0, classes + len);
        float[][][] att = new float[heads][len][len];
        for (int h = 0; h < heads; h++) {
          for (int q = 0; q < len; q++) {
            System.arraycopy(attention, ((b * heads + h) * length + q) * length, att[h][q], 0, len);
          }
        }
        predictions.add(new Prediction(loc, rep, att));
      }
      output.close();
      return predictions;
    }
  }

  /**
   * Runs windows as one batch on the calling thread with a fresh predictor (benchmarks,
   * evaluation).
   */
  public List<Prediction> predictBatchDirect(List<Input> inputs) throws Exception {
    try (Predictor<NDList, NDList> predictor = model.newPredictor()) {
      return runBatch(predictor, inputs);
    }
  }

  @Override
  public void close() {
    closed = true;
    for (Thread worker : workers) {
      try {
        worker.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Pending left;
    while ((left = queue.poll()) != null) {
      left.result().completeExceptionally(new IllegalStateException("model closed"));
    }
    model.close();
  }
}
