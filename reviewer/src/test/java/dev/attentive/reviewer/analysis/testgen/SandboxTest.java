package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandboxed JVM stops or denies what a generated (or malicious) test must not do, reports it,
 * and leaves this JVM alone. No timing assertions: the limits are what ends the runs, and the tests
 * only look at how they ended.
 */
class SandboxTest {

  @TempDir Path dir;

  /**
   * Compiles {@code sources} (simple name → body of a class in package {@code sandboxed}) and runs
   * them.
   */
  private Sandbox.Run run(
      Duration timeout, int heapMb, String mode, List<String> names, List<String> bodies)
      throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/sandboxed"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      Path file = src.resolve(names.get(i) + ".java");
      Files.writeString(file, "package sandboxed;\n\n" + bodies.get(i));
      files.add(file);
    }
    Path classes = dir.resolve("classes");
    Compiler.Result compiled = Compiler.compile(files, classes, Sandbox.trustedClasspath());
    assertThat(compiled.errors()).isEmpty();
    List<String> args = new ArrayList<>(List.of(mode));
    if (mode.equals("observe")) {
      args.add("500");
    }
    names.forEach(n -> args.add("sandboxed." + n));
    Path work = Files.createDirectories(dir.resolve("work"));
    return new Sandbox(timeout, heapMb).run(work, classes, args);
  }

  private Sandbox.Run junit(Duration timeout, int heapMb, String name, String body)
      throws Exception {
    return run(timeout, heapMb, "junit", List.of(name), List.of(body));
  }

  private static List<String> results(Sandbox.Run run) {
    return run.lines().stream().filter(l -> l.startsWith("T\t")).toList();
  }

  @Test
  void aTestThatLoopsForeverIsStoppedByTheTimeLimit() throws Exception {
    // The limit must leave room for a sandbox JVM to start on a loaded CI machine: the test asserts
    // it did start.
    Sandbox.Run run =
        junit(
            Duration.ofSeconds(15),
            64,
            "LoopTest",
            """
        class LoopTest {
          @org.junit.jupiter.api.Test
          void spins() {
            long n = 0;
            while (n >= 0) {
              n = (n + 1) % 1000;
            }
          }
        }
        """);

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.TIMEOUT);
    assertThat(TestAnalyzer.describe(run)).startsWith("timeout after");
    assertThat(run.lines()).contains("S\tsandboxed.LoopTest\tspins"); // it did start
    assertThat(results(run)).isEmpty();
    assertThat(
            ProcessHandle.current()
                .descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())))
        .isEmpty();
  }

  @Test
  void aTestThatPrintsWithoutEndCostsNeitherMemoryNorDisk() throws Exception {
    Sandbox.Run run =
        junit(
            Duration.ofSeconds(60),
            64,
            "ChattyTest",
            """
        class ChattyTest {
          @org.junit.jupiter.api.Test
          void chatters() {
            String line = "x".repeat(1023) + "\\n";
            for (int i = 0; i < 16 * 1024; i++) {
              System.out.print(line);
              System.err.print(line);
            }
            System.out.print("the end");
          }
        }
        """);

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(results(run)).hasSize(1);
    // 16 MiB on each stream; the last bytes of each are kept, with a note of what was dropped.
    assertThat(run.output().length()).isLessThan(3 * Sandbox.OUTPUT_KEPT_BYTES);
    assertThat(run.output())
        .contains("earlier bytes of standard output dropped")
        .contains("earlier bytes of standard error dropped")
        .contains("the end");
    try (var files = Files.walk(dir.resolve("work"))) {
      assertThat(files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum())
          .as("nothing of the output is written to disk")
          .isLessThan(1024 * 1024);
    }
  }

  @Test
  void aTestThatAllocatesWithoutBoundRunsOutOfMemoryInItsOwnHeap() throws Exception {
    Sandbox.Run run =
        junit(
            Duration.ofSeconds(60),
            32,
            "HogTest",
            """
        class HogTest {
          @org.junit.jupiter.api.Test
          void hoards() {
            java.util.List<long[]> all = new java.util.ArrayList<>();
            while (true) {
              all.add(new long[1 << 16]);
            }
          }
        }
        """);

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.OUT_OF_MEMORY);
    assertThat(TestAnalyzer.describe(run)).isEqualTo("out of memory");
    assertThat(run.output() + " exit " + run.exitCode()).contains("OutOfMemoryError");
    // this JVM is fine: it can still allocate and run another sandbox
    assertThat(new long[1 << 16]).hasSize(1 << 16);
  }

  @Test
  void aTestCannotOpenASocket() throws Exception {
    Sandbox.Run run =
        junit(
            Duration.ofSeconds(60),
            64,
            "SocketTest",
            """
        class SocketTest {
          @org.junit.jupiter.api.Test
          void connects() throws Exception {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", 9)) {
              s.getOutputStream().write(1);
            }
          }
        }
        """);

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(results(run))
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line).startsWith("T\tsandboxed.SocketTest\tconnects\tDENIED\t");
              assertThat(line).contains("java.net.SocketPermission");
            });
  }

  @Test
  void aTestCannotWriteOutsideItsScratchDirectoryButCanInside(@TempDir Path elsewhere)
      throws Exception {
    Path target = elsewhere.resolve("pwned.txt");
    Sandbox.Run run =
        junit(
            Duration.ofSeconds(60),
            64,
            "WriteTest",
            """
        class WriteTest {
          @org.junit.jupiter.api.Test
          void writesOutside() throws Exception {
            java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "x");
          }

          @org.junit.jupiter.api.Test
          void writesInsideItsTempDir() throws Exception {
            java.nio.file.Path own = java.nio.file.Files.createTempFile("scratch", ".txt");
            java.nio.file.Files.writeString(own, "fine");
          }
        }
        """
                .formatted(target.toString().replace("\\", "\\\\")));

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(results(run))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("T\tsandboxed.WriteTest\twritesOutside\tDENIED\t")
                    .contains("java.io.FilePermission"));
    assertThat(results(run))
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("T\tsandboxed.WriteTest\twritesInsideItsTempDir\tSUCCESSFUL"));
    assertThat(target).doesNotExist();
  }

  @Test
  void aTestCannotExecExitOrReadTheEnvironment() throws Exception {
    Sandbox.Run run =
        junit(
            Duration.ofSeconds(60),
            64,
            "EscapeTest",
            """
        class EscapeTest {
          @org.junit.jupiter.api.Test
          void execs() throws Exception {
            new ProcessBuilder("sh", "-c", "true").start().waitFor();
          }

          @org.junit.jupiter.api.Test
          void exits() {
            System.exit(3);
          }

          @org.junit.jupiter.api.Test
          void readsTheEnvironment() {
            System.getenv("GITHUB_TOKEN");
          }
        }
        """);

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(results(run)).hasSize(3).allSatisfy(l -> assertThat(l).contains("\tDENIED\t"));
  }

  @Test
  void withoutItsJdkNothingRunsAndTheRunSaysWhy() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Sandbox.Run run =
        new Sandbox(Duration.ofSeconds(10), 64, dir.resolve("no-such-jdk"))
            .run(dir.resolve("work"), classes, List.of("junit", "sandboxed.Nothing"));

    assertThat(run.outcome()).isEqualTo(Sandbox.Outcome.UNAVAILABLE);
    assertThat(TestAnalyzer.describe(run))
        .startsWith("the sandbox could not be set up: no JDK at")
        .contains("no-such-jdk");
    assertThat(run.lines()).isEmpty();
  }

  @Test
  void observationKeepsWhatCameBackBeforeACaseHung() throws Exception {
    Sandbox.Run run =
        run(
            Duration.ofSeconds(60),
            64,
            "observe",
            List.of("Probe"),
            List.of(
                """
        public final class Probe {
          public static final Object VOID = new Object();

          public static java.util.List<java.util.concurrent.Callable<Object>> cases() {
            return java.util.List.of(() -> 41 + 1, () -> { while (true) { Thread.onSpinWait(); } },
                () -> { throw new IllegalStateException("no"); }, () -> VOID,
                () -> new java.net.ServerSocket(0));
          }
        }
        """));

    assertThat(run.outcome())
        .as(run.output() + " exit " + run.exitCode())
        .isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(run.lines())
        .contains(
            "R\tsandboxed.Probe\t0\tVALUE\tPRIM\tInteger\t42",
            "R\tsandboxed.Probe\t1\tTIMEOUT",
            "R\tsandboxed.Probe\t2\tTHREW\tIllegalStateException\tno",
            "R\tsandboxed.Probe\t3\tVOID");
    assertThat(run.lines())
        .anySatisfy(l -> assertThat(l).startsWith("R\tsandboxed.Probe\t4\tDENIED\t"));
  }
}
