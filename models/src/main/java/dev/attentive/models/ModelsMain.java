package dev.attentive.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.attentive.models.corpus.Library;
import dev.attentive.models.corpus.SourcesResolver;
import dev.attentive.models.data.Dataset;
import dev.attentive.models.data.DatasetBuilder;
import dev.attentive.models.data.Example;
import dev.attentive.models.net.AttentionNet;
import dev.attentive.models.net.Hyper;
import dev.attentive.events.AttentionProgram;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.serve.ModelInfo;
import dev.attentive.models.serve.Prediction;
import dev.attentive.models.serve.ReviewModel;
import dev.attentive.models.serve.TensorFlowNatives;
import dev.attentive.models.train.Evaluator;
import dev.attentive.models.train.Exporter;
import dev.attentive.models.train.Trainer;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * {@code dataset | train | eval | bench}: the model's whole life from the command line (see models/README.md).
 * Run from the repository root through {@code bin/attentive model ...}.
 */
public final class ModelsMain {

  public static final Path SHIPPED = Path.of("models/src/main/resources/dev/attentive/models/v1");
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelsMain() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      usage();
      return;
    }
    Map<String, String> options = options(args);
    switch (args[0]) {
      case "dataset" -> dataset(options);
      case "train" -> train(options);
      case "eval" -> eval(options);
      case "calibrate" -> calibrate(options);
      case "bench" -> bench(options);
      case "find" -> find(args, options);
      default -> usage();
    }
    System.exit(0);
  }

  private static void usage() {
    System.err.println("""
        usage: bin/attentive model dataset [--libraries models/corpus/libraries.txt] [--files 400] [--windows 14]
               bin/attentive model train [--steps 16000] [--batch 32] [--lr 0.001] [--out DIR]
               bin/attentive model eval [--model DIR]
               bin/attentive model calibrate [--model DIR] [--trainingSeconds S --steps N]
               bin/attentive model bench [--model DIR] [--seconds 15]
               bin/attentive model find FILE.java --lines 10-12,20 [--model DIR] [--threshold 0.5]""");
  }

  static Dataset dataset(Map<String, String> options) throws Exception {
    Path list = Path.of(options.getOrDefault("libraries", "models/corpus/libraries.txt"));
    Path cache = Path.of(options.getOrDefault("cache", "models/target/dataset.bin"));
    DatasetBuilder.Settings d = DatasetBuilder.Settings.defaults();
    DatasetBuilder.Settings settings = new DatasetBuilder.Settings(
        Integer.parseInt(options.getOrDefault("files", Integer.toString(d.filesPerLibrary()))),
        Integer.parseInt(options.getOrDefault("windows", Integer.toString(d.windowsPerFile()))), d.maxLength(),
        d.vocabularySize(), d.methodClasses(), d.seed());
    String key = Files.readString(list) + settings;
    if (Files.isRegularFile(cache)) {
      try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(cache))) {
        if (key.equals(in.readObject())) {
          Dataset data = (Dataset) in.readObject();
          System.out.println("dataset from cache " + cache + ": " + data.stats());
          return data;
        }
      }
    }
    System.out.println("building the dataset from " + list + " with " + settings);
    long started = System.nanoTime();
    Dataset data = new DatasetBuilder(settings, SourcesResolver.fromEnvironment()).build(Library.readList(list));
    System.out.printf("built in %.0f s: %s%n", (System.nanoTime() - started) / 1e9, data.stats());
    Files.createDirectories(cache.getParent());
    try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(cache))) {
      out.writeObject(key);
      out.writeObject(data);
    }
    return data;
  }

  private static void train(Map<String, String> options) throws Exception {
    Dataset data = dataset(options);
    Hyper hyper = new Hyper(data.vocabulary().size(), data.repairClasses().size(), data.maxLength(),
        Integer.parseInt(options.getOrDefault("d", "128")), Integer.parseInt(options.getOrDefault("heads", "4")),
        Integer.parseInt(options.getOrDefault("ffn", "256")), Integer.parseInt(options.getOrDefault("layers", "2")));
    Trainer.Settings settings = new Trainer.Settings(Integer.parseInt(options.getOrDefault("steps", "16000")),
        Integer.parseInt(options.getOrDefault("batch", "32")), Float.parseFloat(options.getOrDefault("lr", "0.001")),
        Long.parseLong(options.getOrDefault("seed", "20261123")), 100);
    Path out = Path.of(options.getOrDefault("out", SHIPPED.toString()));
    System.out.printf("training %s: %,d parameters, %s, %,d training windows%n", hyper,
        Trainer.parameterCount(hyper), settings, data.train().size());
    long started = System.nanoTime();
    Map<String, float[]> weights;
    try (Trainer trainer = new Trainer(hyper, settings)) {
      trainer.train(data.train(), AttentionProgram.DEFAULT);
      weights = trainer.weights();
    }
    double trainSeconds = (System.nanoTime() - started) / 1e9;
    Exporter.export(hyper, weights, out);
    ModelInfo info = new ModelInfo(ModelInfo.FORMAT_VERSION, "attentive-v1", hyper, data.vocabulary(),
        data.repairClasses(), AttentionProgram.FORMAT_VERSION, AttentionProgram.DEFAULT.toJson(), 0.5, Map.of());
    info.write(out);
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("trainingSeconds", String.format("%.0f", trainSeconds));
    metrics.put("steps", Integer.toString(settings.steps()));
    metrics.put("command", "bin/attentive model train " + String.join(" ", options.entrySet().stream()
        .map(e -> "--" + e.getKey() + " " + e.getValue()).toList()));
    data.stats().forEach((k, v) -> metrics.put("data." + k, v));
    info = evaluate(out, data, info, metrics);
    writeExpectedOutputs(out, data.test().subList(0, 3));
    System.out.println("wrote " + out);
  }

  /**
   * Calibrates and scores an exported model again (what {@code train} does after export): threshold on the validation
   * libraries, metrics on the test libraries, expected outputs for the DJL test.
   */
  private static void calibrate(Map<String, String> options) throws Exception {
    Dataset data = dataset(options);
    Path out = Path.of(options.getOrDefault("model", SHIPPED.toString()));
    ModelInfo info = ModelInfo.read(out);
    Map<String, String> metrics = new LinkedHashMap<>();
    metrics.put("trainingSeconds", options.getOrDefault("trainingSeconds", "unknown"));
    metrics.put("steps", options.getOrDefault("steps", "unknown"));
    metrics.put("command", options.getOrDefault("command", "bin/attentive model train"));
    data.stats().forEach((k, v) -> metrics.put("data." + k, v));
    evaluate(out, data, info, metrics);
    writeExpectedOutputs(out, data.test().subList(0, 3));
    System.out.println("calibrated " + out);
  }

  private static ModelInfo evaluate(Path out, Dataset data, ModelInfo info, Map<String, String> metrics)
      throws Exception {
    try (DjlReviewModel model = new DjlReviewModel(out, new DjlReviewModel.Settings(1, 32, Duration.ofMillis(5),
        "cpu"))) {
      List<Evaluator.Scored> validation = Evaluator.score(model, data.validation(), AttentionProgram.DEFAULT);
      double threshold = Evaluator.calibrate(validation, 1.0 / 200);
      Evaluator.Report v = Evaluator.report(validation, threshold);
      System.out.println("validation libraries (threshold calibrated here: <= 1 false alarm per 200 clean):");
      System.out.print(v.describe());
      Evaluator.Report t = Evaluator.report(Evaluator.score(model, data.test(), AttentionProgram.DEFAULT), threshold);
      System.out.println("test libraries (never seen in training):");
      System.out.print(t.describe());
      v.asMap().forEach((k, val) -> metrics.put("validation." + k, val));
      t.asMap().forEach((k, val) -> metrics.put("test." + k, val));
      t.byKind().forEach((k, val) -> metrics.put("test.kind." + k, String.format("n=%d loc=%.1f%% joint=%.1f%%",
          (int) val[0], val[1] * 100, val[2] * 100)));
      ModelInfo calibrated = info.withThreshold(threshold, metrics);
      calibrated.write(out);
      return calibrated;
    }
  }

  /** Fixed inputs and the outputs TF Java computes for them right after export, for the DJL loading test. */
  private static void writeExpectedOutputs(Path out, List<Example> examples) throws IOException {
    List<Map<String, Object>> cases = new ArrayList<>();
    try (SavedModelBundle bundle = SavedModelBundle.load(out.toString(), "serve")) {
      for (Example e : examples) {
        int n = e.ids().length;
        ReviewModel.Input input = ReviewModel.Input.of(e.ids(), e.features(), AttentionProgram.DEFAULT);
        float[] bias = input.bias();
        int[] mask = new int[n];
        java.util.Arrays.fill(mask, 1);
        Map<String, Tensor> feeds = new HashMap<>();
        try (TInt32 ids = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(e.ids(), true, false));
            TInt32 m = TInt32.tensorOf(Shape.of(1, n), DataBuffers.of(mask, true, false));
            TFloat32 b = TFloat32.tensorOf(Shape.of(1, n), DataBuffers.of(bias, true, false))) {
          feeds.put(AttentionNet.INPUT_IDS, ids);
          feeds.put(AttentionNet.ATTENTION_MASK, m);
          feeds.put(AttentionNet.ATTENTION_BIAS, b);
          try (Result result = bundle.function(Exporter.SIGNATURE).call(feeds)) {
            TFloat32 loc = (TFloat32) result.get(AttentionNet.LOCATION_PROBS).orElseThrow();
            TFloat32 rep = (TFloat32) result.get(AttentionNet.REPAIR_PROBS).orElseThrow();
            float[] locValues = new float[(int) loc.size()];
            loc.copyTo(DataBuffers.of(locValues, false, false));
            float[] repValues = new float[(int) rep.size()];
            rep.copyTo(DataBuffers.of(repValues, false, false));
            Map<String, Object> expected = new LinkedHashMap<>();
            expected.put("ids", e.ids());
            expected.put("bias", bias);
            expected.put("location_probs", locValues);
            expected.put("repair_probs", repValues);
            cases.add(expected);
          }
        }
      }
    }
    JSON.writeValue(out.resolve("expected-outputs.json").toFile(), Map.of("cases", cases));
  }

  private static void eval(Map<String, String> options) throws Exception {
    Dataset data = dataset(options);
    Path dir = Path.of(options.getOrDefault("model", SHIPPED.toString()));
    try (DjlReviewModel model = new DjlReviewModel(dir, new DjlReviewModel.Settings(1, 32, Duration.ofMillis(5),
        "cpu"))) {
      double threshold = model.info().threshold();
      System.out.printf("model %s, shipped threshold %.3f%n", dir, threshold);
      System.out.println("test libraries (" + testLibraries() + "):");
      System.out.print(Evaluator.report(Evaluator.score(model, data.test(), AttentionProgram.DEFAULT), threshold)
          .describe());
    }
  }

  private static String testLibraries() throws IOException {
    return String.join(", ", Library.readList(Path.of("models/corpus/libraries.txt")).stream()
        .filter(l -> l.split() == Library.Split.TEST).map(Library::artifactId).toList());
  }

  private static void bench(Map<String, String> options) throws Exception {
    TensorFlowNatives.prepare();
    Path dir = Path.of(options.getOrDefault("model", SHIPPED.toString()));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "15"));
    int length = Integer.parseInt(options.getOrDefault("length", "128"));
    try (DjlReviewModel model = new DjlReviewModel(dir, DjlReviewModel.Settings.defaults())) {
      java.util.Random random = new java.util.Random(1);
      System.out.printf("bench: %s, windows of %d sub-tokens, %d cores, %d s per batch size%n", dir, length,
          Runtime.getRuntime().availableProcessors(), seconds);
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
            throw new IllegalStateException();
          }
          batches++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        latencies.sort(null);
        System.out.printf("batch %2d: %.1f windows/s, batch latency p50 %.1f ms, p99 %.1f ms (%d batches)%n", batch,
            batches * batch / elapsed, latencies.get(latencies.size() / 2) / 1e6,
            latencies.get((int) (latencies.size() * 0.99)) / 1e6, batches);
      }
      System.out.printf("resident memory (VmRSS): %s%n", rss());
    }
  }

  static String rss() throws IOException {
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

  /** Prints what the model finds on some lines of a file, at the shipped threshold unless told otherwise. */
  private static void find(String[] args, Map<String, String> options) throws Exception {
    Path file = Path.of(options.getOrDefault("file", args.length > 1 ? args[1] : ""));
    java.util.Set<Integer> lines = new java.util.TreeSet<>();
    for (String part : options.getOrDefault("lines", "1-100000").split(",")) {
      String[] range = part.split("-");
      int from = Integer.parseInt(range[0].strip());
      int to = range.length > 1 ? Integer.parseInt(range[1].strip()) : from;
      for (int l = from; l <= to; l++) {
        lines.add(l);
      }
    }
    Path dir = Path.of(options.getOrDefault("model", SHIPPED.toString()));
    try (DjlReviewModel model = new DjlReviewModel(dir, DjlReviewModel.Settings.defaults())) {
      double threshold = Double.parseDouble(options.getOrDefault("threshold",
          Double.toString(model.info().threshold())));
      var finder = new dev.attentive.models.serve.BugFinder(model, 1000);
      var findings = finder.find(Files.readString(file), lines, AttentionProgram.DEFAULT, threshold);
      System.out.printf("%s: %d finding(s) above %.3f%n", file, findings.size(), threshold);
      for (var f : findings) {
        System.out.printf("  line %d (%s, %.3f): %s%n    -> %s%n    rested on %s%n", f.line(), f.kind(),
            f.confidence(), f.original().strip(), f.replacement().strip(), f.restedOn());
      }
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = args.length > 1 && !args[1].startsWith("--") ? 2 : 1; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
