package dev.attentive.reviewer.analysis;

import dev.attentive.events.DiffLine;
import dev.attentive.events.FileStatus;
import dev.attentive.events.Hunk;
import dev.attentive.events.PullRequestDiffChunk;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;

/**
 * The head-side lines a pull request added to one file: analyzers report only on these, never on
 * code the author did not touch.
 */
public final class ChangedLines {

  private final NavigableSet<Integer> added;

  private ChangedLines(NavigableSet<Integer> added) {
    this.added = Collections.unmodifiableNavigableSet(added);
  }

  /** The lines (1-based, head side) that the chunk's hunks mark as ADDED. */
  public static ChangedLines of(PullRequestDiffChunk chunk) {
    NavigableSet<Integer> lines = new TreeSet<>();
    for (Hunk hunk : chunk.hunks()) {
      for (DiffLine line : hunk.lines()) {
        if (line.kind() == DiffLine.Kind.ADDED && line.newLine() != null) {
          lines.add(line.newLine());
        }
      }
    }
    return new ChangedLines(lines);
  }

  /** The added line numbers, ascending; unmodifiable. */
  public NavigableSet<Integer> lines() {
    return added;
  }

  public boolean isEmpty() {
    return added.isEmpty();
  }

  public boolean contains(int line) {
    return added.contains(line);
  }

  /** Whether every line of {@code first..last} (inclusive; an empty range is false) was added. */
  public boolean containsAll(int first, int last) {
    if (last < first) {
      return false;
    }
    return added.subSet(first, true, last, true).size() == last - first + 1;
  }

  /**
   * The whole file at the head SHA: {@code chunk.newContent()} when ingest attached it; otherwise,
   * for a file the pull request ADDED, the content rebuilt from its added lines (joined with "\n",
   * ending in "\n" unless the patch says "\ No newline at end of file"); otherwise (or when the
   * added lines do not run 1..n without a gap, as for a truncated patch) null.
   */
  public static String newContent(PullRequestDiffChunk chunk) {
    if (chunk.newContent() != null) {
      return chunk.newContent();
    }
    if (chunk.status() != FileStatus.ADDED) {
      return null;
    }
    List<DiffLine> lines = new ArrayList<>();
    for (Hunk hunk : chunk.hunks()) {
      for (DiffLine line : hunk.lines()) {
        if (line.kind() == DiffLine.Kind.ADDED && line.newLine() != null) {
          lines.add(line);
        } else if (line.kind() == DiffLine.Kind.CONTEXT) {
          return null; // not a plain new-file patch
        }
      }
    }
    if (lines.isEmpty()) {
      return null;
    }
    lines.sort(Comparator.comparingInt(DiffLine::newLine));
    StringBuilder content = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).newLine() != i + 1) {
        return null;
      }
      content.append(lines.get(i).text());
      if (i < lines.size() - 1 || !lines.get(i).noNewlineAtEnd()) {
        content.append('\n');
      }
    }
    return content.toString();
  }

  @Override
  public String toString() {
    return "ChangedLines" + added;
  }
}
