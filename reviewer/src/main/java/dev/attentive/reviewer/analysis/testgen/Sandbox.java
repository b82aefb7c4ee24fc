package dev.attentive.reviewer.analysis.testgen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Runs {@link SandboxMain} in a separate, throw-away JVM isolated by the operating system, so that
 * nothing depends on the SecurityManager (gone on Java 24+):
 *
 * <ul>
 *   <li><b>bubblewrap</b> ({@code bwrap}): new PID, network, IPC, UTS and cgroup namespaces (no
 *       network but an unconnected loopback, the reviewer's processes invisible, {@code /proc} only
 *       shows the sandbox), an empty environment, the host's root filesystem read-only, the host's
 *       {@code /tmp}, {@code java.io.tmpdir} and the parent of this run's work directory hidden by
 *       empty file systems (other runs' directories are invisible), the code under test and the
 *       runner's jars bound read-only under {@value #INSIDE}, and as the only writable place a
 *       scratch tmpfs of {@value #SCRATCH_BYTES} bytes that disappears with the run;
 *   <li><b>its own user</b>: when the reviewer is root, the JVM runs as a user of its own ({@link
 *       #FIRST_UID} + n, a different one for every run at once), without capabilities and with
 *       {@code no_new_privs}, so it cannot read what only root may and its process limit is its
 *       own;
 *   <li><b>resource limits</b> ({@code prlimit}): {@code RLIMIT_NPROC} {@value #MAX_TASKS} threads
 *       and processes (a fork or thread bomb ends there), {@code RLIMIT_AS} {@code -Xmx} + {@value
 *       #NATIVE_MB} MiB (native allocations), {@code RLIMIT_CPU} twice the wall-clock limit, {@code
 *       RLIMIT_FSIZE} {@value #SCRATCH_BYTES} bytes, no core dumps; {@code -Xmx} with {@code
 *       -XX:+ExitOnOutOfMemoryError}, bounded metaspace, class space, code cache and direct memory,
 *       one active processor, serial GC, C1 only;
 *   <li>a wall-clock limit, after which the process tree is destroyed forcibly ({@code
 *       --die-with-parent} takes the rest); the JVM is the PID namespace's init ({@code
 *       --as-pid-1}), so what it started is gone when the run ends;
 *   <li>on Java 17-20 also, as defence in depth, a SecurityManager ({@link SandboxSecurityManager},
 *       {@code -Djava.security.policy==FILE}) whose policy gives the trusted runner and JUnit jars
 *       every permission and the compiled code of the pull request only reading its classes and
 *       reading and writing its scratch directory. On 21+ bubblewrap and the limits alone apply.
 * </ul>
 *
 * <p>Results: the child writes them to file descriptor 3, which {@code sh} opens on {@code
 * work/results.txt} before {@code exec}-ing into the sandbox. The file has no path inside the
 * sandbox (the work directory is hidden), so code under test cannot find it by name; on Java 17-20
 * the SecurityManager also denies it the descriptor. On 21+ the code under test shares the JVM with
 * the runner and could write the descriptor: it can then forge its own run's results (the review of
 * its own pull request), never another run's, and its size is bounded by {@code RLIMIT_FSIZE}.
 *
 * <p>Speed: a JVM is started waiting for its job on standard input ({@link SandboxMain#WAIT}),
 * having loaded the runner and the JUnit Platform meanwhile. A pooled sandbox ({@link #shared})
 * keeps {@value #POOL_SIZE} of them started, each in its own directory (bound read-only under
 * {@value #INSIDE} as any run's), so a run costs only its job; the job's classes are copied into
 * the waiting JVM's directory before the job is sent. No JVM ever runs a second job: scratch,
 * statics and threads of one job are gone with it. A waiting JVM dies with the reviewer ({@code
 * --die-with-parent}; they are started by one long-lived thread, as that option follows the
 * starting thread). Its wall-clock limit starts with the job; its CPU limit counts the start too.
 *
 * <p>Thread-safe: every run has its own directories and user.
 */
public final class Sandbox {

  /** How a run ended. */
  public enum Outcome {
    COMPLETED,
    TIMEOUT,
    OUT_OF_MEMORY,
    CRASHED,
    /** The code under test ended the JVM ({@code System.exit}) before the runner finished. */
    EXITED,
    /** The sandbox could not be set up (no bubblewrap, no user namespaces...): nothing ran. */
    UNAVAILABLE
  }

  /**
   * @param lines the result lines the child wrote (see {@link SandboxMain}), also after a timeout
   *     or crash
   * @param exitCode the child's exit code (-1 after a timeout or when it did not start)
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

  private static final System.Logger LOG = System.getLogger(Sandbox.class.getName());

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

  /** Where the run's files appear inside the sandbox. */
  static final String INSIDE = "/tmp/attentive";

  /** The size of the scratch tmpfs and the largest file the child may write. */
  static final long SCRATCH_BYTES = 64L << 20;

  /** Threads and processes of one sandboxed JVM (a JVM with JUnit needs about 20). */
  static final int MAX_TASKS = 128;

  /** Address space beyond the heap: metaspace, class space, code cache, stacks, malloc. */
  static final int NATIVE_MB = 768;

  /**
   * The first of the users sandboxed JVMs run as when the reviewer is root; far above real ones.
   */
  static final int FIRST_UID = 1_900_000_000;

  private static final int UIDS = 1 << 16;
  private static final AtomicInteger NEXT_UID = new AtomicInteger();

  private final Duration timeout;
  private final int maxHeapMb;
  private final Path javaHome;

  /** Pre-started JVMs kept waiting for a job (0: every run starts its own when it comes). */
  private final int poolSize;

  private final BlockingQueue<Started> idle = new LinkedBlockingQueue<>();
  private final AtomicInteger starting = new AtomicInteger();
  private final AtomicInteger started = new AtomicInteger();
  private volatile Path poolRoot;

  /**
   * Starts the pooled JVMs: one long-lived thread, because {@code --die-with-parent} ties a sandbox
   * to the thread that started it, not only to this process.
   */
  private static final ExecutorService STARTER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "sandbox-pool-starter");
            t.setDaemon(true);
            return t;
          });

  private static final Map<List<Object>, Sandbox> SHARED = new ConcurrentHashMap<>();

  /** JVMs a {@link #shared} sandbox keeps started and waiting for their one job. */
  static final int POOL_SIZE = 2;

  public Sandbox(Duration timeout, int maxHeapMb) {
    this(timeout, maxHeapMb, null);
  }

  /**
   * @param javaHome the JDK whose {@code bin/java} runs the code under test; null: the reviewer's
   *     own
   */
  public Sandbox(Duration timeout, int maxHeapMb, Path javaHome) {
    this(timeout, maxHeapMb, javaHome, 0);
  }

  /**
   * @param poolSize how many sandboxed JVMs to keep started (bubblewrap, limits, JVM booted, the
   *     runner and JUnit loaded), each waiting for one job and thrown away after it; the pool is
   *     filled at the first {@link #run} and refilled in the background after each. 0: no pool.
   */
  public Sandbox(Duration timeout, int maxHeapMb, Path javaHome, int poolSize) {
    this.timeout = timeout;
    this.maxHeapMb = maxHeapMb;
    this.javaHome = javaHome == null ? Path.of(System.getProperty("java.home")) : javaHome;
    this.poolSize = Math.max(0, poolSize);
  }

  /**
   * The pooled sandbox of this JVM for these settings ({@value #POOL_SIZE} JVMs kept waiting),
   * created at the first call; its pool starts with its first run.
   */
  public static Sandbox shared(Duration timeout, int maxHeapMb, Path javaHome) {
    Path home = javaHome == null ? Path.of(System.getProperty("java.home")) : javaHome;
    return SHARED.computeIfAbsent(
        List.of(timeout, maxHeapMb, home), k -> new Sandbox(timeout, maxHeapMb, home, POOL_SIZE));
  }

  /** The sandboxed JVM's feature version (17, 25...), from its {@code release} file. */
  public static int featureVersion(Path javaHome) throws IOException {
    for (String line : Files.readAllLines(javaHome.resolve("release"))) {
      if (line.startsWith("JAVA_VERSION=")) {
        String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
        String first = v.split("[.+-]")[0];
        return Integer.parseInt(first.equals("1") ? v.split("\\.")[1] : first);
      }
    }
    throw new IOException("no JAVA_VERSION in " + javaHome.resolve("release"));
  }

  /**
   * Why sandboxed runs cannot happen on this machine (bubblewrap or prlimit missing, user
   * namespaces not allowed...), or empty when they can. Checked by starting {@code bwrap} once.
   */
  public static Optional<String> problem() {
    String p = problem;
    if (p == null) {
      problem = p = checkTools();
    }
    return p.isEmpty() ? Optional.empty() : Optional.of(p);
  }

  private static volatile String problem;

  private static String checkTools() {
    List<String> missing = new ArrayList<>();
    for (String tool :
        root() ? List.of("bwrap", "prlimit", "setpriv") : List.of("bwrap", "prlimit")) {
      if (executable(tool) == null) {
        missing.add(tool);
      }
    }
    if (!missing.isEmpty()) {
      return "the tests sandbox needs "
          + String.join(", ", missing)
          + " on the PATH (Debian: apt-get install -y bubblewrap util-linux; bin/test does it)";
    }
    try {
      Process p =
          new ProcessBuilder(
                  executable("bwrap").toString(),
                  "--unshare-all",
                  "--die-with-parent",
                  "--ro-bind",
                  "/",
                  "/",
                  "--proc",
                  "/proc",
                  "/bin/true")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        return "bubblewrap cannot create a sandbox here (user namespaces disallowed?): "
            + out.strip();
      }
    } catch (IOException e) {
      return "bubblewrap cannot be started: " + e.getMessage();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while checking bubblewrap";
    }
    return "";
  }

  static Path executable(String name) {
    String path = System.getenv().getOrDefault("PATH", "");
    List<String> dirs = new ArrayList<>(List.of(path.split(java.io.File.pathSeparator)));
    dirs.addAll(List.of("/usr/bin", "/bin", "/usr/sbin", "/sbin"));
    for (String dir : dirs) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return candidate;
        }
      }
    }
    return null;
  }

  /** Whether this JVM runs as root: then sandboxed JVMs get users of their own. */
  static boolean root() {
    try {
      return ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
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
   * probes or tests) on the classpath. {@code work} must be an empty private directory; it is
   * invisible to the child, which gets a fresh scratch directory. With a pool, a pre-started JVM
   * takes the job (the classes are copied into its own directory, bound read-only at the same
   * place); every JVM runs one job and is thrown away.
   */
  public Run run(Path work, Path classes, List<String> mainArgs)
      throws IOException, InterruptedException {
    Optional<String> unavailable = problem();
    if (unavailable.isEmpty() && !Files.isExecutable(javaHome.resolve("bin/java"))) {
      unavailable = Optional.of("no JDK at " + javaHome + " (attentive.reviewer.tests.java-home)");
    }
    if (unavailable.isPresent()) {
      return new Run(Outcome.UNAVAILABLE, List.of(), -1, unavailable.get(), Duration.ZERO);
    }
    Started jvm = poolSize > 0 ? takeWarm() : null;
    if (jvm == null) {
      // no JVM waiting: one started for this job, which it gets as arguments (nothing to preload)
      jvm =
          start(Files.createDirectories(work.toAbsolutePath()), classes.toAbsolutePath(), mainArgs);
      return jvm.job(null);
    }
    try {
      copyTree(classes, jvm.classes);
      return jvm.job(mainArgs);
    } finally {
      deleteTree(jvm.work);
    }
  }

  /** How many JVMs this sandbox started, pooled or not. */
  public int started() {
    return started.get();
  }

  /** How many pre-started JVMs wait for a job now. */
  public int idle() {
    return idle.size();
  }

  /** The process ids of the pre-started JVMs waiting now (their bubblewrap processes). */
  List<Long> idlePids() {
    return idle.stream().map(s -> s.process.pid()).toList();
  }

  /** Fills the pool now, waiting at most {@code wait} until it is full (for tests, benchmarks). */
  public boolean warmUp(Duration wait) throws InterruptedException {
    refill();
    long deadline = System.nanoTime() + wait.toNanos();
    while (idle.size() < poolSize && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    return idle.size() >= poolSize;
  }

  /** Ends the waiting JVMs; a later {@link #run} starts the pool again. */
  public void close() {
    for (Started s; (s = idle.poll()) != null; ) {
      s.discard();
    }
  }

  private Started takeWarm() {
    Started jvm;
    while ((jvm = idle.poll()) != null && !jvm.process.isAlive()) {
      jvm.discard(); // ended while waiting (killed from outside): never hand it a job
    }
    refill();
    return jvm;
  }

  private synchronized void refill() {
    while (idle.size() + starting.get() < poolSize) {
      starting.incrementAndGet();
      STARTER.execute(
          () -> {
            try {
              Path slot = Files.createTempDirectory(poolRoot(), "job-");
              idle.add(start(slot, Files.createDirectories(slot.resolve("classes")), null));
            } catch (Throwable e) {
              // the next run starts its own JVM and says what went wrong; this thread must live on
              LOG.log(System.Logger.Level.WARNING, () -> "cannot pre-start a sandbox: " + e);
            } finally {
              starting.decrementAndGet();
            }
          });
    }
  }

  private Path poolRoot() throws IOException {
    Path root = poolRoot;
    if (root == null) {
      synchronized (this) {
        if (poolRoot == null) {
          poolRoot = Files.createTempDirectory("attentive-sandbox-pool-");
          Runtime.getRuntime().addShutdownHook(new Thread(() -> close(), "sandbox-pool-shutdown"));
        }
        root = poolRoot;
      }
    }
    return root;
  }

  /**
   * Starts a sandboxed JVM on {@code classes} for the job {@code mainArgs}, or, when null, one that
   * waits for its job on standard input (the runner and JUnit load meanwhile). Its wall-clock limit
   * starts with {@link Started#job}.
   */
  private Started start(Path work, Path classes, List<String> mainArgs) throws IOException {
    started.incrementAndGet();
    Path out = work.resolve("results.txt");
    Files.deleteIfExists(out);
    Files.createFile(out);
    boolean asRoot = root();
    List<String> command = new ArrayList<>();
    // fd 3 on the results file, opened here, outside the sandbox (see the class comment)
    command.addAll(List.of("/bin/sh", "-c", "exec 3>>\"$0\" && exec \"$@\"", out.toString()));
    command.addAll(limits(asRoot));
    command.addAll(bubblewrap(work, classes, asRoot));
    if (asRoot) {
      int uid = FIRST_UID + Math.floorMod(NEXT_UID.getAndIncrement(), UIDS);
      Files.setAttribute(out, "unix:uid", uid);
      command.addAll(
          List.of(
              executable("setpriv").toString(),
              "--reuid=" + uid,
              "--regid=" + uid,
              "--clear-groups",
              "--inh-caps=-all",
              "--bounding-set=-all",
              "--"));
    }
    command.addAll(java(work, classes));
    command.add(SandboxMain.class.getName());
    if (mainArgs == null) {
      command.add(SandboxMain.WAIT);
      command.add("/dev/fd/3");
    } else {
      command.add(mainArgs.get(0));
      command.add("/dev/fd/3");
      command.addAll(mainArgs.subList(1, mainArgs.size()));
    }

    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectInput(ProcessBuilder.Redirect.PIPE);
    builder.environment().clear();
    Process process = builder.start();
    return new Started(
        process,
        work,
        classes,
        out,
        OutputTail.drain(process.getInputStream(), "standard output"),
        OutputTail.drain(process.getErrorStream(), "standard error"));
  }

  /** A sandboxed JVM started and waiting for its one job. */
  private final class Started {
    final Process process;
    final Path work;
    final Path classes;
    final Path out;
    final OutputTail stdout;
    final OutputTail stderr;

    Started(
        Process process, Path work, Path classes, Path out, OutputTail stdout, OutputTail stderr) {
      this.process = process;
      this.work = work;
      this.classes = classes;
      this.out = out;
      this.stdout = stdout;
      this.stderr = stderr;
    }

    /**
     * Sends the job (one line, arguments separated by tabs; null: it has it already) and waits for
     * the JVM to end.
     */
    Run job(List<String> mainArgs) throws IOException, InterruptedException {
      long start = System.nanoTime();
      try (OutputStream in = process.getOutputStream()) {
        if (mainArgs != null) {
          in.write((String.join("\t", mainArgs) + "\n").getBytes(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // the JVM is gone already: its exit code and output say why
      }
      Outcome outcome;
      int exit;
      if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        exit = process.exitValue();
        outcome = null;
      } else {
        destroyTree(process);
        exit = -1;
        outcome = Outcome.TIMEOUT;
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      String err = stdout.await() + stderr.await();
      List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
      if (outcome == null) {
        outcome = outcome(exit, lines, err);
      }
      return new Run(outcome, lines, exit, err, took);
    }

    void discard() {
      try {
        destroyTree(process);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      deleteTree(work);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      LOG.log(System.Logger.Level.DEBUG, () -> "cannot delete " + root + ": " + e);
    }
  }

  /** How a run that ended by itself ended. */
  static Outcome outcome(int exit, List<String> lines, String output) {
    boolean ended = !lines.isEmpty() && lines.get(lines.size() - 1).equals("END");
    if (exit == 0 && ended) {
      return Outcome.COMPLETED;
    }
    if (exit != 0 && output.contains("java.lang.OutOfMemoryError")) {
      return Outcome.OUT_OF_MEMORY;
    }
    if (exit == 0 || lines.contains(SandboxMain.EXITED)) {
      return Outcome.EXITED;
    }
    if (exit == 128 + 24) { // SIGXCPU: RLIMIT_CPU, threads burning CPU in parallel
      return Outcome.TIMEOUT;
    }
    return Outcome.CRASHED;
  }

  /** {@code prlimit} and its limits (see the class comment). */
  private List<String> limits(boolean asRoot) {
    long cpuSeconds = Math.max(10, 2 * timeout.toSeconds());
    // RLIMIT_NPROC counts all tasks of a user: its own user's when the reviewer is root, else the
    // reviewer's, so then the tasks the reviewer's user has now are allowed on top
    long tasks = asRoot ? MAX_TASKS : userTasks() + MAX_TASKS;
    return List.of(
        executable("prlimit").toString(),
        "--nproc=" + tasks,
        "--as=" + ((long) maxHeapMb + NATIVE_MB) * 1024 * 1024,
        "--cpu=" + cpuSeconds,
        "--fsize=" + SCRATCH_BYTES,
        "--core=0",
        "--nofile=1024",
        "--");
  }

  /** {@code bwrap} and its namespaces, mounts and environment (see the class comment). */
  private List<String> bubblewrap(Path work, Path classes, boolean asRoot) throws IOException {
    List<String> b = new ArrayList<>(List.of(executable("bwrap").toString()));
    if (!asRoot) {
      b.add("--unshare-user");
      b.add("--disable-userns");
    }
    b.addAll(
        List.of(
            "--unshare-ipc",
            "--unshare-pid",
            "--unshare-net",
            "--unshare-uts",
            "--unshare-cgroup-try",
            "--hostname",
            "sandbox",
            "--die-with-parent",
            // the JVM is the namespace's init: when it ends, the kernel kills what is left before
            // bwrap returns (bwrap's own init reports the exit status before that)
            "--as-pid-1",
            "--new-session",
            "--clearenv",
            // glibc's per-thread malloc arenas would reserve the address space limit away
            "--setenv",
            "MALLOC_ARENA_MAX",
            "2",
            "--ro-bind",
            "/",
            "/",
            "--dev",
            "/dev",
            "--proc",
            "/proc",
            "--size",
            "1048576",
            "--tmpfs",
            "/tmp"));
    for (Path hidden :
        new LinkedHashSet<>(
            List.of(
                Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize(),
                work.getParent()))) {
      if (!hidden.startsWith("/tmp") && hidden.getNameCount() >= 2) {
        b.addAll(List.of("--tmpfs", hidden.toString()));
      }
    }
    b.addAll(
        List.of("--perms", "0755", "--dir", INSIDE, "--perms", "0755", "--dir", INSIDE + "/lib"));
    b.addAll(List.of("--ro-bind", classes.toAbsolutePath().toString(), INSIDE + "/classes"));
    List<Path> lib = trustedClasspath();
    for (int i = 0; i < lib.size(); i++) {
      b.addAll(List.of("--ro-bind", lib.get(i).toString(), inside(lib.get(i), i)));
    }
    if (securityManager()) {
      Path policy = work.resolve("sandbox.policy");
      Files.writeString(policy, policy(), StandardCharsets.UTF_8);
      b.addAll(List.of("--ro-bind", policy.toString(), INSIDE + "/sandbox.policy"));
    }
    b.addAll(
        List.of(
            "--size",
            String.valueOf(SCRATCH_BYTES),
            "--perms",
            "0777",
            "--tmpfs",
            INSIDE + "/scratch",
            "--remount-ro",
            "/tmp",
            "--chdir",
            INSIDE + "/scratch"));
    if (asRoot) {
      // for setpriv, which drops them all with root
      b.addAll(
          List.of(
              "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--cap-add", "CAP_SETPCAP"));
    }
    b.add("--");
    return b;
  }

  /** A trusted classpath entry's path inside the sandbox. */
  private static String inside(Path entry, int index) {
    return INSIDE + "/lib/" + index + (Files.isDirectory(entry) ? "" : ".jar");
  }

  /** Whether the sandboxed JVM also gets the SecurityManager: on Java 17-20. */
  private boolean securityManager() throws IOException {
    return featureVersion(javaHome) < 21;
  }

  private List<String> java(Path work, Path classes) throws IOException {
    List<String> classpath = new ArrayList<>();
    List<Path> lib = trustedClasspath();
    for (int i = 0; i < lib.size(); i++) {
      classpath.add(inside(lib.get(i), i));
    }
    classpath.add(INSIDE + "/classes");
    List<String> command = new ArrayList<>();
    command.add(javaHome.resolve("bin/java").toString());
    command.addAll(jvmFlags(maxHeapMb));
    if (securityManager()) {
      command.add("-Djava.security.manager=" + SandboxSecurityManager.class.getName());
      command.add("-Djava.security.policy==" + INSIDE + "/sandbox.policy");
    }
    command.addAll(
        List.of(
            "-Djava.io.tmpdir=" + INSIDE + "/scratch",
            "-Duser.home=" + INSIDE + "/scratch",
            "-cp",
            String.join(java.io.File.pathSeparator, classpath)));
    return command;
  }

  /** The sandboxed JVM's limits and settings as flags (see the class comment). */
  static List<String> jvmFlags(int maxHeapMb) {
    return List.of(
        "-Xmx" + maxHeapMb + "m",
        "-Xss1m",
        "-XX:MaxMetaspaceSize=128m",
        "-XX:CompressedClassSpaceSize=64m",
        "-XX:ReservedCodeCacheSize=48m",
        "-XX:MaxDirectMemorySize=32m",
        "-XX:ActiveProcessorCount=1",
        "-XX:+UseSerialGC",
        "-XX:TieredStopAtLevel=1",
        "-XX:+ExitOnOutOfMemoryError",
        "-Xshare:auto",
        "-Dfile.encoding=UTF-8");
  }

  /** The tasks (threads) of this JVM's user now, from /proc. */
  static long userTasks() {
    long count = 0;
    try (DirectoryStream<Path> procs =
        Files.newDirectoryStream(
            Path.of("/proc"), p -> p.getFileName().toString().matches("[0-9]+"))) {
      Object me = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
      for (Path p : procs) {
        try (Stream<Path> tasks = Files.list(p.resolve("task"))) {
          if (me.equals(Files.getAttribute(p, "unix:uid"))) {
            count += tasks.count();
          }
        } catch (IOException | UncheckedIOException e) {
          // gone meanwhile
        }
      }
    } catch (IOException | UnsupportedOperationException e) {
      // not Linux: prlimit is not there either
    }
    return count;
  }

  private static void destroyTree(Process process) throws InterruptedException {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  /**
   * The policy, in the sandbox's paths: AllPermission for the runner and JUnit, the little listed
   * above for the classes under test.
   */
  static String policy() {
    StringBuilder p =
        new StringBuilder("// written by the Attentive tests analyzer for one sandboxed run\n");
    List<Path> lib = trustedClasspath();
    for (int i = 0; i < lib.size(); i++) {
      p.append("grant codeBase \"")
          .append(codeBase(inside(lib.get(i), i), Files.isDirectory(lib.get(i))))
          .append("\" {\n")
          .append("  permission java.security.AllPermission;\n};\n");
    }
    String dir = INSIDE + "/classes";
    String tmp = INSIDE + "/scratch";
    p.append("grant codeBase \"")
        .append(codeBase(dir, true))
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

  private static String codeBase(String path, boolean directory) {
    String uri = Path.of(path).toUri().toString();
    if (directory) {
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
