package dev.attentive.models.kinds;

/**
 * A change to one line that a bug kind decoded: replace columns [from, to] (1-based, inclusive;
 * {@code to = from - 1} inserts) with {@code text}, and for a swap also [from2, to2] with {@code
 * text2}.
 *
 * @param fix what the review shows as the fix
 */
public record Edit(
    BugKind kind, String fix, int from, int to, String text, int from2, int to2, String text2) {

  static Edit replace(BugKind kind, String fix, int from, int to, String text) {
    return new Edit(kind, fix, from, to, text, 0, 0, null);
  }

  /** The line with the edit made, or null when the columns do not fit it. */
  public String apply(String line) {
    if (to > line.length() || (from2 > 0 && to2 > line.length())) {
      return null;
    }
    if (from2 > 0) {
      // Swap: the spans are cut from the original line, so the earlier columns stay valid.
      return line.substring(0, from - 1)
          + text
          + line.substring(to, from2 - 1)
          + text2
          + line.substring(to2);
    }
    return line.substring(0, from - 1) + text + line.substring(to);
  }
}
