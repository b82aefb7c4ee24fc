package dev.attentive.reviewer.analysis.testgen;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the tests analyzer is set up.
 *
 * @param execution whether generated probes and tests are <em>run</em> (in a sandboxed child JVM,
 *     see {@link Sandbox}); off by default: without it tests are only compiled and are marked
 *     "compiled, not executed"
 * @param timeout wall-clock limit of one sandboxed JVM run (one per file and version: observe head,
 *     observe base, run the tests)
 * @param maxHeapMb the child JVM's {@code -Xmx}, in MiB
 * @param maxMethodsPerFile at most this many changed methods of one file get tests (the first ones
 *     in the file)
 * @param maxCasesPerMethod at most this many inputs per method
 * @param javaHome the JDK that runs the code under test (17 or 21+); null: the reviewer's own
 */
public record TestsConfig(
    boolean execution,
    Duration timeout,
    int maxHeapMb,
    int maxMethodsPerFile,
    int maxCasesPerMethod,
    Path javaHome) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
  public static final int DEFAULT_MAX_HEAP_MB = 128;
  public static final int DEFAULT_MAX_METHODS = 10;
  public static final int DEFAULT_MAX_CASES = 12;

  public TestsConfig {
    timeout =
        timeout == null || timeout.isNegative() || timeout.isZero() ? DEFAULT_TIMEOUT : timeout;
    maxHeapMb = maxHeapMb < 16 ? DEFAULT_MAX_HEAP_MB : maxHeapMb;
    maxMethodsPerFile = maxMethodsPerFile < 1 ? DEFAULT_MAX_METHODS : maxMethodsPerFile;
    maxCasesPerMethod = maxCasesPerMethod < 1 ? DEFAULT_MAX_CASES : maxCasesPerMethod;
  }

  /** The reviewer's own JDK runs the code under test. */
  public TestsConfig(
      boolean execution,
      Duration timeout,
      int maxHeapMb,
      int maxMethodsPerFile,
      int maxCasesPerMethod) {
    this(execution, timeout, maxHeapMb, maxMethodsPerFile, maxCasesPerMethod, null);
  }

  /** Execution off, the default limits. */
  public static TestsConfig defaults() {
    return new TestsConfig(
        false, DEFAULT_TIMEOUT, DEFAULT_MAX_HEAP_MB, DEFAULT_MAX_METHODS, DEFAULT_MAX_CASES);
  }

  public TestsConfig withExecution(boolean on) {
    return new TestsConfig(on, timeout, maxHeapMb, maxMethodsPerFile, maxCasesPerMethod, javaHome);
  }
}
