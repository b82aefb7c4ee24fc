package dev.attentive.events;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldLines +newStart,newLines @@ section} hunk of a file's patch.
 *
 * @param section the text after the closing {@code @@} (often the enclosing method), or empty
 */
public record Hunk(
    int oldStart, int oldLines, int newStart, int newLines, String section, List<DiffLine> lines) {

  public Hunk {
    section = section == null ? "" : section;
    lines = List.copyOf(lines);
  }

  /**
   * Whether a line of the head version is part of this hunk (and so can carry a review comment).
   */
  public boolean containsNewLine(int line) {
    return lines.stream().anyMatch(l -> l.onNewSide() && l.newLine() == line);
  }

  /** Whether a line of the head version was added by this hunk. */
  public boolean addsLine(int line) {
    return lines.stream().anyMatch(l -> l.kind() == DiffLine.Kind.ADDED && l.newLine() == line);
  }
}
