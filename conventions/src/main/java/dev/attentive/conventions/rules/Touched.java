package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.JavaSource;
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
}
