package dev.attentive.models.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Finds a library's {@code -sources.jar} in the local Maven repository, asking Maven to resolve it
 * from Maven Central when it is not there yet — so the corpus is exactly the pinned list,
 * reproducibly.
 */
public final class SourcesResolver {

  private final Path repository;

  public SourcesResolver(Path repository) {
    this.repository = repository;
  }

  public static SourcesResolver fromEnvironment() {
    String local = System.getProperty("maven.repo.local");
    return new SourcesResolver(
        local != null
            ? Path.of(local)
            : Path.of(System.getProperty("user.home"), ".m2", "repository"));
  }

  public Path sourcesJar(Library library) throws IOException, InterruptedException {
    ReservedLibraries.refuseIfReserved(library);
    Path jar =
        repository
            .resolve(library.groupId().replace('.', '/'))
            .resolve(library.artifactId())
            .resolve(library.version())
            .resolve(library.artifactId() + "-" + library.version() + "-sources.jar");
    if (!Files.isRegularFile(jar)) {
      Process mvn =
          new ProcessBuilder(
                  List.of(
                      "mvn",
                      "-q",
                      "-B",
                      "dependency:get",
                      "-Dtransitive=false",
                      "-Dartifact=" + library.coordinates() + ":jar:sources"))
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      int exit = mvn.waitFor();
      if (exit != 0 || !Files.isRegularFile(jar)) {
        throw new IOException(
            "Maven could not resolve " + library.coordinates() + ":sources (exit " + exit + ")");
      }
    }
    ReservedLibraries.shadedReservedEntry(jar)
        .ifPresent(
            entry -> {
              throw new ReservedLibraries.ReservedLibraryException(
                  library.coordinates()
                      + " contains "
                      + entry
                      + ", a reserved library's package; it is left out of the corpus");
            });
    return jar;
  }
}
