package dev.attentive.reviewer.analysis.testgen;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@link SandboxMain} in a separate JVM that is allowed as little as we can manage on Java 17:
 *
 * <ul>
 *   <li>the current JVM's {@code java} binary, an empty environment, working directory = its own
 *       scratch directory;
 *   <li>{@code -Xmx} (and {@code -XX:+ExitOnOutOfMemoryError}, so an unbounded allocation ends the
 *       run), {@code -XX:ActiveProcessorCount=1}, serial GC, C1 only;
 *   <li>a wall-clock limit, after which the process and its descendants are destroyed forcibly;
 *   <li>a SecurityManager ({@link SandboxSecurityManager}, {@code -Djava.security.policy==FILE})
 *       whose policy gives the trusted runner and JUnit jars every permission, and the compiled
 *       code of the pull request (its classes directory) only: reading its classes directory,
 *       reading, writing and deleting inside its scratch directory, reading system properties. No
 *       sockets, no other files, no exec, no exit, no environment, no reflection into other
 *       classes' private members.
 * </ul>
 *
 * The child writes its results to a file outside the scratch directory, which the code under test
 * cannot write. Thread-safe: every run has its own directories.
 */
public final class Sandbox {

  /** How a run ended. */
  public enum Outcome {
    COMPLETED,
    TIMEOUT,
    OUT_OF_MEMORY,
    CRASHED
  }

  /**
   * @param lines the result lines the child wrote (see {@link SandboxMain}), also after a timeout
   *     or crash
   * @param exitCode the child's exit code (-1 after a timeout)
   * @param output the last part of the child's standard output and standard error (the JVM reports
   *     running out of memory on standard output)
   */
  public record Run(
      Outcome outcome, List<String> lines, int exitCode, String output, Duration took) {

    /**
     * The child's peak heap use in bytes as it reported it at the end (-1 when it did not get
     * there).
     */
    public long peakHeapBytes() {
      return memory(1);
    }

    /** The child's peak resident set (VmHWM) in bytes as it reported it (-1 when unknown). */
    public long peakRssBytes() {
      return memory(2);
    }

    private long memory(int field) {
      for (String line : lines) {
        String[] f = line.split("\t");
        if (f.length == 3 && f[0].equals("M")) {
          return Long.parseLong(f[field]);
        }
      }
      return -1;
    }
  }

  private static final List<String> TRUSTED_CLASSES =
      List.of(
          "dev.attentive.reviewer.analysis.testgen.SandboxMain",
          "org.junit.platform.launcher.core.LauncherFactory",
          "org.junit.platform.engine.TestEngine",
          "org.junit.platform.commons.util.ReflectionUtils",
          "org.junit.jupiter.engine.JupiterTestEngine",
          "org.junit.jupiter.api.Test",
          "org.opentest4j.AssertionFailedError",
          "org.apiguardian.api.API",
          "org.jspecify.annotations.Nullable");

  private static volatile List<Path> trusted;

  private final Duration timeout;
  private final int maxHeapMb;

  public Sandbox(Duration timeout, int maxHeapMb) {
    this.timeout = timeout;
    this.maxHeapMb = maxHeapMb;
  }

  /**
   * The jars and directories of the runner and of JUnit (the child's classpath before the code
   * under test's).
   */
  public static List<Path> trustedClasspath() {
    List<Path> t = trusted;
    if (t == null) {
      Set<Path> paths = new LinkedHashSet<>();
      for (String name : TRUSTED_CLASSES) {
        try {
          paths.add(locate(Class.forName(name, false, Sandbox.class.getClassLoader())));
        } catch (ClassNotFoundException e) {
          if (!name.startsWith("org.apiguardian") && !name.startsWith("org.jspecify")) {
            throw new IllegalStateException(
                "the tests analyzer needs " + name + " on the classpath", e);
          }
        }
      }
      trusted = t = List.copyOf(paths);
    }
    return t;
  }

