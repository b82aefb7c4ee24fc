package dev.attentive.ingest.fetch;

import dev.attentive.events.DiffLine;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.DiffManifest.Reason;
import dev.attentive.events.DiffManifest.SkippedFile;
import dev.attentive.events.FileStatus;
import dev.attentive.events.Hunk;
import dev.attentive.events.Languages;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.ingest.github.GitHubGateway.ChangedFile;
import dev.attentive.ingest.github.GitHubGateway.PullRequestFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns GitHub's file list for one PR at one head SHA into diff chunks (one per reviewable file)
 * and a manifest.
 */
public final class DiffBuilder {

  /** Markers that tools put in the first lines of code nobody should review by hand. */
  private static final Pattern GENERATED_MARKER =
      Pattern.compile(
          "(?i)(code generated .* do not edit|@generated|auto-?generated|this file (is|was) (automatically )?generated)");

  private static final int GENERATED_MARKER_LINES = 5;

  /** Identifies one fetch of one PR. */
  public record Target(
      String deliveryId,
      String repository,
      int number,
      String baseSha,
      String headSha,
      Long installationId,
      String trigger) {}

  public record Result(List<PullRequestDiffChunk> chunks, DiffManifest manifest) {}

  private final IgnoreRules ignore;

  public DiffBuilder(IgnoreRules ignore) {
    this.ignore = ignore;
  }

  public Result build(Target target, PullRequestFiles listed, Instant now) {
    return build(target, listed, now, null);
  }

  /**
   * @param settings the repository's settings: its {@code ignore} globs are skipped too (reason
   *     {@link Reason#IGNORED_PATH}), and every chunk and the manifest carry them; null for the
   *     defaults
   */
  public Result build(
      Target target, PullRequestFiles listed, Instant now, RepositorySettings settings) {
    IgnoreRules repositoryIgnore =
        settings == null || settings.ignore().isEmpty() ? null : new IgnoreRules(settings.ignore());
    List<PullRequestDiffChunk> chunks = new ArrayList<>();
    List<SkippedFile> skipped = new ArrayList<>();
    for (ChangedFile file : listed.files()) {
      FileStatus status = FileStatus.fromGitHub(file.status());
      Reason reason = skipReason(file, status);
      if (reason == null && repositoryIgnore != null && repositoryIgnore.ignores(file.filename())) {
        reason = Reason.IGNORED_PATH;
      }
      List<Hunk> hunks = List.of();
      if (reason == null) {
        try {
          hunks = PatchParser.parse(file.patch());
          if (looksGenerated(hunks)) {
            reason = Reason.GENERATED;
          }
        } catch (PatchParser.PatchParseException e) {
          reason = Reason.UNPARSEABLE_PATCH;
        }
      }
      if (reason != null) {
        skipped.add(new SkippedFile(file.filename(), reason));
        continue;
      }
      chunks.add(
          new PullRequestDiffChunk(
              PullRequestDiffChunk.SCHEMA_VERSION,
              target.deliveryId(),
              target.repository(),
              target.number(),
              target.baseSha(),
              target.headSha(),
              target.installationId(),
              file.filename(),
              file.previousFilename(),
              status,
              Languages.of(file.filename()),
              chunks.size(),
              file.additions(),
              file.deletions(),
              hunks,
              null,
              settings));
    }
    DiffManifest manifest =
        new DiffManifest(
            DiffManifest.SCHEMA_VERSION,
            target.deliveryId(),
            target.repository(),
            target.number(),
            target.baseSha(),
            target.headSha(),
            target.installationId(),
            target.trigger(),
            chunks.size(),
            listed.files().size(),
            listed.truncated(),
            skipped,
            now,
            settings);
    return new Result(List.copyOf(chunks), manifest);
  }

  private Reason skipReason(ChangedFile file, FileStatus status) {
    if (status == FileStatus.REMOVED) {
      return Reason.REMOVED;
    }
    if (ignore.ignores(file.filename())) {
      return Reason.IGNORED_PATH;
    }
    if (file.patch() == null || file.patch().isEmpty()) {
      if (file.changes() > 0) {
        return Reason.NO_PATCH; // GitHub leaves out patches too large to show
      }
      // No patch and no counted line changes: a binary file, or a rename/mode change with nothing
      // to read.
      return status == FileStatus.RENAMED || status == FileStatus.UNCHANGED
          ? Reason.UNCHANGED
          : Reason.BINARY;
    }
    return null;
  }

  /** A file whose first lines (as added by this PR) say it was generated. */
  private static boolean looksGenerated(List<Hunk> hunks) {
    return hunks.stream()
        .flatMap(h -> h.lines().stream())
        .filter(l -> l.kind() == DiffLine.Kind.ADDED && l.newLine() <= GENERATED_MARKER_LINES)
        .anyMatch(l -> GENERATED_MARKER.matcher(l.text()).find());
  }
}
