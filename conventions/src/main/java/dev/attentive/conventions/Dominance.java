package dev.attentive.conventions;

import dev.attentive.events.Convention;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * The bar a convention must clear to be enforced: a clearly dominant value, seen often enough and
 * in enough files. Below it the convention is measured and shown (in {@code attentive profile}),
 * never enforced: a mixed codebase gets no comments about it.
 *
 * @param minShare lowest {@code follows / (follows + breaks)}
 * @param minOccurrences fewest occurrences in the sample
 * @param minFiles fewest files the convention was seen in
 */
public record Dominance(double minShare, long minOccurrences, int minFiles) {

  /** The default bar: 95 % of at least 50 occurrences in at least 3 files (docs/style.md). */
  public static final Dominance DEFAULT = new Dominance(0.95, 50, 3);

  /** For declarations, which are rarer than lines: 95 % of at least 20 in at least 3 files. */
  public static final Dominance DECLARATIONS = new Dominance(0.95, 20, 3);

  public boolean clears(long follows, long total, int files) {
    return total >= minOccurrences && files >= minFiles && follows >= minShare * total;
  }

  /**
   * The usual conclusion: the most frequent value of {@code tally}, enforced when it clears this
   * bar.
   *
   * @param what describes the value for the evidence sentence, e.g. {@code v -> "indents with " + v
   *     + " spaces"}
   * @param unit what was counted, plural, e.g. {@code "indented lines"}
   */
  public Convention conclude(
      String ruleId, Tally tally, java.util.function.Function<String, String> what, String unit) {
    String top = tally.top();
    if (top == null) {
      return new Convention(ruleId, null, 0, 0, 0, false, "not observed in the sample");
    }
    long follows = tally.count(top);
    long total = tally.total();
    return new Convention(
        ruleId,
        top,
        follows,
        total - follows,
        tally.files(),
        clears(follows, total, tally.files()),
        evidence(what.apply(top), follows, total, unit, tally.files()));
  }

  /** "this repository indents with 4 spaces: 1,912 of 1,930 indented lines in 212 sampled files" */
  public static String evidence(String what, long follows, long total, String unit, int files) {
    NumberFormat n = NumberFormat.getIntegerInstance(Locale.ROOT);
    n.setGroupingUsed(true);
    return "this repository "
        + what
        + ": "
        + n.format(follows)
        + " of "
        + n.format(total)
        + " "
        + unit
        + " in "
        + n.format(files)
        + " sampled file"
        + (files == 1 ? "" : "s");
  }
}
