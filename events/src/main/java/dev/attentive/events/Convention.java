package dev.attentive.events;

/**
 * One measured convention of a repository, with its evidence.
 *
 * @param ruleId stable id, e.g. {@code style/indent}, {@code style/brace/method}, {@code
 *     style/naming/constant}; what comments carry and what feedback mutes and counts by
 *     (docs/style.md lists them all)
 * @param value the dominant choice, in the rule's own notation (e.g. {@code 4} for four-space
 *     indentation, {@code tab}, {@code end-of-line}, {@code UPPER_SNAKE}, {@code 120})
 * @param follows occurrences that follow {@code value}
 * @param breaks occurrences that do not
 * @param files files in which the convention could be observed at all
 * @param enforced whether {@code value} is clearly dominant: at least the rule's minimum number of
 *     occurrences, and a share {@code follows / (follows + breaks)} at or above the bar. Mixed
 *     conventions are measured and shown, never enforced.
 * @param evidence how a comment states it, e.g. "this repository indents with 4 spaces: 1,912 of
 *     1,930 indented lines in 212 sampled files"
 */
public record Convention(
    String ruleId,
    String value,
    long follows,
    long breaks,
    int files,
    boolean enforced,
    String evidence) {

  public Convention {
    if (ruleId == null || ruleId.isBlank()) {
      throw new IllegalArgumentException("a convention needs a rule id");
    }
    if (follows < 0 || breaks < 0 || files < 0) {
      throw new IllegalArgumentException("negative evidence for " + ruleId);
    }
  }

  /** {@code follows / (follows + breaks)}, 0 when nothing was observed. */
  public double share() {
    long total = follows + breaks;
    return total == 0 ? 0 : (double) follows / total;
  }
}
