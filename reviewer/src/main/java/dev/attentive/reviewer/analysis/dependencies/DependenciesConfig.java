package dev.attentive.reviewer.analysis.dependencies;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where and how far a repository's declared Maven dependencies are resolved ({@code
 * attentive.reviewer.dependencies.*}, docs/configuration.md).
 *
 * @param repositoryUrl a Maven repository or a proxy of one (a Nexus, Artifactory...): {@code
 *     https://...} or {@code file://...}
 * @param cacheDir the local repository the jars are kept in, across reviews
 * @param maxArtifacts at most this many jars per pom, direct and transitive (breadth of the graph,
 *     nearest first)
 * @param maxBytes at most this many bytes of jars per pom
 * @param timeout the whole resolution of one pom (collecting the graph and downloading), and each
 *     request to the repository
 */
public record DependenciesConfig(
    String repositoryUrl, Path cacheDir, int maxArtifacts, long maxBytes, Duration timeout) {

  public static final int DEFAULT_MAX_ARTIFACTS = 100;
  public static final long DEFAULT_MAX_BYTES = 200L << 20;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The default cache, under the user's home. */
  public static Path defaultCacheDir() {
    return Path.of(System.getProperty("user.home"), ".cache", "attentive", "dependencies");
  }

  /** The defaults with this repository. */
  public static DependenciesConfig of(String repositoryUrl) {
    return new DependenciesConfig(
        repositoryUrl,
        defaultCacheDir(),
        DEFAULT_MAX_ARTIFACTS,
        DEFAULT_MAX_BYTES,
        DEFAULT_TIMEOUT);
  }
}
