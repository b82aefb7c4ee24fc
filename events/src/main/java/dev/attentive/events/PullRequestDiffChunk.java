package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;

/**
 * The reviewable diff of one file of a pull request at one head SHA.
 *
 * <p>A fetch of a PR (identified by {@code deliveryId}) produces {@code chunkIndex} 0..n-1 and one
 * {@link DiffManifest} with n; downstream knows the PR is complete when it has seen all n.
 *
 * @param previousPath the old path of a renamed or copied file; null otherwise
 * @param language a lower-case language name derived from the path ("java", "kotlin", ... or
 *     "other")
 * @param newContent the whole file at the head SHA, for analyzers that need context (attached by
 *     ingest for the languages it is configured for, up to a size cap); null when not attached
 * @param settings the repository's {@code .attentive.yml} (and a command's analyzer override) as
 *     ingest read them for this fetch; null means the deployment's defaults (and is what records
 *     written before it existed read as)
 * @param sources the repository files the changed class may need to compile (same package, imported
 *     project classes, transitively and bounded), their text on {@link Topics#SOURCE_FILES}; null
 *     when ingest attached none (not Java, the tree unreadable, or records written before it
 *     existed)
 * @param increment for a push onto a head Attentive already reviewed: the lines of this file
 *     changed since that head (GitHub's compare API), the only lines that may get new comments;
 *     null for a whole-diff review (the first review, a force-push, {@code /attentive full-review},
 *     records written before it existed)
 */
public record PullRequestDiffChunk(
    int schemaVersion,
    String deliveryId,
    String repository,
    int pullRequestNumber,
    String baseSha,
    String headSha,
    Long installationId,
    String path,
    String previousPath,
    FileStatus status,
    String language,
    int chunkIndex,
    int additions,
    int deletions,
    List<Hunk> hunks,
    String newContent,
    RepositorySettings settings,
    List<SourceRef> sources,
    Increment increment)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  @JsonCreator
  public PullRequestDiffChunk {
    hunks = List.copyOf(hunks);
    sources = sources == null ? null : List.copyOf(sources);
  }

  /**
   * The new-side lines of a file changed since the head last reviewed.
   *
   * @param sinceSha the head last reviewed
   * @param lines the head's lines changed (added or modified) since {@code sinceSha}; empty when
   *     the file did not change since
   */
  public record Increment(String sinceSha, List<LineRange> lines) {
    public Increment {
      lines = lines == null ? List.of() : List.copyOf(lines);
    }

    /** Whether a comment on head lines {@code from..to} is about something changed since. */
    public boolean touches(int from, int to) {
      return lines.stream().anyMatch(r -> r.start() <= to && from <= r.end());
    }
  }

  /** Without an increment (a whole-diff review). */
  public PullRequestDiffChunk(
      int schemaVersion,
      String deliveryId,
      String repository,
      int pullRequestNumber,
      String baseSha,
      String headSha,
      Long installationId,
      String path,
      String previousPath,
      FileStatus status,
      String language,
      int chunkIndex,
      int additions,
      int deletions,
      List<Hunk> hunks,
      String newContent,
      RepositorySettings settings,
      List<SourceRef> sources) {
    this(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        newContent,
        settings,
        sources,
        null);
  }

  /** Without source references (what records written before they existed read as). */
  public PullRequestDiffChunk(
      int schemaVersion,
      String deliveryId,
      String repository,
      int pullRequestNumber,
      String baseSha,
      String headSha,
      Long installationId,
      String path,
      String previousPath,
      FileStatus status,
      String language,
      int chunkIndex,
      int additions,
      int deletions,
      List<Hunk> hunks,
      String newContent,
      RepositorySettings settings) {
    this(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        newContent,
        settings,
        null);
  }

  /** Without repository settings (the deployment's defaults). */
  public PullRequestDiffChunk(
      int schemaVersion,
      String deliveryId,
      String repository,
      int pullRequestNumber,
      String baseSha,
      String headSha,
      Long installationId,
      String path,
      String previousPath,
      FileStatus status,
      String language,
      int chunkIndex,
      int additions,
      int deletions,
      List<Hunk> hunks,
      String newContent) {
    this(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        newContent,
        null);
  }

  public PullRequestDiffChunk withNewContent(String content) {
    return new PullRequestDiffChunk(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        content,
        settings,
        sources,
        increment);
  }

  public PullRequestDiffChunk withSettings(RepositorySettings repositorySettings) {
    return new PullRequestDiffChunk(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        newContent,
        repositorySettings,
        sources,
        increment);
  }

  public PullRequestDiffChunk withSources(List<SourceRef> refs) {
    return new PullRequestDiffChunk(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        newContent,
        settings,
        refs,
        increment);
  }

  public PullRequestDiffChunk withIncrement(Increment since) {
    return new PullRequestDiffChunk(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        path,
        previousPath,
        status,
        language,
        chunkIndex,
        additions,
        deletions,
        hunks,
        newContent,
        settings,
        sources,
        since);
  }

  public PullRequestKey key() {
    return new PullRequestKey(repository, pullRequestNumber);
  }
}
