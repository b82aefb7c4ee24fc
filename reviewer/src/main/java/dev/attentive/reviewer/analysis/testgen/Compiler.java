package dev.attentive.reviewer.analysis.testgen;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * javac in this JVM ({@link ToolProvider#getSystemJavaCompiler()}), with annotation processing off:
 * compiling code from a pull request then runs none of it.
 *
 * <p>Speed: one compiler for the JVM and a small pool of {@link StandardJavaFileManager}s reused
 * across compilations, one per compilation at a time (they are not thread-safe), so the JDK's
 * module image and the trusted jars (JUnit...) are opened and indexed once per file manager, not
 * once per compilation. Compilations whose result depends only on their sources (an empty output
 * directory, a classpath of jars only) are cached by the content hash of the sources: the class
 * files of a source set seen before (a base version, an unchanged dependency) are written back
 * instead of compiled again. The cache is bounded ({@value #CACHE_BYTES} bytes of class files,
 * least recently used first out).
 */
final class Compiler {

  /** What a compilation said: ok, or the errors per source file (absolute path → first error). */
  record Result(boolean ok, Map<Path, String> errors) {
    String firstError() {
      return errors.values().stream().findFirst().orElse("javac failed");
    }
  }

  /** The class files one cached compilation wrote (path relative to the output → bytes). */
  private record Compiled(Map<String, byte[]> classes, long bytes) {}

  /** Upper bound of the class files kept in the cache. */
  static final long CACHE_BYTES = 16L << 20;

  /** File managers kept for reuse; more compilations at once get a throw-away one. */
  private static final int IDLE_FILE_MANAGERS =
      Math.max(2, Runtime.getRuntime().availableProcessors());

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
  private static final BlockingQueue<StandardJavaFileManager> IDLE =
      new LinkedBlockingQueue<>(IDLE_FILE_MANAGERS);

  private static final Map<String, Compiled> CACHE = new LinkedHashMap<>(64, 0.75f, true);
  private static long cachedBytes;
  private static long hits;

  private static final List<String> OPTIONS =
      List.of("-proc:none", "-nowarn", "-Xlint:none", "-g", "-encoding", "UTF-8", "-implicit:none");

  /**
   * With a source path the classes javac reads from it are written into the output too: the sandbox
   * loads them from there.
   */
  private static final List<String> SOURCE_PATH_OPTIONS =
      List.of(
          "-proc:none", "-nowarn", "-Xlint:none", "-g", "-encoding", "UTF-8", "-implicit:class");

  private static final List<String> CHECK_OPTIONS =
      Stream.concat(OPTIONS.stream(), Stream.of("-XDshould-stop.ifNoError=FLOW")).toList();

  private Compiler() {}

  static boolean available() {
    return JAVAC != null;
  }

  /** Compiles {@code sources} into {@code out} against {@code classpath}. */
  static Result compile(List<Path> sources, Path out, List<Path> classpath) throws IOException {
    return compile(sources, out, classpath, List.of());
  }

  /**
   * Compiles {@code sources} into {@code out} against {@code classpath}; javac looks for the other
   * classes they need on {@code sourcePath} (empty: on the classpath only), compiles only the
   * classes it uses there and writes their class files into {@code out} too (the sandbox loads them
   * from there).
   */
  static Result compile(List<Path> sources, Path out, List<Path> classpath, List<Path> sourcePath)
      throws IOException {
    return compile(sources, out, classpath, sourcePath, false);
  }

  /**
   * Whether {@code sources} compile together against {@code classpath}, checked only: javac stops
   * after attribution and flow analysis (all its errors are found there) and writes no class file.
   * About a third cheaper than {@link #compile} where only the verdict counts.
   */
  static Result check(List<Path> sources, List<Path> classpath, Path scratch) throws IOException {
    return compile(sources, scratch, classpath, List.of(), true);
  }

  private static Result compile(
      List<Path> sources, Path out, List<Path> classpath, List<Path> sourcePath, boolean checkOnly)
      throws IOException {
    if (JAVAC == null) {
      throw new IllegalStateException(
          "no Java compiler in this runtime: the tests analyzer needs a JDK, not a JRE");
    }
    Files.createDirectories(out);
    String key = checkOnly ? null : cacheKey(sources, out, classpath, sourcePath);
    if (key != null && restore(key, out)) {
      return new Result(true, Map.of());
    }
    List<Path> cp = new ArrayList<>(classpath);
    cp.add(out);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StandardJavaFileManager files = IDLE.poll();
    if (files == null) {
      files = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
    }
    boolean reusable = false;
    try {
      // every location a compilation depends on is set each time: nothing of the last one stays
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(out));
      files.setLocationFromPaths(StandardLocation.CLASS_PATH, cp);
      if (sourcePath.isEmpty()) {
        files.setLocation(StandardLocation.SOURCE_PATH, null); // null: javac's default, none
      } else {
        files.setLocationFromPaths(StandardLocation.SOURCE_PATH, sourcePath);
      }
      StringWriter log = new StringWriter();
      boolean ok =
          JAVAC
              .getTask(
                  log,
                  files,
                  diagnostics,
                  checkOnly ? CHECK_OPTIONS : sourcePath.isEmpty() ? OPTIONS : SOURCE_PATH_OPTIONS,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      reusable = true;
      Map<Path, String> errors = new LinkedHashMap<>();
      for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
        if (d.getKind() == Diagnostic.Kind.ERROR) {
          Path source =
              d.getSource() == null ? out : Path.of(d.getSource().toUri()).toAbsolutePath();
          errors.putIfAbsent(
              source,
              source.getFileName()
                  + ":"
                  + d.getLineNumber()
                  + ": "
                  + Render.oneLine(d.getMessage(Locale.ROOT)));
        }
      }
      if (!ok && errors.isEmpty()) {
        errors.put(out, Render.oneLine(log.toString()));
      }
      if (ok && key != null) {
        remember(key, out);
      }
      return new Result(ok, errors);
    } finally {
      files.flush(); // drops what it read of this compilation's sources, keeps the opened jars
      // a file manager a compilation failed inside of is not trusted to be in a clean state
      if (!reusable || !IDLE.offer(files)) {
        files.close();
      }
    }
  }

  /** Forgets the cached compilations (benchmarks measure a source set's first compilation). */
  static synchronized void clearCache() {
    CACHE.clear();
    cachedBytes = 0;
  }

  /** How many compilations the cache answered since this JVM started. */
  static synchronized long cacheHits() {
    return hits;
  }

  /**
   * The content hash of a compilation whose result depends only on its inputs, or null: its output
   * directory must be empty (nothing compiled earlier is visible to it) and its class- and source
   * path entries regular files (jars, not directories that change).
   */
  private static String cacheKey(
      List<Path> sources, Path out, List<Path> classpath, List<Path> sourcePath)
      throws IOException {
    try (Stream<Path> entries = Files.list(out)) {
      if (entries.findAny().isPresent()) {
        return null;
      }
    }
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    for (Path entry : classpath) {
      if (!Files.isRegularFile(entry)) {
        return null;
      }
      update(sha, "cp " + entry.toAbsolutePath() + " " + Files.size(entry));
      update(sha, " " + Files.getLastModifiedTime(entry).toMillis());
    }
    for (Path entry : sourcePath) {
      if (!Files.isRegularFile(entry)) {
        return null;
      }
      update(sha, "sp " + entry.toAbsolutePath());
      sha.update(Files.readAllBytes(entry));
    }
    // the file names matter (a public class must match its file), their directories do not
    for (Path source : sources) {
      update(sha, "src " + source.getFileName() + " ");
      sha.update(Files.readAllBytes(source));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static void update(MessageDigest sha, String text) {
    sha.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static boolean restore(String key, Path out) throws IOException {
    Compiled compiled;
    synchronized (Compiler.class) {
      compiled = CACHE.get(key);
      if (compiled == null) {
        return false;
      }
      hits++;
    }
    for (Map.Entry<String, byte[]> e : compiled.classes().entrySet()) {
      Path file = out.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, e.getValue());
    }
    return true;
  }

  private static void remember(String key, Path out) throws IOException {
    Map<String, byte[]> classes = new LinkedHashMap<>();
    long bytes = 0;
    try (Stream<Path> files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        byte[] content = Files.readAllBytes(file);
        classes.put(out.relativize(file).toString(), content);
        bytes += content.length;
      }
    }
    if (bytes > CACHE_BYTES / 4) {
      return;
    }
    synchronized (Compiler.class) {
      Compiled old = CACHE.put(key, new Compiled(Map.copyOf(classes), bytes));
      cachedBytes += bytes - (old == null ? 0 : old.bytes());
      var eldest = CACHE.entrySet().iterator();
      while (cachedBytes > CACHE_BYTES && eldest.hasNext()) {
        cachedBytes -= eldest.next().getValue().bytes();
        eldest.remove();
      }
    }
  }
}
