package dev.attentive.events;

/**
 * One line of a hunk.
 *
 * @param oldLine line number on the base side; null for added lines
 * @param newLine line number on the head side; null for removed lines
 * @param text the line without its leading marker and without its line terminator
 * @param noNewlineAtEnd the patch marked this line with "\ No newline at end of file"
 */
public record DiffLine(
    Kind kind, Integer oldLine, Integer newLine, String text, boolean noNewlineAtEnd) {

  public enum Kind {
    CONTEXT,
    ADDED,
    REMOVED
  }

  public static DiffLine context(int oldLine, int newLine, String text) {
    return new DiffLine(Kind.CONTEXT, oldLine, newLine, text, false);
  }

  public static DiffLine added(int newLine, String text) {
    return new DiffLine(Kind.ADDED, null, newLine, text, false);
  }

  public static DiffLine removed(int oldLine, String text) {
    return new DiffLine(Kind.REMOVED, oldLine, null, text, false);
  }

  public DiffLine withNoNewlineAtEnd() {
    return new DiffLine(kind, oldLine, newLine, text, true);
  }

  /**
   * True for lines that exist on the head side (GitHub's RIGHT side): where a review comment can
   * anchor.
   */
  public boolean onNewSide() {
    return kind != Kind.REMOVED;
  }
}
