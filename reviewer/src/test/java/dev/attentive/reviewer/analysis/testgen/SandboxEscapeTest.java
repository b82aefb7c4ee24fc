package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What hostile code under test tries, on Java 17 (bubblewrap and the SecurityManager) and on Java
 * 25 (bubblewrap and the limits alone): each attempt must fail or reach nothing, and the host must
 * show no trace of it. These tests fail, never skip, when the sandbox cannot be set up (no
 * bubblewrap: run {@code bin/test}) or a JDK is missing.
 *
 * <p>The JDKs: Java 17 from {@code -Dattentive.test.jdk17}, {@code ATTENTIVE_TEST_JDK17} or {@code
 * JAVA17_HOME}, else this JVM when it is 17, else {@value #JDK17_DEFAULT}; Java 25 from {@code
 * -Dattentive.test.jdk25}, {@code ATTENTIVE_TEST_JDK25} or {@code JAVA25_HOME}, else {@value
 * #JDK25_DEFAULT}.
 */
class SandboxEscapeTest {

  static final String JDK17_DEFAULT = "/usr/lib/jvm/java-17-openjdk-amd64";
  static final String JDK25_DEFAULT = "/usr/lib/jvm/temurin-25-jdk-amd64";

  @TempDir Path dir;

  @BeforeAll
  static void theSandboxCanBeSetUp() {
    Sandbox.problem().ifPresent(p -> fail("the sandbox cannot be set up: " + p));
  }

  static Stream<Path> jdks() throws IOException {
    return Stream.of(
        jdk(17, "attentive.test.jdk17", "ATTENTIVE_TEST_JDK17", "JAVA17_HOME", JDK17_DEFAULT),
        jdk(25, "attentive.test.jdk25", "ATTENTIVE_TEST_JDK25", "JAVA25_HOME", JDK25_DEFAULT));
  }

  private static Path jdk(int feature, String property, String env, String env2, String fallback)
      throws IOException {
    String configured = System.getProperty(property);
    configured = configured != null ? configured : System.getenv(env);
    configured = configured != null ? configured : System.getenv(env2);
    Path home;
    if (configured != null) {
      home = Path.of(configured);
    } else if (Runtime.version().feature() == feature) {
      home = Path.of(System.getProperty("java.home"));
    } else {
      home = Path.of(fallback);
    }
    if (!Files.isExecutable(home.resolve("bin/java"))) {
      fail(
          "the sandbox escape tests need a Java %d JDK, not found at %s: install it or set -D%s, %s or %s"
              .formatted(feature, home, property, env, env2));
    }
    assertThat(Sandbox.featureVersion(home)).as(home + "/release").isEqualTo(feature);
    return home;
  }

  /** Compiles one test class (simple name → source in package {@code sandboxed}) and runs it. */
  private Sandbox.Run junit(Path jdk, Duration timeout, String name, String body) throws Exception {
    Path base = Files.createDirectories(dir.resolve(name));
    Path src = Files.createDirectories(base.resolve("src/sandboxed"));
    Path file = src.resolve(name + ".java");
    Files.writeString(file, "package sandboxed;\n\n" + body);
    Path classes = base.resolve("classes");
    Compiler.Result compiled = Compiler.compile(List.of(file), classes, Sandbox.trustedClasspath());
    assertThat(compiled.errors()).isEmpty();
    Path work = Files.createDirectories(base.resolve("work"));
    return new Sandbox(timeout, 64, jdk).run(work, classes, List.of("junit", "sandboxed." + name));
  }

  private static List<String> results(Sandbox.Run run) {
    return run.lines().stream().filter(l -> l.startsWith("T\t")).toList();
  }

  private static String why(Sandbox.Run run) {
    return run.outcome() + " exit " + run.exitCode() + "\n" + run.lines() + "\n" + run.output();
  }

  private static boolean java17(Path jdk) throws IOException {
    return Sandbox.featureVersion(jdk) < 21;
  }

  /** The test's status (SUCCESSFUL, FAILED, DENIED...) of {@code sandboxed.CLASS#method}. */
  private static String status(Sandbox.Run run, String type, String method) {
    String prefix = "T\tsandboxed." + type + "\t" + method + "\t";
    return results(run).stream()
        .filter(l -> l.startsWith(prefix))
        .map(l -> l.substring(prefix.length()).split("\t")[0])
        .findFirst()
        .orElse("(did not run)");
  }

  private static String quoted(Path path) {
    return '"' + path.toAbsolutePath().toString().replace("\\", "\\\\") + '"';
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void noConnectionReachesAListeningSocketOfTheHost(Path jdk) throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      Thread acceptor =
          new Thread(
              () -> {
                while (!server.isClosed()) {
                  try (Socket s = server.accept()) {
                    accepted.incrementAndGet();
                  } catch (IOException e) {
                    return;
                  }
                }
              });
      acceptor.setDaemon(true);
      acceptor.start();
      String hostAddress = hostAddress();
      // a control: the listener is reachable from outside the sandbox
      new Socket("127.0.0.1", server.getLocalPort()).close();
      Sandbox.Run run =
          junit(
              jdk,
              Duration.ofSeconds(60),
              "NetTest",
              """
          class NetTest {
            @org.junit.jupiter.api.Test
            void loopback() throws Exception {
              new java.net.Socket("127.0.0.1", %d).close();
            }

            @org.junit.jupiter.api.Test
            void hostAddress() throws Exception {
              new java.net.Socket("%s", %d).close();
            }
          }
          """
                  .formatted(server.getLocalPort(), hostAddress, server.getLocalPort()));

      assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
      assertThat(status(run, "NetTest", "loopback")).isIn("FAILED", "DENIED");
      assertThat(status(run, "NetTest", "hostAddress")).isIn("FAILED", "DENIED");
      if (!java17(jdk)) {
        assertThat(results(run))
            .anySatisfy(l -> assertThat(l).contains("loopback").contains("ConnectException"));
      }
      Thread.sleep(200); // a connection that did get through is counted before the assertion
      assertThat(accepted).as("connections the host accepted, the control included").hasValue(1);
    }
  }

  /** An address of this machine other than loopback (or loopback when it has none). */
  private static String hostAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress a : Collections.list(nic.getInetAddresses())) {
          if (a instanceof java.net.Inet4Address) {
            return a.getHostAddress();
          }
        }
      }
    }
    return "127.0.0.1";
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aProcessItStartsCannotWriteTheHostOrReachIt(Path jdk) throws Exception {
    Path marker = dir.resolve("exec-" + UUID.randomUUID());
    Path inRepository = Path.of("target", "exec-" + UUID.randomUUID()).toAbsolutePath();
    Sandbox.Run run =
        junit(
            jdk,
            Duration.ofSeconds(60),
            "ExecTest",
            """
        class ExecTest {
          @org.junit.jupiter.api.Test
          void execs() throws Exception {
            Process p = new ProcessBuilder("/bin/sh", "-c", "id; echo pwned > %s; echo pwned > %s")
                .redirectErrorStream(true).start();
            System.out.println("exec said: " + new String(p.getInputStream().readAllBytes()));
            if (p.waitFor() != 0) {
              throw new AssertionError("exit " + p.exitValue());
            }
          }
        }
        """
                .formatted(marker, inRepository));

    assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
    if (java17(jdk)) {
      assertThat(status(run, "ExecTest", "execs")).isEqualTo("DENIED");
    } else {
      // it runs, as a user of its own where the reviewer is root, and fails to write anything
      assertThat(run.output()).contains("exec said:");
      assertThat(status(run, "ExecTest", "execs")).isEqualTo("FAILED");
    }
    assertThat(marker).doesNotExist();
    assertThat(inRepository).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void aForkAndThreadBombEndsAtTheTaskLimitAndLeavesNothingBehind(Path jdk) throws Exception {
    // a sleep of its own length, to find what outlives the run
    String seconds = "600." + (100_000 + System.nanoTime() % 900_000);
    Sandbox.Run run =
        junit(
            jdk,
            Duration.ofSeconds(90),
            "BombTest",
            """
        class BombTest {
          @org.junit.jupiter.api.Test
          void bombs() {
            int processes = 0;
            int threads = 0;
            try {
              while (processes < 100_000) {
                new ProcessBuilder("/bin/sleep", "%s").start();
                processes++;
              }
            } catch (Throwable e) {
              // the limit
            }
            try {
              while (threads < 100_000) {
                Thread t = new Thread(() -> {
                  try {
                    Thread.sleep(600_000);
                  } catch (InterruptedException e) {
                    // done
                  }
                });
                t.setDaemon(true);
                t.start();
                threads++;
              }
            } catch (Throwable e) {
              // the limit
            }
            System.out.println("bomb: processes=" + processes + " threads=" + threads + ";");
          }
        }
        """
                .formatted(seconds));

    assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
    java.util.regex.Matcher counts =
        java.util.regex.Pattern.compile("bomb: processes=(\\d+) threads=(\\d+);")
            .matcher(run.output());
    assertThat(counts.find()).as(why(run)).isTrue();
    int processes = Integer.parseInt(counts.group(1));
    int threads = Integer.parseInt(counts.group(2));
    System.out.printf(
        "fork bomb on Java %d stopped after %d processes and %d threads%n",
        Sandbox.featureVersion(jdk), processes, threads);
    assertThat(processes + threads).isPositive().isLessThan(Sandbox.MAX_TASKS);
    if (java17(jdk)) {
      assertThat(processes).as("the SecurityManager denies exec").isZero();
    }
    // nothing of it outlives the run, and this machine can still start processes
    assertThat(
            ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().orElse("").contains("sleep " + seconds)))
        .isEmpty();
    assertThat(new ProcessBuilder("true").start().waitFor()).isZero();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void nothingOutsideItsScratchDirectoryIsWritable(Path jdk, @TempDir Path hostTmp)
      throws Exception {
    Path inHostTmp = hostTmp.resolve("pwned.txt");
    Path inRepository = Path.of("target", "pwned-" + UUID.randomUUID()).toAbsolutePath();
    Path inHome = Path.of(System.getProperty("user.home"), "pwned-" + UUID.randomUUID());
    Sandbox.Run run =
        junit(
            jdk,
            Duration.ofSeconds(60),
            "WriteTest",
            """
        class WriteTest {
          @org.junit.jupiter.api.Test
          void hostTmp() throws Exception {
            java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "x");
          }

          @org.junit.jupiter.api.Test
          void repository() throws Exception {
            java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "x");
          }

          @org.junit.jupiter.api.Test
          void home() throws Exception {
            java.nio.file.Files.writeString(java.nio.file.Path.of(%s), "x");
          }

          @org.junit.jupiter.api.Test
          void scratch() throws Exception {
            java.nio.file.Path own = java.nio.file.Files.createTempFile("scratch", ".txt");
            java.nio.file.Files.writeString(own, "fine");
          }
        }
        """
                .formatted(quoted(inHostTmp), quoted(inRepository), quoted(inHome)));

    assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
    for (String method : List.of("hostTmp", "repository", "home")) {
      assertThat(status(run, "WriteTest", method)).as(method).isIn("FAILED", "DENIED");
    }
    assertThat(status(run, "WriteTest", "scratch")).isEqualTo("SUCCESSFUL");
    assertThat(inHostTmp).doesNotExist();
    assertThat(inRepository).doesNotExist();
    assertThat(inHome).doesNotExist();
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void exitingTheJvmIsReportedAsSuchNotAsACleanRun(Path jdk) throws Exception {
    for (String call : List.of("System.exit(0)", "Runtime.getRuntime().halt(0)")) {
      String name = call.startsWith("System") ? "ExitTest" : "HaltTest";
      Sandbox.Run run =
          junit(
              jdk,
              Duration.ofSeconds(60),
              name,
              """
          class %s {
            @org.junit.jupiter.api.Test
            void leaves() {
              %s;
            }
          }
          """
                  .formatted(name, call));

      if (java17(jdk)) {
        assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
        assertThat(status(run, name, "leaves")).isEqualTo("DENIED");
      } else {
        assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.EXITED);
        assertThat(results(run)).isEmpty();
        assertThat(TestAnalyzer.describe(run)).startsWith("the code under test ended the JVM");
      }
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void theReviewersEnvironmentIsInvisibleAlsoThroughProc(Path jdk) throws Exception {
    String token = System.getenv("GITHUB_TOKEN");
    assertThat(token)
        .as("reviewer/pom.xml gives the tests a fake GITHUB_TOKEN; run them with Maven")
        .isNotBlank();
    Sandbox.Run run =
        junit(
            jdk,
            Duration.ofSeconds(60),
            "EnvTest",
            """
        class EnvTest {
          @org.junit.jupiter.api.Test
          void looks() throws Exception {
            StringBuilder seen = new StringBuilder("env=" + System.getenv() + ";");
            String parent = "";
            for (String l : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
              if (l.startsWith("PPid:")) {
                parent = l.substring(5).strip();
              }
            }
            seen.append("ppid=").append(parent).append(";");
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
              for (var p : procs.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
                seen.append("pid ").append(p.getFileName()).append(":");
                try {
                  seen.append(new String(java.nio.file.Files.readAllBytes(p.resolve("environ"))).replace('\\0', ' '));
                } catch (Exception e) {
                  seen.append(e.getClass().getSimpleName());
                }
                seen.append(";");
              }
            }
            for (String path : java.util.List.of("/proc/" + parent + "/environ", "/proc/1/environ")) {
              try {
                seen.append(path).append(":").append(new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of(path))));
              } catch (Exception e) {
                seen.append(path).append(":").append(e.getClass().getSimpleName());
              }
            }
            System.out.println("seen: " + seen);
          }
        }
        """);

    assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(status(run, "EnvTest", "looks")).isIn("SUCCESSFUL", "DENIED");
    String everything = run.output() + run.lines();
    assertThat(everything).doesNotContain(token);
    for (Map.Entry<String, String> e : System.getenv().entrySet()) {
      if (e.getValue().length() >= 12) {
        assertThat(everything).as(e.getKey()).doesNotContain(e.getValue());
      }
    }
    if (!java17(jdk)) {
      // it did look: an empty environment, and only the sandbox's own processes
      assertThat(run.output()).contains("seen: env={");
      assertThat(run.output()).doesNotContain("pid " + ProcessHandle.current().pid() + ":");
    }
  }

  @ParameterizedTest
  @MethodSource("jdks")
  void anotherJobsScratchAndLeftoversAreInvisible(Path jdk) throws Exception {
    String secret = "secret-" + UUID.randomUUID();
    Path leftover = Files.createDirectories(dir.resolve("attentive-tests-old/run-junit"));
    Files.writeString(leftover.resolve("results.txt"), secret);
    Files.writeString(Files.createDirectories(leftover.resolve("scratch")).resolve("s"), secret);
    Path otherWork = dir.resolve("OtherJobTest/work");
    CompletableFuture<Sandbox.Run> other =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return junit(
                    jdk,
                    Duration.ofSeconds(60),
                    "OtherJobTest",
                    """
                class OtherJobTest {
                  @org.junit.jupiter.api.Test
                  void keeps() throws Exception {
                    java.nio.file.Files.writeString(
                        java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "secret.txt"),
                        "%s");
                    System.out.println("wrote the secret");
                    Thread.sleep(15_000);
                  }
                }
                """
                        .formatted(secret));
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    // the other job has started its test (its scratch holds the secret) before this one looks
    Path otherResults = otherWork.resolve("results.txt");
    for (int i = 0; i < 600 && !startedIn(otherResults); i++) {
      Thread.sleep(100);
    }
    assertThat(startedIn(otherResults)).as("the other job started").isTrue();
    List<String> paths = new ArrayList<>();
    for (Path p :
        List.of(
            leftover.resolve("results.txt"),
            leftover.resolve("scratch/s"),
            otherResults,
            otherWork.resolve("sandbox.policy"))) {
      paths.add(quoted(p));
    }
    Sandbox.Run run =
        junit(
            jdk,
            Duration.ofSeconds(60),
            "SnoopTest",
            """
        class SnoopTest {
          @org.junit.jupiter.api.Test
          void snoops() throws Exception {
            StringBuilder found = new StringBuilder();
            java.util.List<String> paths = new java.util.ArrayList<>(java.util.List.of(%s));
            paths.add(System.getProperty("java.io.tmpdir") + "/secret.txt");
            try (var procs = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
              procs.filter(p -> p.getFileName().toString().matches("[0-9]+"))
                  .forEach(p -> paths.add(p.resolve("root/tmp/attentive/scratch/secret.txt").toString()));
            }
            for (String path : paths) {
              try {
                String content = java.nio.file.Files.readString(java.nio.file.Path.of(path));
                found.append(path).append(": ").append(content).append("; ");
              } catch (Exception e) {
                // not there for it
              }
            }
            System.out.println("snooped " + paths.size() + " paths");
            if (found.length() > 0) {
              throw new AssertionError("read " + found);
            }
          }
        }
        """
                .formatted(String.join(", ", paths)));

    Sandbox.Run otherRun = other.get(90, TimeUnit.SECONDS);
    assertThat(otherRun.output()).as(why(otherRun)).contains("wrote the secret");
    assertThat(run.outcome()).as(why(run)).isEqualTo(Sandbox.Outcome.COMPLETED);
    assertThat(status(run, "SnoopTest", "snoops")).as(why(run)).isIn("SUCCESSFUL", "DENIED");
    assertThat(run.output() + run.lines()).doesNotContain(secret);
    if (!java17(jdk)) {
      assertThat(run.output()).contains("snooped");
    }
  }

  private static boolean startedIn(Path results) throws IOException {
    return Files.exists(results) && Files.readString(results).contains("S\tsandboxed.");
  }
}
