package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The pool of pre-started sandboxed JVMs: every job gets a JVM no job ran in before (what one job
 * leaves behind, in its scratch directory or in a static, the next never sees), and a waiting JVM
 * ends with the reviewer that started it. Like the escape tests, these fail when the sandbox cannot
 * be set up.
 */
class SandboxPoolTest {

  @TempDir Path dir;

  @BeforeAll
  static void theSandboxCanBeSetUp() {
    Sandbox.problem().ifPresent(p -> fail("the sandbox cannot be set up: " + p));
  }

  static List<Path> jdks() throws Exception {
    return SandboxEscapeTest.jdks().toList();
  }

  /** Each job marks its scratch directory and a static; a reused JVM would show the marks. */
  private static final String LEFTOVER_TEST =
      """
      package sandboxed;

      class LeftoverTest {
        @org.junit.jupiter.api.Test
        void noEarlierJobRanHere() throws Exception {
          java.nio.file.Path mark =
              java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "left-by-a-job");
          org.junit.jupiter.api.Assertions.assertFalse(
              java.nio.file.Files.exists(mark), "a file an earlier job wrote");
          org.junit.jupiter.api.Assertions.assertEquals(1, ++Counter.jobs, "jobs in this JVM");
          java.nio.file.Files.writeString(mark, "x");
        }
      }

      class Counter {
        static int jobs;
      }
      """;

  @ParameterizedTest
  @MethodSource("jdks")
  void everyJobGetsAJvmNoJobRanInBefore(Path jdk) throws Exception {
    Path file = Files.createDirectories(dir.resolve("src/sandboxed")).resolve("LeftoverTest.java");
    Files.writeString(file, LEFTOVER_TEST);
    Path classes = dir.resolve("classes");
    assertThat(Compiler.compile(List.of(file), classes, Sandbox.trustedClasspath()).errors())
        .isEmpty();
    Sandbox sandbox = new Sandbox(Duration.ofSeconds(60), 64, jdk, 1);
    try {
      assertThat(sandbox.warmUp(Duration.ofSeconds(120))).as("the pool filled").isTrue();
      List<Long> waiting = sandbox.idlePids();
      List<String> statuses = new ArrayList<>();
      for (int job = 0; job < 3; job++) {
        Sandbox.Run run =
            sandbox.run(
                dir.resolve("work-" + job), classes, List.of("junit", "sandboxed.LeftoverTest"));
        assertThat(run.outcome())
            .as(run.lines() + run.output())
            .isEqualTo(Sandbox.Outcome.COMPLETED);
        statuses.add(
            run.lines().stream()
                .filter(l -> l.startsWith("T\tsandboxed.LeftoverTest\tnoEarlierJobRanHere\t"))
                .map(l -> l.split("\t")[3] + " " + l)
                .findFirst()
                .orElse("(did not run)"));
      }
      assertThat(statuses).allMatch(s -> s.startsWith("SUCCESSFUL"), "every job's first run");
      // the JVM that waited before the first job did that job and is gone
      assertThat(waiting).hasSize(1);
      assertThat(ProcessHandle.of(waiting.get(0)).map(ProcessHandle::isAlive).orElse(false))
          .isFalse();
      // one JVM per job, plus those waiting now; none of them did two
      assertThat(sandbox.started() - sandbox.idle()).isEqualTo(3);
    } finally {
      sandbox.close();
    }
    assertThat(sandbox.idle()).isZero();
  }

  @Test
  void waitingJvmsEndWithTheReviewerThatStartedThem() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process reviewer =
        new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), PooledReviewer.class.getName())
            .redirectErrorStream(true)
            .start();
    List<ProcessHandle> sandboxes = new ArrayList<>();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(reviewer.getInputStream(), StandardCharsets.UTF_8));
      List<String> said = new ArrayList<>();
      for (String line; (line = out.readLine()) != null; ) {
        said.add(line);
        if (line.startsWith("waiting ")) {
          for (String pid : line.substring("waiting ".length()).split(" ")) {
            ProcessHandle bwrap = ProcessHandle.of(Long.parseLong(pid)).orElseThrow();
            sandboxes.add(bwrap);
            bwrap.descendants().forEach(sandboxes::add);
          }
          break;
        }
      }
      assertThat(said).as("the reviewer's pool filled").anyMatch(l -> l.startsWith("waiting "));
      assertThat(sandboxes)
          .as("a waiting sandbox is bwrap and the JVM it runs")
          .hasSizeGreaterThan(2);
      assertThat(sandboxes).allMatch(ProcessHandle::isAlive);
    } finally {
      reviewer.destroyForcibly(); // SIGKILL: no shutdown hook runs, the kernel ends it
      reviewer.waitFor();
    }
    for (int i = 0; i < 300 && sandboxes.stream().anyMatch(ProcessHandle::isAlive); i++) {
      Thread.sleep(100);
    }
    assertThat(sandboxes.stream().filter(ProcessHandle::isAlive).toList())
        .as("sandbox processes left after the reviewer was killed")
        .isEmpty();
  }

  /** A reviewer JVM that fills a pool of 2, says the waiting processes' ids and waits. */
  static final class PooledReviewer {
    public static void main(String[] args) throws Exception {
      Sandbox sandbox = new Sandbox(Duration.ofSeconds(60), 64, null, 2);
      if (!sandbox.warmUp(Duration.ofSeconds(120))) {
        System.out.println("the pool did not fill");
        System.exit(1);
      }
      System.out.println(
          "waiting "
              + String.join(
                  " ", Arrays.stream(sandbox.idlePids().toArray()).map(String::valueOf).toList()));
      System.out.flush();
      Thread.sleep(Duration.ofMinutes(5).toMillis());
    }
  }
}
