package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.events.DiffLine;
import dev.attentive.events.Hunk;
import dev.attentive.events.PullRequestDiffChunk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The base version of a file, rebuilt exactly from its head content and the chunk's hunks by
 * applying them in reverse: lines outside the hunks are kept, context lines are kept (and checked),
 * added lines are dropped and removed lines are put back.
 */
public final class BaseContent {

  private BaseContent() {}

  /**
   * The base text of the chunk's file, or null when it cannot be rebuilt: no head content, a file
   * the PR added (no base), or hunks that do not match the head content (a context or added line
   * differs, or hunks overlap).
   */
  public static String of(PullRequestDiffChunk chunk) {
    if (chunk.newContent() == null || chunk.status() == dev.attentive.events.FileStatus.ADDED) {
      return null;
    }
    return reverse(chunk.newContent(), chunk.hunks());
  }

  /** {@code head} with {@code hunks} reverse-applied, or null when they do not fit it. */
  public static String reverse(String head, List<Hunk> hunks) {
    List<String> lines = splitLines(head);
    boolean headEndsWithNewline = head.isEmpty() || head.endsWith("\n");
    List<Hunk> sorted = new ArrayList<>(hunks);
    sorted.sort(Comparator.comparingInt(Hunk::newStart));

    StringBuilder base = new StringBuilder();
    int next = 1; // next head line (1-based) not yet copied
    boolean lastHasNewline = true;
    boolean any = false;
    for (Hunk hunk : sorted) {
      int first = firstNewLine(hunk);
      if (first < next) {
        return null;
      }
      for (; next < first; next++) {
        if (next > lines.size()) {
          return null;
        }
        base.append(lines.get(next - 1)).append('\n');
        any = true;
        lastHasNewline = true;
      }
      for (DiffLine line : hunk.lines()) {
        switch (line.kind()) {
          case CONTEXT -> {
            if (line.newLine() == null
                || line.newLine() != next
                || next > lines.size()
                || !sameLine(lines.get(next - 1), line.text())) {
              return null;
            }
            base.append(lines.get(next - 1));
            next++;
            any = true;
            lastHasNewline = !line.noNewlineAtEnd();
            if (lastHasNewline) {
              base.append('\n');
            }
          }
          case ADDED -> {
            if (line.newLine() == null
                || line.newLine() != next
                || next > lines.size()
                || !sameLine(lines.get(next - 1), line.text())) {
              return null;
            }
            next++;
          }
          case REMOVED -> {
            base.append(line.text());
            any = true;
            lastHasNewline = !line.noNewlineAtEnd();
            if (lastHasNewline) {
              base.append('\n');
            }
          }
        }
      }
    }
    boolean copiedTail = false;
    for (; next <= lines.size(); next++) {
      base.append(lines.get(next - 1)).append('\n');
      copiedTail = true;
      any = true;
    }
    if (copiedTail && !headEndsWithNewline) {
      base.setLength(base.length() - 1);
    } else if (!copiedTail
        && !lastHasNewline
        && base.length() > 0
        && base.charAt(base.length() - 1) == '\n') {
      base.setLength(base.length() - 1);
    }
    return any ? base.toString() : "";
  }

  /**
   * The first head line a hunk touches (its context or added lines); newStart for a hunk of
   * removals only.
   */
  private static int firstNewLine(Hunk hunk) {
    for (DiffLine line : hunk.lines()) {
      if (line.newLine() != null) {
        return line.newLine();
      }
    }
    return hunk.newLines() == 0 ? hunk.newStart() + 1 : hunk.newStart();
  }

  private static boolean sameLine(String head, String patch) {
    return head.equals(patch) || stripCr(head).equals(stripCr(patch));
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }

  /**
   * Lines without their '\n' (a '\r' before it stays); a trailing newline does not start another
   * line.
   */
  static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        String line = text.substring(start, i);
        out.add(line);
        start = i + 1;
      }
    }
    if (start < text.length()) {
      out.add(text.substring(start));
    }
    return out;
  }
}
