package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;

/**
 * Where a pointer repair (another identifier of the window) points; shared by the two kinds that
 * use one.
 */
final class Pointers {

  private Pointers() {}

  /**
   * The token a pointer repair names, or -1 when {@code repair} is a class, points outside the
   * window or at the flagged token, or either token is not an identifier, or both have the same
   * name.
   */
  static int target(Window window, int tokenIndex, int repair, RepairClasses classes) {
    if (repair < classes.size()) {
      return -1;
    }
    int position = repair - classes.size();
    int target = position < window.tokenAt().length ? window.tokenAt()[position] : -1;
    CodeToken token = window.tokens().get(tokenIndex);
    if (target < 0 || target == tokenIndex || token.kind() != CodeToken.Kind.IDENTIFIER) {
      return -1;
    }
    CodeToken other = window.tokens().get(target);
    if (other.kind() != CodeToken.Kind.IDENTIFIER || other.text().equals(token.text())) {
      return -1;
    }
    return target;
  }

  /**
   * Whether {@code target} is the argument right after {@code tokenIndex} on its line ({@code a,
   * b}).
   */
  static boolean nextArgument(Window window, int tokenIndex, int target) {
    return target == tokenIndex + 2
        && window.tokens().get(tokenIndex + 1).text().equals(",")
        && window.tokens().get(target).line() == window.tokens().get(tokenIndex).line();
  }
}
