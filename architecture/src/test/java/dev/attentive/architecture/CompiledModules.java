package dev.attentive.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main classes of every module of this repository, read from each module's {@code
 * target/classes}. A module with sources but no compiled classes fails the test instead of being
 * skipped, so a rule can never pass on an empty set.
 */
final class CompiledModules {

  private static JavaClasses classes;

  private CompiledModules() {}

  static synchronized JavaClasses all() {
    if (classes == null) {
      classes = new ClassFileImporter().importPaths(classDirectories());
    }
    return classes;
  }

  static Path repositoryRoot() {
    Path dir = Path.of("").toAbsolutePath();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.isRegularFile(pom)
            && Files.readString(pom).contains("<artifactId>attentive-parent</artifactId>")
            && Files.isDirectory(p.resolve("events"))) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("no Attentive repository root above " + dir);
  }

  /**
   * Every module directory (one level below the root, or nested under an aggregator) holding main
   * Java sources.
   */
  static List<Path> modulesWithSources() {
    Path root = repositoryRoot();
    try (Stream<Path> dirs = Files.walk(root, 3)) {
      return dirs.filter(
              d ->
                  Files.isDirectory(d.resolve("src/main/java"))
                      && Files.isRegularFile(d.resolve("pom.xml")))
          .filter(d -> !d.toString().contains("/target/") && !d.toString().contains("/.git/"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> classDirectories() {
    List<Path> modules = modulesWithSources();
    assertThat(modules).as("modules with main sources").hasSizeGreaterThan(5);
    for (Path module : modules) {
      Path classes = module.resolve("target/classes");
      assertThat(hasClassFiles(classes))
          .as(
              "%s has sources but no compiled classes: build it first (mvn verify builds this module last)",
              module)
          .isTrue();
    }
    return modules.stream().map(m -> m.resolve("target/classes")).toList();
  }

  private static boolean hasClassFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".class"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
