package dev.attentive.reviewer.analysis.testgen;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.attentive.events.DiffLine;
import dev.attentive.events.FileStatus;
import dev.attentive.events.Hunk;
import dev.attentive.events.Languages;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Time and memory of the tests analyzer per changed method, with execution off and on. Not a test:
 * run it after {@code mvn -pl reviewer package} with
 *
 * <pre>
 * java -cp "$(cat reviewer/target/classpath.txt):reviewer/target/classes" \
 *     dev.attentive.reviewer.analysis.testgen.TestAnalyzerBenchmark [FIXTURES_DIR] [RUNS]
 * </pre>
 *
 * FIXTURES_DIR (default reviewer/src/test/resources/test-analyzer-fixtures) holds NAME/base/FILE
 * and NAME/head/FILE pairs; each pair becomes one diff chunk. Every file is analyzed once to warm
 * up, then RUNS times (default 3) per mode; the first call's time and the median wall time are
 * printed (also divided by the file's changed methods), with this JVM's peak heap during the
 * measured runs (all heap pools, reset before each run: javac dominates it), the median CPU time of
 * the analyzing thread per changed method (javac runs there; on a loaded machine it tells more than
 * the wall time, which waits for other processes' turns) and the sandboxed JVMs' peak heap and
 * resident set as they reported them. The compilation cache is emptied before every call, so each
 * is a file's first review; the sandboxed JVMs come from the analyzer's pool as in the reviewer
 * (refilled in the background while the next file is analyzed, never waited for).
 */
public final class TestAnalyzerBenchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private TestAnalyzerBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir =
        Path.of(args.length > 0 ? args[0] : "reviewer/src/test/resources/test-analyzer-fixtures");
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    List<PullRequestDiffChunk> chunks = new ArrayList<>();
    try (Stream<Path> fixtures = Files.list(dir)) {
      for (Path fixture : fixtures.sorted().toList()) {
        try (Stream<Path> files = Files.list(fixture.resolve("head"))) {
          for (Path head : files.sorted().toList()) {
            Path base = fixture.resolve("base").resolve(head.getFileName());
            chunks.add(
                chunk(
                    fixture.getFileName() + "/" + head.getFileName(),
                    Files.exists(base) ? Files.readString(base) : null,
                    Files.readString(head)));
          }
        }
      }
    }
    System.out.printf(
        "tests analyzer benchmark: Java %s, %d CPUs, %d runs per mode (median), sandbox -Xmx%dm%n",
        Runtime.version(),
        Runtime.getRuntime().availableProcessors(),
        runs,
        TestsConfig.DEFAULT_MAX_HEAP_MB);
    System.out.printf(
        "%-30s %-4s %7s %8s %8s %9s %10s %8s %10s %9s %4s %s%n",
        "file",
        "exec",
        "methods",
        "first ms",
        "ms/file",
        "ms/method",
        "cpu/method",
        "heap MB",
        "child heap",
        "child RSS",
        "JVMs",
        "verified");
    for (boolean execute : new boolean[] {false, true}) {
      TestAnalyzer analyzer = new TestAnalyzer(TestsConfig.defaults().withExecution(execute));
      for (PullRequestDiffChunk chunk : chunks) {
        Compiler.clearCache();
        long first = System.nanoTime();
        analyzer.report(chunk, execute); // warm-up
        long firstMillis = (System.nanoTime() - first) / 1_000_000;
        long[] millis = new long[runs];
        long[] cpuMillis = new long[runs];
        long heap = 0;
        long childHeap = -1;
        long childRss = -1;
        TestAnalyzer.Report report = null;
        for (int i = 0; i < runs; i++) {
          // every run is a new pull request's: no class files of an earlier run of the same file
          Compiler.clearCache();
          System.gc();
          ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
          long start = System.nanoTime();
          long cpu = THREADS.getCurrentThreadCpuTime();
          report = analyzer.report(chunk, execute);
          millis[i] = (System.nanoTime() - start) / 1_000_000;
          cpuMillis[i] = (THREADS.getCurrentThreadCpuTime() - cpu) / 1_000_000;
          heap = Math.max(heap, peakHeap());
          for (Sandbox.Run run : report.runs()) {
            childHeap = Math.max(childHeap, run.peakHeapBytes());
            childRss = Math.max(childRss, run.peakRssBytes());
          }
        }
        Arrays.sort(millis);
        Arrays.sort(cpuMillis);
        long median = millis[runs / 2];
        int methods = Math.max(1, report.methods().size());
        long verified =
            report.methods().stream()
                .filter(
                    m ->
                        m.verification().equals(TestAnalyzer.PASSED)
                            || m.verification().equals(TestAnalyzer.NOT_EXECUTED))
                .count();
        System.out.printf(
            "%-30s %-4s %7d %8d %8d %9d %10d %8d %10s %9s %4d %d/%d%n",
            chunk.path(),
            execute ? "on" : "off",
            report.methods().size(),
            firstMillis,
            median,
            median / methods,
            cpuMillis[runs / 2] / methods,
            heap >> 20,
            mb(childHeap),
            mb(childRss),
            report.runs().size(),
            verified,
            report.methods().size());
      }
    }
  }

  private static String mb(long bytes) {
    return bytes < 0 ? "-" : Long.toString(bytes >> 20);
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /**
   * The chunk ingest would send for a file changed from {@code base} (null: added) to {@code head}.
   */
  static PullRequestDiffChunk chunk(String path, String base, String head) {
    List<String> b = base == null ? List.of() : base.lines().toList();
    List<String> h = head.lines().toList();
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff("a/" + path, "b/" + path, b, DiffUtils.diff(b, h), 3);
    List<Hunk> hunks =
        PatchParser.parse(String.join("\n", unified.subList(2, unified.size())) + "\n");
    int additions =
        (int)
            hunks.stream()
                .flatMap(x -> x.lines().stream())
                .filter(l -> l.kind() == DiffLine.Kind.ADDED)
                .count();
    int deletions =
        (int)
            hunks.stream()
                .flatMap(x -> x.lines().stream())
                .filter(l -> l.kind() == DiffLine.Kind.REMOVED)
                .count();
    return new PullRequestDiffChunk(
        PullRequestDiffChunk.SCHEMA_VERSION,
        "benchmark",
        "acme/benchmark",
        1,
        "base",
        "head",
        null,
        path,
        null,
        base == null ? FileStatus.ADDED : FileStatus.MODIFIED,
        Languages.of(path),
        0,
        additions,
        deletions,
        hunks,
        head);
  }
}
