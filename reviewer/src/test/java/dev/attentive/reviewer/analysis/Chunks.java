package dev.attentive.reviewer.analysis;

import dev.attentive.events.FileStatus;
import dev.attentive.events.Languages;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Diff chunks for analyzer tests, built the way ingest builds them: from a patch through {@link
 * PatchParser}.
 */
public final class Chunks {

  private Chunks() {}

  public static PullRequestDiffChunk chunk(
      String path, FileStatus status, String patch, String newContent) {
    var hunks = PatchParser.parse(patch);
    int additions =
        (int)
            hunks.stream()
                .flatMap(h -> h.lines().stream())
                .filter(l -> l.kind() == dev.attentive.events.DiffLine.Kind.ADDED)
                .count();
    int deletions =
        (int)
            hunks.stream()
                .flatMap(h -> h.lines().stream())
                .filter(l -> l.kind() == dev.attentive.events.DiffLine.Kind.REMOVED)
                .count();
    return new PullRequestDiffChunk(
        PullRequestDiffChunk.SCHEMA_VERSION,
        "delivery-1",
        "acme/inventory",
        7,
        "base1",
        "head1",
        42L,
        path,
        null,
        status,
        Languages.of(path),
        0,
        additions,
        deletions,
        hunks,
        newContent);
  }

  /**
   * The patch GitHub lists for a new file with this content (no "\ No newline" marker: it ends in a
   * newline).
   */
  public static String newFilePatch(String content) {
    List<String> lines = content.lines().toList();
    StringBuilder patch = new StringBuilder("@@ -0,0 +1," + lines.size() + " @@");
    lines.forEach(l -> patch.append("\n+").append(l));
    return patch.append('\n').toString();
  }

  /**
   * The chunk of a modified file, with GitHub's patch: the hunks of a unified diff with three lines
   * of context.
   */
  public static PullRequestDiffChunk modified(String path, String base, String head) {
    List<String> b = base.lines().toList();
    List<String> h = head.lines().toList();
    var diff = com.github.difflib.DiffUtils.diff(b, h);
    List<String> unified =
        com.github.difflib.UnifiedDiffUtils.generateUnifiedDiff(
            "a/" + path, "b/" + path, b, diff, 3);
    return chunk(
        path,
        FileStatus.MODIFIED,
        String.join("\n", unified.subList(2, unified.size())) + "\n",
        head);
  }

  /** A new file as a chunk whose content must be rebuilt from the patch (ingest attached none). */
  public static PullRequestDiffChunk newFile(String path, String content) {
    return chunk(path, FileStatus.ADDED, newFilePatch(content), null);
  }

  public static String resource(String name) {
    try (InputStream in = Chunks.class.getResourceAsStream("/analysis/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource analysis/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
