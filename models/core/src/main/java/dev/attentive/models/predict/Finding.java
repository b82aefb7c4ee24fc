package dev.attentive.models.predict;

import dev.attentive.models.kinds.BugKind;
import java.util.List;

/**
 * A likely bug on one line and its fix.
 *
 * @param line 1-based line of the file
 * @param original that line's text
 * @param replacement the line with the fix applied
 * @param confidence {@link Prediction#confidence()}
 * @param kind the bug kind whose repair the fix is
 * @param found the token the model flagged
 * @param fix the token the fix puts there (or a description for insert/delete/swap)
 * @param restedOn the tokens the last layer's attention from the flagged token weighed most
 */
public record Finding(
    int line,
    String original,
    String replacement,
    double confidence,
    BugKind kind,
    String found,
    String fix,
    List<String> restedOn) {

  /**
   * What the finding is called: "operator", "literal", "variable", "swap", "negation" or "method".
   */
  public String rule() {
    return kind.rule();
  }

  /** One sentence for a review: what looks wrong and what was probably meant. */
  public String describe() {
    return kind.describe(found, fix);
  }
}
