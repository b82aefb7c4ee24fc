package dev.attentive.reviewer.cli;

import dev.attentive.reviewer.analysis.SourceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A local checkout as the tests analyzer's source path: its source roots (the directory above each
 * Java file's package directories, {@code src/main/java} and the like), main sources before test
 * sources, and the project's classpath when given ({@code --classpath}, e.g. from {@code mvn
 * dependency:build-classpath}).
 */
final class CheckoutSources {

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.\\s]+?)\\s*;", Pattern.MULTILINE);

  /** Build output, dependencies and VCS data: never sources of the project. */
  private static final Set<String> SKIPPED =
      Set.of(".git", "target", "build", "out", "node_modules", ".gradle", ".idea", ".mvn");

  private CheckoutSources() {}

  static SourceContext of(Path checkout, List<Path> classpath) throws IOException {
    return new SourceContext(Map.of(), Map.of(), roots(checkout), classpath);
  }

  /** The checkout's source roots, main before test, each once. */
  static List<Path> roots(Path checkout) throws IOException {
    Set<Path> roots = new LinkedHashSet<>();
    Set<Path> seenDirectories = new LinkedHashSet<>();
    Files.walkFileTree(
        checkout,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
            return !dir.equals(checkout) && SKIPPED.contains(dir.getFileName().toString())
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
            // One file per directory tells its root: the others share its package.
            if (file.toString().endsWith(".java") && seenDirectories.add(file.getParent())) {
              Path root = rootOf(file);
              if (root != null) {
                roots.add(root);
              }
            }
            return FileVisitResult.CONTINUE;
          }
        });
    List<Path> ordered = new ArrayList<>(roots);
    ordered.sort(Comparator.comparing((Path p) -> p.toString().contains("test") ? 1 : 0));
    return ordered;
  }

  /** The directory above the file's package directories, or null when they do not match. */
  private static Path rootOf(Path file) {
    String head;
    try {
      byte[] bytes = Files.readAllBytes(file);
      head =
          new String(
              bytes, 0, Math.min(bytes.length, 16_384), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher m = PACKAGE.matcher(head);
    Path dir = file.getParent();
    if (!m.find()) {
      return dir;
    }
    String[] parts = m.group(1).replaceAll("\\s", "").split("\\.");
    for (int i = parts.length - 1; i >= 0; i--) {
      if (dir == null || !dir.getFileName().toString().equals(parts[i])) {
        return null;
      }
      dir = dir.getParent();
    }
    return dir;
  }
}
