package dev.attentive.reviewer.analysis.style;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import dev.attentive.reviewer.analysis.ChangedLines;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a file and its formatted version into replacements that each stand on their own and touch
 * only lines the pull request added.
 *
 * <p>The raw material is java-diff-utils' line diff, but a line diff's deltas are not each a
 * sensible edit: for {@code if(x){ return y; }} followed by a wrongly indented {@code return y;},
 * Myers may pair the formatter's inner {@code return y;} with that later line, leaving a CHANGE
 * that drops code and an INSERT that adds it back further down. Applying one without the other
 * would break the file. So:
 *
 * <ol>
 *   <li>deltas at most {@link #MERGE_GAP} unchanged lines apart are merged into one candidate (the
 *       unchanged lines between them read the same on both sides and come along);
 *   <li>a candidate that only inserts (a missing blank line) takes in the line before it, or the
 *       one after it, so that it has lines to replace;
 *   <li>a candidate is kept when all its lines were added by the pull request and it only moves
 *       code around, i.e. it keeps the same non-blank characters (comment markers aside: the
 *       formatter re-wraps comments);
 *   <li>a merged candidate that fails this is tried again delta by delta, under the same
 *       conditions; and a delta that changes as many lines as it has (so line k became line k) is
 *       cut down to its runs of added lines, so that an untouched line next to added ones does not
 *       take the added ones' suggestion down with it.
 * </ol>
 */
final class FormatterEdits {

  /** Deltas this many unchanged lines apart or closer are offered as one replacement. */
  static final int MERGE_GAP = 2;

  /**
   * Lines {@code start..end} (1-based, inclusive) of the original should read {@code replacement}.
   */
  record Edit(int start, int end, String replacement) {
    boolean covers(int line) {
      return line >= start && line <= end;
    }
  }

  /**
   * A range of the original, {@code [from, to)}, and what it becomes, {@code formatted[targetFrom,
   * targetTo)}.
   */
  private record Range(int from, int to, int targetFrom, int targetTo) {}

  private FormatterEdits() {}

  static List<Edit> edits(List<String> original, List<String> formatted, ChangedLines added) {
    List<Range> deltas = new ArrayList<>();
    for (AbstractDelta<String> delta : DiffUtils.diff(original, formatted).getDeltas()) {
      int from = delta.getSource().getPosition();
      int targetFrom = delta.getTarget().getPosition();
      deltas.add(
          new Range(
              from,
              from + delta.getSource().size(),
              targetFrom,
              targetFrom + delta.getTarget().size()));
    }
    List<Edit> edits = new ArrayList<>();
    int i = 0;
    while (i < deltas.size()) {
      int j = i + 1;
      while (j < deltas.size() && deltas.get(j).from() - deltas.get(j - 1).to() <= MERGE_GAP) {
        j++;
      }
      List<Range> group = deltas.subList(i, j);
      Range merged =
          new Range(
              group.get(0).from(),
              group.get(group.size() - 1).to(),
              group.get(0).targetFrom(),
              group.get(group.size() - 1).targetTo());
      Edit edit = edit(merged, original, formatted, added);
      if (edit != null) {
        add(edits, edit);
      } else {
        for (Range single : group) {
          Edit one = group.size() > 1 ? edit(single, original, formatted, added) : null;
          if (one != null) {
            add(edits, one);
          } else if (single.to() - single.from() == single.targetTo() - single.targetFrom()) {
            // Line k became line k (re-indented, re-spaced): the runs of added lines can be offered
            // on their own.
            for (int k = single.from(); k < single.to(); k++) {
              int end = k;
              while (end < single.to() && added.contains(end + 1)) {
                end++;
              }
              if (end > k) {
                int offset = single.targetFrom() - single.from();
                add(
                    edits,
                    edit(new Range(k, end, k + offset, end + offset), original, formatted, added));
                k = end;
              }
            }
          }
        }
      }
      i = j;
    }
    return edits;
  }

  private static void add(List<Edit> edits, Edit edit) {
    if (edit != null && (edits.isEmpty() || edits.get(edits.size() - 1).end() < edit.start())) {
      edits.add(edit);
    }
  }

  /** The range as a stand-alone edit on added lines, or null. */
  private static Edit edit(
      Range range, List<String> original, List<String> formatted, ChangedLines added) {
    int from = range.from();
    int to = range.to();
    int targetFrom = range.targetFrom();
    int targetTo = range.targetTo();
    if (from == to) {
      // 1-based, line `from` is the one before the insertion and `from + 1` the one after.
      if (from > 0 && added.contains(from)) {
        from--;
        targetFrom--;
      } else if (from < original.size() && added.contains(from + 1)) {
        to++;
        targetTo++;
      } else {
        return null;
      }
    }
    if (!added.containsAll(from + 1, to)) {
      return null;
    }
    List<String> before = original.subList(from, to);
    List<String> after = formatted.subList(targetFrom, targetTo);
    if (!sameCode(before, after)) {
      return null;
    }
    return new Edit(from + 1, to, String.join("\n", after));
  }

  /**
   * Whether two runs of lines hold the same characters apart from whitespace and comment markers
   * ('/', '*'), in any order (the formatter also reorders modifiers). A split that loses or repeats
   * a line of code fails this.
   */
  static boolean sameCode(List<String> before, List<String> after) {
    return signature(before).equals(signature(after));
  }

  private static String signature(List<String> lines) {
    return String.join("", lines)
        .codePoints()
        .filter(c -> !Character.isWhitespace(c) && c != '/' && c != '*')
        .sorted()
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }
}
