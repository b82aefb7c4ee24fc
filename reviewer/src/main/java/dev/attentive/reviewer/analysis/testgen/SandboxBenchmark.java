package dev.attentive.reviewer.analysis.testgen;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the isolation costs a sandboxed run: the runner with nothing to run ({@code observe} without
 * probes: JVM start, runner, exit) through {@link Sandbox#run} (bubblewrap, prlimit, own user; the
 * SecurityManager on Java 17) and as a plain child JVM with the same flags, RUNS times each, per
 * JDK, and the same job given to a pre-started JVM of a pool (waited for until it is up); prints
 * the medians. Not a test: run it after {@code mvn -pl reviewer package} with
 *
 * <pre>
 * java -cp "$(cat reviewer/target/classpath.txt):reviewer/target/classes" \
 *     dev.attentive.reviewer.analysis.testgen.SandboxBenchmark [RUNS] [JAVA_HOME...]
 * </pre>
 *
 * RUNS defaults to 10, the JDKs to this JVM's.
 */
public final class SandboxBenchmark {

  private SandboxBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    List<Path> jdks = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      jdks.add(Path.of(args[i]));
    }
    if (jdks.isEmpty()) {
      jdks.add(Path.of(System.getProperty("java.home")));
    }
    Sandbox.problem()
        .ifPresent(
            p -> {
              throw new IllegalStateException(p);
            });
    System.out.printf(
        "sandbox start-up benchmark: %d CPUs, %d runs each (median, after one warm-up), -Xmx%dm%n",
        Runtime.getRuntime().availableProcessors(), runs, TestsConfig.DEFAULT_MAX_HEAP_MB);
    System.out.printf(
        "%-6s %10s %12s %10s %18s%n",
        "java", "plain ms", "sandbox ms", "extra ms", "pre-started ms");
    Path dir = Files.createTempDirectory("attentive-sandbox-bench-");
    try {
      measure(jdks, runs, dir);
    } finally {
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static void measure(List<Path> jdks, int runs, Path dir) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    for (Path jdk : jdks) {
      long[] plain = new long[runs];
      long[] sandboxed = new long[runs];
      long[] pooled = new long[runs];
      Sandbox sandbox = new Sandbox(Duration.ofSeconds(60), TestsConfig.DEFAULT_MAX_HEAP_MB, jdk);
      Sandbox pool = new Sandbox(Duration.ofSeconds(60), TestsConfig.DEFAULT_MAX_HEAP_MB, jdk, 1);
      for (int i = -1; i < runs; i++) {
        long start = System.nanoTime();
        plain(jdk, classes, dir.resolve("plain-" + i + ".txt"));
        long p = System.nanoTime() - start;
        start = System.nanoTime();
        Sandbox.Run run = sandbox.run(dir.resolve("run-" + i), classes, List.of("observe", "100"));
        long s = System.nanoTime() - start;
        if (run.outcome() != Sandbox.Outcome.COMPLETED) {
          throw new IllegalStateException(TestAnalyzer.describe(run) + "\n" + run.output());
        }
        // a JVM of the pool, started and waiting: what a job costs when the pool keeps up
        pool.warmUp(Duration.ofSeconds(60));
        start = System.nanoTime();
        run = pool.run(dir.resolve("pooled-" + i), classes, List.of("observe", "100"));
        long w = System.nanoTime() - start;
        if (run.outcome() != Sandbox.Outcome.COMPLETED) {
          throw new IllegalStateException(TestAnalyzer.describe(run) + "\n" + run.output());
        }
        if (i >= 0) {
          plain[i] = p;
          sandboxed[i] = s;
          pooled[i] = w;
        }
      }
      pool.close();
      long pm = median(plain) / 1_000_000;
      long sm = median(sandboxed) / 1_000_000;
      System.out.printf(
          "%-6d %10d %12d %10d %18d%n",
          Sandbox.featureVersion(jdk), pm, sm, sm - pm, median(pooled) / 1_000_000);
    }
  }

  /** The same runner and flags, without bubblewrap, limits, own user or SecurityManager. */
  private static void plain(Path jdk, Path classes, Path out) throws Exception {
    List<String> command = new ArrayList<>(List.of(jdk.resolve("bin/java").toString()));
    command.addAll(Sandbox.jvmFlags(TestsConfig.DEFAULT_MAX_HEAP_MB));
    List<String> classpath = new ArrayList<>();
    Sandbox.trustedClasspath().forEach(p -> classpath.add(p.toString()));
    classpath.add(classes.toString());
    command.addAll(
        List.of(
            "-cp",
            String.join(File.pathSeparator, classpath),
            SandboxMain.class.getName(),
            "observe",
            out.toString(),
            "100"));
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException("plain run: exit " + process.exitValue());
    }
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
