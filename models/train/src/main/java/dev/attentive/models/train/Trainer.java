package dev.attentive.models.train;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Example;
import dev.attentive.models.net.AttentionNet;
import dev.attentive.models.predict.Hyper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.framework.optimizers.Adam;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.op.Op;
import org.tensorflow.op.Ops;
import org.tensorflow.op.core.Variable;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TInt32;

/** Trains the model in TensorFlow graph mode with Adam, printing steps/s, loss and ETA. */
public final class Trainer implements AutoCloseable {

  /** What training needs besides the data. */
  public record Options(int steps, int batchSize, float learningRate, long seed, int logEvery) {}

  private final Hyper hyper;
  private final Options options;
  private final Graph graph = new Graph();
  private final Session session;
  private final AttentionNet.Built net;
  private final Op train;

  public Trainer(Hyper hyper, Options options) {
    this.hyper = hyper;
    this.options = options;
    Ops tf = Ops.create(graph);
    this.net = AttentionNet.build(tf, hyper, AttentionNet.Weights.seeded(options.seed()), true);
    this.train = new Adam(graph, options.learningRate()).minimize(net.loss());
    this.session = new Session(graph);
    session.initialize();
  }

  /** Runs the steps; returns the mean loss of the last logging interval. */
  public double train(List<Example> examples, AttentionProgram program) {
    return train(examples, program, null);
  }

  /**
   * Runs the steps, saving a checkpoint every {@code checkpoints.every()} steps (and at the end);
   * with {@code checkpoints.resume()} it first restores the latest checkpoint and continues from
   * the step after it. Returns the mean loss of the last logging interval.
   */
  public double train(List<Example> examples, AttentionProgram program, Checkpoints checkpoints) {
    int first = 1;
    if (checkpoints != null && checkpoints.resume()) {
      first = restore(checkpoints, examples.size()) + 1;
    }
    Random random = new Random(options.seed());
    List<List<Example>> plan = Batches.plan(examples, options.batchSize(), random);
    int cursor = 0;
    // The data position: the batch order is a function of the seed, so replaying the plans up to
    // the checkpoint's step (without training) puts the next batch where it was.
    for (int step = 1; step < first; step++) {
      if (cursor >= plan.size()) {
        plan = Batches.plan(examples, options.batchSize(), random);
        cursor = 0;
      }
      cursor++;
    }
    long started = System.nanoTime();
    double interval = 0;
    int inInterval = 0;
    double last = Double.NaN;
    for (int step = first; step <= options.steps(); step++) {
      if (cursor >= plan.size()) {
        plan = Batches.plan(examples, options.batchSize(), random);
        cursor = 0;
      }
      Batches.Batch batch = Batches.pad(plan.get(cursor++), hyper.repairClasses(), program);
      interval += step(batch);
      inInterval++;
      if (checkpoints != null && (step % checkpoints.every() == 0 || step == options.steps())) {
        save(checkpoints, step, examples.size());
      }
      if (step % options.logEvery() == 0 || step == options.steps()) {
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = (step - first + 1) / seconds;
        last = interval / inInterval;
        System.out.printf(
            "step %6d/%d  loss %.4f  %.1f steps/s  epoch %.2f  elapsed %s  ETA %s%n",
            step,
            options.steps(),
            last,
            rate,
            (double) step * options.batchSize() / examples.size(),
            clock(seconds),
            clock((options.steps() - step) / rate));
        interval = 0;
        inInterval = 0;
      }
    }
    return last;
  }

  public double step(Batches.Batch batch) {
    return run(batch, true);
  }

  /** The loss of a batch without training on it. */
  public double loss(Batches.Batch batch) {
    return run(batch, false);
  }

  private double run(Batches.Batch batch, boolean train) {
    Shape shape = Shape.of(batch.size(), batch.length());
    try (TInt32 ids = TInt32.tensorOf(shape, DataBuffers.of(batch.ids(), true, false));
        TInt32 mask = TInt32.tensorOf(shape, DataBuffers.of(batch.mask(), true, false));
        TInt32 types = TInt32.tensorOf(shape, DataBuffers.of(batch.types(), true, false));
        TFloat32 bias = TFloat32.tensorOf(shape, DataBuffers.of(batch.bias(), true, false));
        TFloat32 location =
            TFloat32.tensorOf(shape, DataBuffers.of(batch.locationTarget(), true, false));
        TFloat32 repair =
            TFloat32.tensorOf(
                Shape.of(batch.size(), batch.repairWidth()),
                DataBuffers.of(batch.repairTarget(), true, false))) {
      Session.Runner runner =
          session
              .runner()
              .feed(net.ids(), ids)
              .feed(net.mask(), mask)
              .feed(net.bias(), bias)
              .feed(net.locationTarget(), location)
              .feed(net.repairTarget(), repair)
              .fetch(net.loss());
      if (net.types() != null) {
        runner.feed(net.types(), types);
      }
      if (train) {
        runner.addTarget(this.train);
      }
      try (Result result = runner.run()) {
        return ((TFloat32) result.get(0)).getFloat();
      }
    }
  }

  /** The step of the latest checkpoint restored from {@code checkpoints}. */
  private int restore(Checkpoints checkpoints, int examples) {
    Checkpoints.State state = checkpoints.latest().orElse(null);
    if (state == null) {
      System.out.println("no checkpoint in " + checkpoints.directory() + ": starting at step 1");
      return 0;
    }
    state.requireSameRun(hyper, options, examples);
    session.restore(checkpoints.variablesPrefix(state.step()).toString());
    System.out.printf(
        "resumed from %s at step %d of %d%n",
        checkpoints.directory(), state.step(), options.steps());
    return state.step();
  }

  private void save(Checkpoints checkpoints, int step, int examples) {
    checkpoints.save(
        new Checkpoints.State(
            step, hyper.toString(), options.seed(), options.batchSize(), examples),
        prefix -> session.save(prefix.toString()));
  }

  /** The trained values of every model variable (no optimizer slots). */
  public Map<String, float[]> weights() {
    Map<String, float[]> values = new LinkedHashMap<>();
    for (Map.Entry<String, Variable<TFloat32>> e : net.variables().entrySet()) {
      try (Result result = session.runner().fetch(e.getValue()).run()) {
        TFloat32 t = (TFloat32) result.get(0);
        float[] out = new float[(int) t.size()];
        t.copyTo(DataBuffers.of(out, false, false));
        values.put(e.getKey(), out);
      }
    }
    return values;
  }

  /** How many numbers the model learns. */
  public long parameterCount() {
    return net.variables().values().stream().mapToLong(v -> v.shape().size()).sum();
  }

  static String clock(double seconds) {
    long s = Math.round(seconds);
    return String.format("%d:%02d", s / 60, s % 60);
  }

  @Override
  public void close() {
    session.close();
    graph.close();
  }
}
