package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.JavaSource;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a change really introduced, for the declaration rules: a line the diff re-adds unchanged
 * (moved, re-indented) or a name the old code already had is not the author's new choice, so it
 * gets no comment.
 */
final class Touched {

  private Touched() {}

  /** Line {@code n} was added and is not a removed line re-added (ignoring indentation). */
  static boolean isNew(JavaSource file, Changes changes, int n) {
    if (!changes.contains(n) || n > file.lineCount()) {
      return false;
    }
    String text = file.line(n).strip();
    return changes.removed().stream().noneMatch(r -> r.strip().equals(text));
  }

  /** {@code word} occurs as a whole identifier in a removed line. */
  static boolean removedMentions(Changes changes, String word) {
    Pattern p = word(word);
    return changes.removed().stream().anyMatch(r -> p.matcher(r).find());
  }

  /** {@code word} occurs as a whole identifier on a line of {@code file} the change kept. */
  static boolean keptMentions(JavaSource file, Changes changes, String word) {
    Pattern p = word(word);
    for (int n = 1; n <= file.lineCount(); n++) {
      if (!changes.contains(n) && p.matcher(file.line(n)).find()) {
        return true;
      }
    }
    return false;
  }

  /** {@code word} occurs as a whole identifier anywhere in {@code text}. */
  static boolean mentions(String text, String word) {
    return word(word).matcher(text).find();
  }

  private static Pattern word(String word) {
    return Pattern.compile("(?<![\\w$])" + Pattern.quote(word) + "(?![\\w$])");
  }

  /**
   * The first of {@code found}, its message saying how many more the file has: a new file written
   * another way gets one comment about the habit, not one per declaration.
   */
  static List<Deviation> once(List<Deviation> found) {
    if (found.size() <= 1) {
      return found;
    }
    Deviation first = found.get(0);
    int more = found.size() - 1;
    return List.of(
        new Deviation(
            first.ruleId(),
            first.startLine(),
            first.endLine(),
            first.message()
                + " The file has "
                + more
                + " more declaration"
                + (more == 1 ? "" : "s")
                + " like this one.",
            first.replacement()));
  }
}
