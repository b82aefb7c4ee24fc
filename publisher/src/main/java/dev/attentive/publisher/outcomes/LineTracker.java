package dev.attentive.publisher.outcomes;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.DiffLine;
import dev.attentive.events.Feedback;
import dev.attentive.events.FileStatus;
import dev.attentive.events.Hunk;
import dev.attentive.events.ReviewActivity.FileChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Carries a posted comment's lines through one push (its hunks, old side = the entry's head): lines
 * the push did not touch move by what was added and removed above them; lines it removed, or
 * between which it inserted, are settled — {@link Feedback.Type#APPLIED} when what the push put
 * there is the suggested replacement (whitespace aside, as GitHub's "commit suggestion" writes it),
 * else {@link Feedback.Type#FIXED_OTHERWISE}. A deleted file settles its entries as fixed otherwise
 * (the line disappeared); a rename moves them to the new path.
 */
public final class LineTracker {

  private LineTracker() {}

  /**
   * An entry after a push.
   *
   * @param outcome APPLIED or FIXED_OTHERWISE when the push settled it, null when its lines were
   *     only carried
   */
  public record Carried(CommentLedger.Entry entry, Feedback.Type outcome) {}

  /** Carries {@code entry} (anchored on the push's old head) to {@code newHead}. */
  public static Carried carry(CommentLedger.Entry entry, List<FileChange> changes, String newHead) {
    FileChange change = null;
    for (FileChange c : changes) {
      if (entry.path().equals(c.path())
          || (c.previousPath() != null && entry.path().equals(c.previousPath()))) {
        change = c;
        break;
      }
    }
    if (change == null) {
      return new Carried(entry.at(entry.path(), entry.startLine(), entry.endLine(), newHead), null);
    }
    if (change.status() == FileStatus.REMOVED) {
      return new Carried(
          entry.at(entry.path(), entry.startLine(), entry.endLine(), newHead),
          Feedback.Type.FIXED_OTHERWISE);
    }
    int start = entry.startLine();
    int end = entry.endLine();
    int shift = 0;
    boolean touched = false;
    List<String> written = new ArrayList<>();
    for (Hunk hunk : change.hunks()) {
      int lastOld = hunk.oldStart() - (hunk.oldLines() == 0 ? 0 : 1);
      for (DiffLine line : hunk.lines()) {
        switch (line.kind()) {
          case CONTEXT -> lastOld = line.oldLine();
          case REMOVED -> {
            lastOld = line.oldLine();
            if (lastOld < start) {
              shift--;
            } else if (lastOld <= end) {
              touched = true;
            }
          }
          case ADDED -> {
            // inserted after old line lastOld
            if (lastOld < start - 1 || (lastOld == start - 1 && !touchedAt(hunk, start))) {
              shift++;
            } else if (lastOld <= end) {
              if (lastOld < end || touchedAt(hunk, end)) {
                touched = true;
                written.add(line.text());
              }
            }
          }
        }
      }
    }
    CommentLedger.Entry moved = entry.at(change.path(), start + shift, end + shift, newHead);
    if (!touched) {
      return new Carried(moved, null);
    }
    return new Carried(
        moved,
        entry.replacement() != null
                && normalised(String.join("\n", written)).equals(normalised(entry.replacement()))
            ? Feedback.Type.APPLIED
            : Feedback.Type.FIXED_OTHERWISE);
  }

  /** Whether the hunk removes old line {@code line} (lines inserted next to it replace it). */
  private static boolean touchedAt(Hunk hunk, int line) {
    return hunk.lines().stream()
        .anyMatch(l -> l.kind() == DiffLine.Kind.REMOVED && l.oldLine() == line);
  }

  private static String normalised(String text) {
    return text.replaceAll("\\s+", "");
  }
}
