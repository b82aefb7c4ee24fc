package dev.attentive.events;

/** Lines {@code start..end} (inclusive, 1-based) of one side of a file. */
public record LineRange(int start, int end) {

  public LineRange {
    if (start < 1 || end < start) {
      throw new IllegalArgumentException("bad line range " + start + ".." + end);
    }
  }

  public boolean contains(int line) {
    return line >= start && line <= end;
  }

  public boolean contains(int from, int to) {
    return from >= start && to <= end;
  }
}
