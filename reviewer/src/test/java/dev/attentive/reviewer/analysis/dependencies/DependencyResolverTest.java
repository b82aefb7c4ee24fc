package dev.attentive.reviewer.analysis.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's declared dependencies, with their transitive ones, from a Maven repository on disk
 * built in the test (never Maven Central), into a cache, within the bounds.
 */
class DependencyResolverTest {

  @TempDir Path temp;

  private DependencyResolver resolver(String url, Path cache, int maxArtifacts, long maxBytes) {
    return new DependencyResolver(
        new DependenciesConfig(url, cache, maxArtifacts, maxBytes, Duration.ofSeconds(60)));
  }

  @Test
  void declaredAndTransitiveJarsAreResolvedIntoTheCache() throws Exception {
    String url = LocalMavenRepository.create(temp.resolve("repo"), temp.resolve("work"));
    Path cache = temp.resolve("cache");
    try (DependencyResolver resolver = resolver(url, cache, 100, 10_000_000)) {
      DependencyResolver.Resolution r = resolver.resolve(LocalMavenRepository.PROJECT_POM);
      assertThat(r.classpath())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("greeting-1.0.jar", "words-1.0.jar");
      assertThat(r.classpath()).allMatch(p -> p.startsWith(cache));
      assertThat(r.notes()).isEmpty(); // the test-scoped dependency is not wanted
      assertThat(r.complete()).isTrue();
    }
  }

  @Test
  void theCacheServesAPomWhoseJarsAreThereWithoutTheRepository() throws Exception {
    String url = LocalMavenRepository.create(temp.resolve("repo"), temp.resolve("work"));
    Path cache = temp.resolve("cache");
    try (DependencyResolver first = resolver(url, cache, 100, 10_000_000)) {
      assertThat(first.resolve(LocalMavenRepository.PROJECT_POM).classpath()).hasSize(2);
    }
    String gone = temp.resolve("no-such-repository").toUri().toString();
    try (DependencyResolver second = resolver(gone, cache, 100, 10_000_000)) {
      assertThat(second.resolve(LocalMavenRepository.PROJECT_POM).classpath()).hasSize(2);
    }
  }

  @Test
  void atMostMaxArtifactsJarsNearestFirst() throws Exception {
    String url = LocalMavenRepository.create(temp.resolve("repo"), temp.resolve("work"));
    try (DependencyResolver resolver = resolver(url, temp.resolve("cache"), 1, 10_000_000)) {
      DependencyResolver.Resolution r = resolver.resolve(LocalMavenRepository.PROJECT_POM);
      assertThat(r.classpath())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("greeting-1.0.jar");
      assertThat(r.complete()).isFalse();
      assertThat(r.notes()).singleElement().asString().contains("max-artifacts");
    }
  }

  @Test
  void atMostMaxBytesOfJars() throws Exception {
    String url = LocalMavenRepository.create(temp.resolve("repo"), temp.resolve("work"));
    try (DependencyResolver resolver = resolver(url, temp.resolve("cache"), 100, 10)) {
      DependencyResolver.Resolution r = resolver.resolve(LocalMavenRepository.PROJECT_POM);
      assertThat(r.classpath()).isEmpty();
      assertThat(r.notes()).singleElement().asString().contains("max-bytes");
    }
  }

  @Test
  void aDependencyTheRepositoryDoesNotHaveIsNamed() throws Exception {
    String url = LocalMavenRepository.create(temp.resolve("repo"), temp.resolve("work"));
    String pom =
        LocalMavenRepository.PROJECT_POM.replace(
            "<artifactId>greeting</artifactId>", "<artifactId>farewell</artifactId>");
    try (DependencyResolver resolver = resolver(url, temp.resolve("cache"), 100, 10_000_000)) {
      DependencyResolver.Resolution r = resolver.resolve(pom);
      assertThat(r.classpath()).isEmpty();
      assertThat(r.complete()).isFalse();
      assertThat(String.join("\n", r.notes())).contains("org.example:farewell");
    }
  }
}
