package dev.attentive.testkit.golden;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: what users read (review bodies, comments, reports), kept as files beside the input
 * that produces them, in {@code src/test/resources/golden/<case>/} of the module under test. A test
 * reads its inputs with {@link #read}, renders, and hands each output to {@link #verify}, which
 * fails with a unified diff of the expected file against what was rendered.
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the expected files from what the code renders
 * now instead of comparing (new files are created the same way); then read the change with {@code
 * git diff} before committing it. Surefire passes {@code -D} properties on to the tests, e.g.
 * {@code mvn -pl publisher -am test -Dtest='*GoldenTest' -Dsurefire.failIfNoSpecifiedTests=false
 * -Dgolden.update=true}.
 *
 * <p>Files are UTF-8 and compared exactly: a whitespace or final-newline difference fails too.
 */
public final class Golden {

  /** The system property that turns comparing into rewriting. */
  public static final String UPDATE_PROPERTY = "golden.update";

  /** Where cases live, relative to the module directory. */
  public static final Path ROOT = Path.of("src", "test", "resources", "golden");

  private final String name;
  private final Path directory;

  private Golden(String name, Path directory) {
    this.name = name;
    this.directory = directory;
  }

  /**
   * The case {@code name} (a path below {@link #ROOT}, e.g. {@code review/inline-comments}), which
   * must exist.
   */
  public static Golden of(String name) {
    Path directory = root().resolve(Objects.requireNonNull(name, "name")).normalize();
    if (!directory.startsWith(root()) || !Files.isDirectory(directory)) {
      throw new IllegalArgumentException("no golden case " + name + " in " + root());
    }
    return new Golden(name, directory);
  }

  /** A case in any directory (which must exist), for cases kept elsewhere than {@link #ROOT}. */
  public static Golden at(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new IllegalArgumentException("no golden case directory " + directory);
    }
    return new Golden(directory.getFileName().toString(), directory);
  }

  /**
   * The names of the cases directly below {@code group} (e.g. {@code review}), sorted: one test per
   * case.
   */
  public static List<String> cases(String group) {
    Path directory = root().resolve(group);
    try (Stream<Path> children = Files.list(directory)) {
      List<String> names =
          children
              .filter(Files::isDirectory)
              .map(p -> group + "/" + p.getFileName())
              .sorted()
              .toList();
      if (names.isEmpty()) {
        throw new IllegalStateException("no golden cases in " + directory);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether {@value #UPDATE_PROPERTY} is set to true: expected files are rewritten, nothing is
   * compared.
   */
  public static boolean updating() {
    return Boolean.getBoolean(UPDATE_PROPERTY);
  }

  public String name() {
    return name;
  }

  public Path directory() {
    return directory;
  }

  public boolean exists(String file) {
    return Files.isRegularFile(directory.resolve(file));
  }

  /** An input file of the case, as UTF-8 text. */
  public String read(String file) {
    try {
      return Files.readString(directory.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("golden case " + name + ": cannot read " + file, e);
    }
  }

  /**
   * Fails unless {@code file} of the case holds exactly {@code actual}; the message is a unified
   * diff (expected {@code ---}, actual {@code +++}). With {@value #UPDATE_PROPERTY}, writes {@code
   * actual} to the file instead.
   */
  public void verify(String file, String actual) {
    Objects.requireNonNull(actual, "actual");
    Path path = directory.resolve(file);
    if (updating()) {
      try {
        Files.writeString(path, actual, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    if (!Files.isRegularFile(path)) {
      throw new AssertionFailedError(
          "golden case "
              + name
              + " has no "
              + file
              + "; run with -D"
              + UPDATE_PROPERTY
              + "=true to write it from the current output, then review it");
    }
    String expected = read(file);
    if (!expected.equals(actual)) {
      throw new AssertionFailedError(
          "golden case "
              + name
              + ": "
              + file
              + " differs (run with -D"
              + UPDATE_PROPERTY
              + "=true to accept the new output)\n"
              + unifiedDiff(name + "/" + file, expected, actual),
          expected,
          actual);
    }
  }

  /**
   * A unified diff of two texts, three lines of context. Lines are split on {@code \n} only, so a
   * missing final newline or a carriage return shows as a changed last line ({@code \r} is written
   * as {@code ␍}).
   */
  public static String unifiedDiff(String label, String expected, String actual) {
    List<String> before = lines(expected);
    List<String> after = lines(actual);
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            "expected/" + label, "actual/" + label, before, DiffUtils.diff(before, after), 3);
    return String.join("\n", diff) + "\n";
  }

  private static List<String> lines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = Arrays.asList(text.replace("\r", "␍").split("\n", -1));
    // "a\n" is one line that ends in a newline; the empty string after it is not a line
    return text.endsWith("\n")
        ? lines.subList(0, lines.size() - 1)
        : Stream.concat(
                lines.subList(0, lines.size() - 1).stream(),
                Stream.of(lines.get(lines.size() - 1) + "  ⟵ no newline at end"))
            .toList();
  }

  private static Path root() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .toAbsolutePath()
        .resolve(ROOT)
        .normalize();
  }
}
