package dev.attentive.events;

import java.time.Instant;
import java.util.List;

/**
 * Written after the chunks of one fetch of a PR: how many {@link PullRequestDiffChunk}s carry {@code deliveryId} and
 * {@code headSha}, and which files were left out and why.
 *
 * @param filesListed how many changed files GitHub listed
 * @param truncated GitHub lists at most 3,000 files of a PR; true when the list hit that cap
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
    Instant fetchedAt) implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public DiffManifest {
    skipped = List.copyOf(skipped);
  }

  public PullRequestKey key() {
    return new PullRequestKey(repository, pullRequestNumber);
  }

  /** A changed file that produced no chunk. */
  public record SkippedFile(String path, Reason reason) {}

  public enum Reason { BINARY, REMOVED, IGNORED_PATH, GENERATED, NO_PATCH, UNPARSEABLE_PATCH, UNCHANGED }
}
