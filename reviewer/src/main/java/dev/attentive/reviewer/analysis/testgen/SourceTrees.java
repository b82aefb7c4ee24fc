package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.reviewer.analysis.SourceContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The source trees javac's {@code -sourcepath} reads: a repository's files written under a
 * directory by their package (a file's place in the repository says nothing reliable about its
 * source root), and what a failed compilation says about what was missing.
 */
final class SourceTrees {

  private static final Pattern PACKAGE =
      Pattern.compile(
          "^\\s*package\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*(?:\\s*\\.\\s*[\\p{L}_$][\\p{L}\\p{N}_$]*)*)\\s*;",
          Pattern.MULTILINE);
  private static final Pattern MISSING_PACKAGE = Pattern.compile("package (\\S+) does not exist");
  private static final Pattern JAVA_NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*\\.java");

  private SourceTrees() {}

  /**
   * Writes {@code files} (path → text; {@code overrides} replace files of the same path) under
   * {@code root} by their package; {@code skip} (the changed file, compiled explicitly) and names
   * that are not Java class files are left out.
   */
  static void write(
      Path root, Map<String, String> overrides, Map<String, String> files, String skip)
      throws IOException {
    Map<String, String> all = new LinkedHashMap<>(files);
    all.putAll(overrides);
    for (Map.Entry<String, String> e : all.entrySet()) {
      String path = e.getKey();
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (path.equals(skip) || !JAVA_NAME.matcher(name).matches()) {
        continue;
      }
      Path dir = root;
      String pkg = packageOf(e.getValue());
      if (!pkg.isEmpty()) {
        dir = dir.resolve(pkg.replace('.', '/'));
      }
      Files.createDirectories(dir);
      Path file = dir.resolve(name);
      if (!Files.exists(file)) { // two files of one class: the first one listed wins
        Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
      }
    }
  }

  /** The package a source declares; "" for the default package. */
  static String packageOf(String source) {
    Matcher m = PACKAGE.matcher(source);
    return m.find() ? m.group(1).replaceAll("\\s", "") : "";
  }

  /**
   * Why the changed file did not compile, for its methods' "not verified" note. Compiled on its own
   * (no repository files known), any error may be a missing neighbour; with the repository around
   * it, a package that does not exist is a dependency from outside the repository, named.
   */
  static String compileProblem(String fileName, SourceContext sources, Collection<String> errors) {
    String first = errors.stream().findFirst().orElse("javac failed");
    if (sources.isEmpty()) {
      return fileName + " does not compile on its own (" + first + ")";
    }
    TreeSet<String> missing = new TreeSet<>();
    for (String error : errors) {
      Matcher m = MISSING_PACKAGE.matcher(error);
      while (m.find()) {
        missing.add(m.group(1));
      }
    }
    if (!missing.isEmpty()) {
      return fileName
          + " needs "
          + String.join(", ", missing)
          + ", not on the source path (a dependency from outside the repository: it is there only"
          + " when the project's classpath is given)";
    }
    return fileName + " does not compile with the repository files around it (" + first + ")";
  }
}
