package dev.attentive.ingest.sources;

/**
 * How much of a repository ingest attaches to a Java chunk ({@code attentive.ingest.sources.*},
 * docs/configuration.md).
 *
 * @param maxDepth how far references are followed from the changed file: 1 = the classes it names
 *     itself, 2 = also those they name
 * @param maxFilesPerChunk files referenced by one chunk at most (head and base together)
 * @param maxBytesPerFetch bytes of source read from GitHub for one fetch of a PR at most (blobs
 *     already cached are free)
 * @param maxFileBytes larger files are left out (at most {@link
 *     dev.attentive.events.SourceFile#MAX_BYTES})
 */
public record SourceLimits(
    int maxDepth, int maxFilesPerChunk, long maxBytesPerFetch, int maxFileBytes) {

  public static final SourceLimits DEFAULTS = new SourceLimits(2, 40, 2L * 1024 * 1024, 256 * 1024);

  public SourceLimits {
    maxFileBytes = Math.min(maxFileBytes, dev.attentive.events.SourceFile.MAX_BYTES);
  }
}
