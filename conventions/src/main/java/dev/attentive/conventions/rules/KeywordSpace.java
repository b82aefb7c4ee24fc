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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code style/whitespace/keyword}: one space between {@code if}, {@code for}, {@code while},
 * {@code switch}, {@code catch}, {@code synchronized} or {@code try} and its parenthesis ({@code
 * "space"}) or none ({@code "none"}). Read from code only (not comments or strings); other gaps
 * (two spaces, a line break) are not counted. The fix rewrites those spots of the line only.
 */
public final class KeywordSpace implements ConventionRule {

  public static final String ID = "style/whitespace/keyword";
  public static final String SPACE = "space";
  public static final String NONE = "none";

  private static final Pattern KEYWORD =
      Pattern.compile("(?<![\\w$.@])(if|for|while|switch|catch|synchronized|try)( ?)\\(");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    for (JavaLines.Line line : file.lexical().lines()) {
      if (file.lexical().structure().verbatim(line.number())) {
        continue;
      }
      Matcher m = KEYWORD.matcher(line.code());
      while (m.find()) {
        tally.add(m.group(2).isEmpty() ? NONE : SPACE);
      }
    }
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DEFAULT.conclude(
        ID,
        tally,
        v ->
            SPACE.equals(v)
                ? "puts a space between a keyword and its parenthesis"
                : "puts no space between a keyword and its parenthesis",
        "keywords such as if and for");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    boolean space = SPACE.equals(convention.value());
    if (!space && !NONE.equals(convention.value())) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (int n : changes.added()) {
      if (n > file.lineCount()) {
        continue;
      }
      JavaLines.Line line = file.lexical().line(n);
      if (file.lexical().structure().verbatim(n)) {
        continue;
      }
      Matcher m = KEYWORD.matcher(line.code());
      StringBuilder fixed = new StringBuilder();
      int copied = 0;
      String keyword = null;
      while (m.find()) {
        if (m.group(2).isEmpty() != space) {
          continue;
        }
        keyword = keyword == null ? m.group(1) : keyword;
        fixed.append(line.text(), copied, m.end(1)).append(space ? " " : "");
        copied = m.end(2);
      }
      if (keyword == null) {
        continue;
      }
      fixed.append(line.text().substring(copied));
      out.add(
          new Deviation(
              ID,
              n,
              n,
              (space ? "No space after '" : "Space after '")
                  + keyword
                  + "'; "
                  + convention.evidence()
                  + ".",
              fixed.toString()));
    }
    return out;
  }
}
