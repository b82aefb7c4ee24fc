package dev.attentive.models.mining;

import java.util.regex.Pattern;

/**
 * Which commit messages speak of a fix, by the keywords of ManySStuBs4J's selection (Karampatsis
 * and Sutton, MSR 2020): error, bug, fix, issue, mistake, incorrect, fault, defect, flaw — as whole
 * words, in any inflection ("fixes", "bugs", "fixed"). Only the rule is taken from that work, none
 * of its data. Fixes of tool warnings, typos, docs and refactorings are left out.
 */
public final class FixMessages {

  private static final Pattern FIX =
      Pattern.compile(
          "\\b(errors?|bugs?|bugfix(es)?|fix(es|ed|ing)?|hotfix(es)?|issues?|mistakes?|incorrect(ly)?"
              + "|faults?|faulty|defects?|flaws?|flawed)\\b",
          Pattern.CASE_INSENSITIVE);

  /**
   * Fixes of tool warnings, typos and documentation change no behaviour: not bugs a reviewer could
   * have flagged as such.
   */
  private static final Pattern NOT_BEHAVIOUR =
      Pattern.compile(
          "\\b(pmd|checkstyle|spotbugs|findbugs|sonar\\w*|errorprone|error-prone|lint|javadocs?"
              + "|typos?|spelling|whitespace|formatting|warnings?|compiler warnings?|deprecat\\w*"
              + "|rename[sd]?|refactor\\w*|cleanup|clean up|code style)\\b",
          Pattern.CASE_INSENSITIVE);

  private FixMessages() {}

  public static boolean speaksOfAFix(String message) {
    return message != null && FIX.matcher(message).find() && !NOT_BEHAVIOUR.matcher(message).find();
  }
}
