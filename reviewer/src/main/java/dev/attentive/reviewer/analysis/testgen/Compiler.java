package dev.attentive.reviewer.analysis.testgen;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * javac in this JVM ({@link ToolProvider#getSystemJavaCompiler()}), with annotation processing off:
 * compiling code from a pull request then runs none of it.
 */
final class Compiler {

  /** What a compilation said: ok, or the errors per source file (absolute path → first error). */
  record Result(boolean ok, Map<Path, String> errors) {
    String firstError() {
      return errors.values().stream().findFirst().orElse("javac failed");
    }
  }

  private Compiler() {}

  static boolean available() {
    return ToolProvider.getSystemJavaCompiler() != null;
  }

  /** Compiles {@code sources} into {@code out} against {@code classpath}. */
  static Result compile(List<Path> sources, Path out, List<Path> classpath) throws IOException {
    return compile(sources, out, classpath, List.of());
  }

  /**
   * As {@link #compile(List, Path, List)}, with a source path: javac reads from it only the classes
   * {@code sources} need, and writes their class files into {@code out} too (the sandbox loads them
   * from there).
   */
  static Result compile(List<Path> sources, Path out, List<Path> classpath, List<Path> sourcepath)
      throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    if (javac == null) {
      throw new IllegalStateException(
          "no Java compiler in this runtime: the tests analyzer needs a JDK, not a JRE");
    }
    Files.createDirectories(out);
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files =
        javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-proc:none",
                  "-nowarn",
                  "-Xlint:none",
                  "-g",
                  "-encoding",
                  "UTF-8",
                  "-d",
                  out.toString(),
                  sourcepath.isEmpty() ? "-implicit:none" : "-implicit:class"));
      if (!sourcepath.isEmpty()) {
        options.add("-sourcepath");
        options.add(
            String.join(
                java.io.File.pathSeparator, sourcepath.stream().map(Path::toString).toList()));
      }
      List<String> cp = new ArrayList<>();
      classpath.forEach(p -> cp.add(p.toString()));
      cp.add(out.toString());
      options.add("-cp");
      options.add(String.join(java.io.File.pathSeparator, cp));
      StringWriter log = new StringWriter();
      boolean ok =
          javac
              .getTask(
                  log,
                  files,
                  diagnostics,
                  options,
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
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
      return new Result(ok, errors);
    }
  }
}
