package dev.attentive.models.cli;

import dev.attentive.models.predict.Prediction;
import dev.attentive.models.predict.ReviewModel;
import dev.attentive.models.serve.DjlReviewModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Serving speed: windows per second at batch 1 and 32, batch latency, resident memory. */
final class BenchCommand implements Command {

  @Override
  public String name() {
    return "bench";
  }

  @Override
  public String usage() {
    return "bench [--model " + ModelPaths.SHIPPED + "] [--seconds 15] [--length 128]";
  }

  @Override
  public void run(Options options) throws Exception {
    Path dir = options.path("model", ModelPaths.SHIPPED);
    int seconds = options.integer("seconds", 15);
    int length = options.integer("length", 128);
    try (DjlReviewModel model = new DjlReviewModel(dir, DjlReviewModel.Options.defaults())) {
      Random random = new Random(1);
      System.out.printf(
          "bench: %s, windows of %d sub-tokens, %d cores, %d s per batch size%n",
          dir, length, Runtime.getRuntime().availableProcessors(), seconds);
      for (int batch : new int[] {1, 32}) {
        List<ReviewModel.Input> inputs = new ArrayList<>();
        for (int i = 0; i < batch; i++) {
          int[] ids = new int[length];
          ids[0] = 1;
          for (int p = 1; p < length; p++) {
            ids[p] = 3 + random.nextInt(model.info().vocabulary().size() - 3);
          }
          inputs.add(new ReviewModel.Input(ids, new float[length]));
        }
        for (int w = 0; w < 3; w++) {
          model.predictBatchDirect(inputs);
        }
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        int batches = 0;
        List<Long> latencies = new ArrayList<>();
        while (System.nanoTime() < deadline) {
          long t0 = System.nanoTime();
          List<Prediction> out = model.predictBatchDirect(inputs);
          latencies.add(System.nanoTime() - t0);
          if (out.size() != batch) {
            throw new IllegalStateException(out.size() + " predictions for a batch of " + batch);
          }
          batches++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        latencies.sort(null);
        System.out.printf(
            "batch %2d: %.1f windows/s, batch latency p50 %.1f ms, p99 %.1f ms (%d batches)%n",
            batch,
            batches * batch / elapsed,
            latencies.get(latencies.size() / 2) / 1e6,
            latencies.get((int) (latencies.size() * 0.99)) / 1e6,
            batches);
      }
      System.out.printf("resident memory (VmRSS): %s%n", rss());
    }
  }

  private static String rss() throws IOException {
    String rss = "?";
    String peak = "?";
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        rss = line.substring(6).strip();
      } else if (line.startsWith("VmHWM:")) {
        peak = line.substring(6).strip();
      }
    }
    return rss + " (peak " + peak + ")";
  }
}
