package dev.attentive.conventions;

/**
 * A changed line (or lines) that breaks one of the repository's enforced conventions.
 *
 * @param ruleId the convention's id, e.g. {@code style/indent}
 * @param startLine first line (1-based) the replacement covers
 * @param endLine last line it covers, {@code >= startLine}
 * @param message what is wrong, naming the convention and its evidence
 * @param replacement the lines {@code startLine..endLine} written the repository's way (a
 *     ```suggestion block), or null when no safe rewrite exists
 */
public record Deviation(
    String ruleId, int startLine, int endLine, String message, String replacement) {

  public Deviation {
    if (startLine < 1 || endLine < startLine) {
      throw new IllegalArgumentException("bad line range " + startLine + ".." + endLine);
    }
  }

  public boolean overlaps(Deviation other) {
    return startLine <= other.endLine && other.startLine <= endLine;
  }
}
