package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaLines;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code style/blank-lines/double}: whether runs of blank lines in code are at most one line long
 * (value {@code "at-most-one"}) or sometimes longer ({@code "several"}). Blank lines inside
 * comments and text blocks are not counted. Deviation: added blank lines that make a run longer
 * than one, with the replacement {@code ""}: a suggestion with no lines deletes them.
 */
public final class BlankLines implements ConventionRule {

  public static final String ID = "style/blank-lines/double";
  public static final String AT_MOST_ONE = "at-most-one";
  public static final String SEVERAL = "several";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    List<JavaLines.Line> lines = file.lexical().lines();
    int run = 0;
    for (JavaLines.Line line : lines) {
      if (blankInCode(line) && !file.lexical().structure().verbatim(line.number())) {
        run++;
        continue;
      }
      if (run > 0) {
        tally.add(run == 1 ? AT_MOST_ONE : SEVERAL);
      }
      run = 0;
    }
  }

  private static boolean blankInCode(JavaLines.Line line) {
    return line.blank() && line.start() == JavaLines.Start.CODE;
  }

  /**
   * 99 % of at least 50 runs in 3 files: a codebase that leaves a double blank line in more than 1
   * run in 100 keeps adding them (measured: slf4j, 97.6 % single, added 8 in 858 changed lines of
   * its next release), while the consistent ones are at 99.6 % or above.
   */
  static final Dominance BAR = new Dominance(0.99, 50, 3);

  @Override
  public Convention conclude(Tally tally) {
    return BAR.conclude(
        ID,
        tally,
        v ->
            AT_MOST_ONE.equals(v)
                ? "never leaves two blank lines in a row"
                : "sometimes leaves several blank lines in a row",
        "runs of blank lines");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    if (!AT_MOST_ONE.equals(convention.value())) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    int n = 1;
    int size = file.lineCount();
    while (n <= size) {
      if (!blankInCode(file.lexical().line(n))) {
        n++;
        continue;
      }
      int start = n;
      while (n <= size && blankInCode(file.lexical().line(n))) {
        n++;
      }
      int end = n - 1;
      if (end == start || n > size || file.lexical().structure().verbatim(start)) {
        continue; // a single blank line, or blank lines that end the file
      }
      // keep one line of the run: an unchanged one when there is one, else the first
      boolean anyKept = false;
      for (int i = start; i <= end; i++) {
        anyKept |= !changes.contains(i);
      }
      int from = -1;
      for (int i = anyKept ? start : start + 1; i <= end + 1; i++) {
        boolean extra = i <= end && changes.contains(i);
        if (extra && from < 0) {
          from = i;
        } else if (!extra && from > 0) {
          out.add(
              new Deviation(
                  ID,
                  from,
                  i - 1,
                  "More than one blank line in a row; " + convention.evidence() + ".",
                  ""));
          from = -1;
        }
      }
    }
    return out;
  }
}
