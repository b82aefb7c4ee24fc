package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaLines;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Structure;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the opening brace of one kind of construct goes: value {@code "end-of-line"} (the brace
 * ends the line of the header) or {@code "next-line"} (the brace is alone on the next line).
 * Braces inside parentheses other than lambdas', array initializers' and anonymous classes' are
 * not counted. A changed header whose brace breaks the convention is rewritten when all its lines
 * are added: {@code if (x)} / {@code {} becomes {@code if (x) {}, and the reverse in a next-line
 * repository with the brace at the header's first line's indentation.
 */
public abstract class BracePlacement implements ConventionRule {

  public static final String END_OF_LINE = "end-of-line";
  public static final String NEXT_LINE = "next-line";

  private final String id;
  private final Structure.Construct construct;
  private final String what;

  BracePlacement(String id, Structure.Construct construct, String what) {
    this.id = id;
    this.construct = construct;
    this.what = what;
  }

  @Override
  public String id() {
    return id;
  }

  private boolean counts(Structure.Brace brace) {
    return brace.construct() == construct
        && (construct == Structure.Construct.LAMBDA || !brace.inParens());
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    Structure structure = file.lexical().structure();
    if (!structure.clean()) {
      return;
    }
    for (Structure.Brace brace : structure.braces()) {
      if (counts(brace) && !structure.verbatim(brace.line())) {
        tally.add(brace.ownLine() ? NEXT_LINE : END_OF_LINE);
      }
    }
  }

  /**
   * The bar: {@link Dominance#DEFAULT}; type declarations are rarer than lines, so a type's brace
   * is judged like other declarations ({@link Dominance#DECLARATIONS}).
   */
  Dominance bar() {
    return Dominance.DEFAULT;
  }

  @Override
  public Convention conclude(Tally tally) {
    return bar()
        .conclude(
            id,
            tally,
            v ->
                "puts the opening brace of "
                    + what
                    + " "
                    + (NEXT_LINE.equals(v) ? "on the next line" : "at the end of the line"),
            what);
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    Structure structure = file.lexical().structure();
    if (!structure.clean()) {
      return List.of();
    }
    boolean endOfLine = END_OF_LINE.equals(convention.value());
    if (!endOfLine && !NEXT_LINE.equals(convention.value())) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (Structure.Brace brace : structure.braces()) {
      if (!counts(brace) || brace.ownLine() != endOfLine || structure.verbatim(brace.line())) {
        continue;
      }
      JavaLines.Line line = file.lexical().line(brace.line());
      String message =
          "Opening brace "
              + (endOfLine ? "on its own line" : "at the end of the line")
              + "; "
              + convention.evidence()
              + ".";
      if (endOfLine) {
        // `if (x)` / `{` -> `if (x) {`, only for a lone brace right below a comment-free header
        int header = brace.headerLine();
        if (header != brace.line() - 1
            || !changes.contains(header)
            || !changes.contains(brace.line())
            || !line.text().trim().equals("{")) {
          continue;
        }
        JavaLines.Line head = file.lexical().line(header);
        if (commented(head)) {
          continue;
        }
        out.add(
            new Deviation(id, header, brace.line(), message, head.text().stripTrailing() + " {"));
      } else {
        // `if (x) {` -> `if (x)` / `{`, only when the brace ends a comment-free line that does
        // not start with a closing brace (that is the cuddle rule's business)
        if (!changes.contains(brace.line())
            || commented(line)
            || line.text().stripTrailing().length() != brace.column() + 1
            || line.code().trim().startsWith("}")) {
          continue;
        }
        String indent = file.lexical().line(brace.statementFirst()).indent();
        String before = line.text().substring(0, brace.column()).stripTrailing();
        if (before.isBlank()) {
          continue;
        }
        out.add(
            new Deviation(
                id,
                brace.line(),
                brace.line(),
                message,
                before + (file.crlf() ? "\r\n" : "\n") + indent + "{"));
      }
    }
    return out;
  }

  /** Whether the line holds a comment (a join or split could swallow code into it). */
  static boolean commented(JavaLines.Line line) {
    String text = line.text();
    String code = line.code();
    for (int i = 0; i < text.length(); i++) {
      if (code.charAt(i) == ' ' && text.charAt(i) != ' ' && text.charAt(i) != '\t') {
        return true;
      }
    }
    return false;
  }
}