  /**
   * The jar or classes directory a class was loaded from (target/classes, a Maven jar,
   * quarkus-app/lib/...).
   */
  static Path locate(Class<?> type) {
    try {
      CodeSource source = type.getProtectionDomain().getCodeSource();
      if (source != null
          && source.getLocation() != null
          && "file".equals(source.getLocation().getProtocol())) {
        return Path.of(source.getLocation().toURI()).toAbsolutePath();
      }
      URL resource = type.getResource(type.getSimpleName() + ".class");
      if (resource != null) {
        String s = resource.toString();
        if (s.startsWith("jar:file:")) {
          return Path.of(new URL(s.substring(4, s.indexOf("!/"))).toURI()).toAbsolutePath();
        }
        if (s.startsWith("file:")) {
          Path file = Path.of(resource.toURI());
          for (int i = 0; i < type.getName().split("\\.").length; i++) {
            file = file.getParent();
          }
          return file.toAbsolutePath();
        }
      }
    } catch (URISyntaxException | IOException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "cannot tell where " + type.getName() + " was loaded from", e);
    }
    throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from");
  }

  /**
   * Runs {@code SandboxMain args...} with {@code classes} (the compiled code under test and its
   * probes or tests) on the classpath. {@code work} must be an empty private directory; the child
   * gets {@code work/scratch}.
   */
  public Run run(Path work, Path classes, List<String> mainArgs)
      throws IOException, InterruptedException {
    Path scratch = Files.createDirectories(work.resolve("scratch"));
    Path out = work.resolve("results.txt");
    Path policy = work.resolve("sandbox.policy");
    Files.writeString(policy, policy(classes, scratch), StandardCharsets.UTF_8);

    List<String> classpath = new ArrayList<>();
    trustedClasspath().forEach(p -> classpath.add(p.toString()));
    classpath.add(classes.toAbsolutePath().toString());

    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(
        List.of(
            "-Xmx" + maxHeapMb + "m",
            "-Xss1m",
            "-XX:ActiveProcessorCount=1",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:+ExitOnOutOfMemoryError",
            "-Xshare:auto",
            "-Dfile.encoding=UTF-8",
            "-Djava.security.manager=" + SandboxSecurityManager.class.getName(),
            "-Djava.security.policy==" + policy.toAbsolutePath(),
            "-Djava.io.tmpdir=" + scratch.toAbsolutePath(),
            "-Duser.home=" + scratch.toAbsolutePath(),
            "-cp",
            String.join(java.io.File.pathSeparator, classpath),
            SandboxMain.class.getName()));
    command.add(mainArgs.get(0));
    command.add(out.toAbsolutePath().toString());
    command.addAll(mainArgs.subList(1, mainArgs.size()));

    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(scratch.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    long start = System.nanoTime();
    Process process = builder.start();
    process.getOutputStream().close();
    OutputTail stdout = OutputTail.drain(process.getInputStream(), "standard output");
    OutputTail stderr = OutputTail.drain(process.getErrorStream(), "standard error");
    Outcome outcome;
    int exit;
    if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      exit = process.exitValue();
      outcome = exit == 0 ? Outcome.COMPLETED : Outcome.CRASHED;
    } else {
      destroyTree(process);
      exit = -1;
      outcome = Outcome.TIMEOUT;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String err = stdout.await() + stderr.await();
    if (outcome == Outcome.CRASHED && err.contains("java.lang.OutOfMemoryError")) {
      outcome = Outcome.OUT_OF_MEMORY;
    }
    List<String> lines =
        Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of();
    return new Run(outcome, lines, exit, err, took);
  }

  private static void destroyTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * The policy: AllPermission for the runner and JUnit, the little listed above for {@code
   * classes}.
   */
  static String policy(Path classes, Path scratch) {
    StringBuilder p =
        new StringBuilder("// written by the Attentive tests analyzer for one sandboxed run\n");
    for (Path t : trustedClasspath()) {
      p.append("grant codeBase \"")
          .append(codeBase(t))
          .append("\" {\n")
          .append("  permission java.security.AllPermission;\n};\n");
    }
    String dir = classes.toAbsolutePath().toString();
    String tmp = scratch.toAbsolutePath().toString();
    p.append("grant codeBase \"")
        .append(codeBase(classes))
        .append("\" {\n")
        .append("  permission java.io.FilePermission \"")
        .append(escape(dir))
        .append("\", \"read\";\n")
        .append("  permission java.io.FilePermission \"")
        .append(escape(dir + "/-"))
        .append("\", \"read\";\n")
        .append("  permission java.io.FilePermission \"")
        .append(escape(tmp))
        .append("\", \"read\";\n")
        .append("  permission java.io.FilePermission \"")
        .append(escape(tmp + "/-"))
        .append("\", \"read,write,delete\";\n")
        .append("  permission java.util.PropertyPermission \"*\", \"read\";\n")
        .append("};\n");
    return p.toString();
  }

  private static String codeBase(Path path) {
    String uri = path.toAbsolutePath().toUri().toString();
    if (Files.isDirectory(path)) {
      uri = (uri.endsWith("/") ? uri : uri + "/") + "-";
    }
    return escape(uri);
  }

  /** Policy files are parsed with property expansion and Java-like string escapes. */
  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$ {");
  }

  /**
   * How much of each of the child's output streams is kept: the last bytes, where errors end up.
   */
  static final int OUTPUT_KEPT_BYTES = 4000;

  /**
   * The last {@link #OUTPUT_KEPT_BYTES} of one output stream of the child, read by a thread of its
   * own. The rest is read and dropped, never written anywhere: code under test that prints without
   * end costs CPU until the time limit, not memory or disk.
   */
  static final class OutputTail {
    private final byte[] ring = new byte[OUTPUT_KEPT_BYTES];
    private final String name;
    private final Thread reader;
    private long total;

    private OutputTail(InputStream in, String name) {
      this.name = name;
      this.reader = new Thread(() -> read(in), "sandbox-" + name.replace(' ', '-'));
      reader.setDaemon(true);
    }

    static OutputTail drain(InputStream in, String name) {
      OutputTail tail = new OutputTail(in, name);
      tail.reader.start();
      return tail;
    }

    private void read(InputStream in) {
      byte[] buffer = new byte[8192];
      try (in) {
        for (int n; (n = in.read(buffer)) != -1; ) {
          append(buffer, n);
        }
      } catch (IOException e) {
        // The child is gone (destroyed after its time limit): keep what came.
      }
    }

    private synchronized void append(byte[] bytes, int length) {
      for (int i = 0; i < length; i++) {
        ring[(int) (total++ % ring.length)] = bytes[i];
      }
    }

    /** What was kept, with a note when more was written; waits briefly for the stream's end. */
    String await() throws InterruptedException {
      reader.join(TimeUnit.SECONDS.toMillis(10));
      synchronized (this) {
        if (total <= ring.length) {
          return new String(ring, 0, (int) total, StandardCharsets.UTF_8);
        }
        int start = (int) (total % ring.length);
        byte[] last = new byte[ring.length];
        System.arraycopy(ring, start, last, 0, ring.length - start);
        System.arraycopy(ring, 0, last, ring.length - start, start);
        return "[sandbox: "
            + (total - ring.length)
            + " earlier bytes of "
            + name
            + " dropped, the last "
            + ring.length
            + " kept]\n"
            + new String(last, StandardCharsets.UTF_8);
      }
    }
  }
}
