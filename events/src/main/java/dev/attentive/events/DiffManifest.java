package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * Written after the chunks of one fetch of a PR: how many {@link PullRequestDiffChunk}s carry
 * {@code deliveryId} and {@code headSha}, and which files were left out and why.
 *
 * @param filesListed how many changed files GitHub listed
 * @param truncated GitHub lists at most 3,000 files of a PR; true when the list hit that cap
 * @param settings the repository settings this fetch was made with (as on its chunks); null means
 *     the deployment's defaults (and is what manifests written before it existed read as)
 */
public record DiffManifest(
    int schemaVersion,
    String deliveryId,
    String repository,
    int pullRequestNumber,
    String baseSha,
    String headSha,
    Long installationId,
    String trigger,
    int chunkCount,
    int filesListed,
    boolean truncated,
    List<SkippedFile> skipped,
    Instant fetchedAt,
    RepositorySettings settings)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  @JsonCreator
  public DiffManifest {
    skipped = List.copyOf(skipped);
  }

  /** Without repository settings (the deployment's defaults). */
  public DiffManifest(
      int schemaVersion,
      String deliveryId,
      String repository,
      int pullRequestNumber,
      String baseSha,
      String headSha,
      Long installationId,
      String trigger,
      int chunkCount,
      int filesListed,
      boolean truncated,
      List<SkippedFile> skipped,
      Instant fetchedAt) {
    this(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        trigger,
        chunkCount,
        filesListed,
        truncated,
        skipped,
        fetchedAt,
        null);
  }

  public DiffManifest withSettings(RepositorySettings repositorySettings) {
    return new DiffManifest(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        trigger,
        chunkCount,
        filesListed,
        truncated,
        skipped,
        fetchedAt,
        repositorySettings);
  }

  public PullRequestKey key() {
    return new PullRequestKey(repository, pullRequestNumber);
  }

  /** A changed file that produced no chunk. */
  public record SkippedFile(String path, Reason reason) {}

  public enum Reason {
    BINARY,
    REMOVED,
    IGNORED_PATH,
    GENERATED,
    NO_PATCH,
    UNPARSEABLE_PATCH,
    UNCHANGED
  }
}
