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
import java.util.Optional;

/**
 * {@code style/indent/continuation}: how far the first continuation line of a wrapped statement is
 * indented from the statement's first line. Value: so many spaces ({@code "4"}, {@code "8"} ...),
 * {@code "tab"} or {@code "2-tabs"}, or {@code "aligned"} when the line starts just after a
 * parenthesis the previous line left open. Bodies of brace-less {@code if}/{@code for}/{@code
 * while}/{@code else}, case bodies, enum constants and array initializers are not counted. A
 * codebase that mixes (e.g. aligns arguments but indents chained calls) is not enforced.
 */
public final class ContinuationIndent implements ConventionRule {

  public static final String ID = "style/indent/continuation";
  public static final String ALIGNED = "aligned";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    Structure structure = file.lexical().structure();
    if (!structure.clean()) {
      return;
    }
    for (JavaLines.Line line : file.lexical().lines()) {
      Structure.Shape shape = structure.shape(line.number());
      if (shape.firstContinuation()) {
        value(file, shape, line).ifPresent(tally::add);
      }
    }
  }

  private static Optional<String> value(
      JavaSource file, Structure.Shape shape, JavaLines.Line line) {
    String first = file.lexical().line(shape.statementFirst()).indent();
    String indent = line.indent();
    if (shape.alignColumn() >= 0
        && Indentation.spaces(indent)
        && file.lexical()
                .line(shape.statementFirst())
                .text()
                .substring(0, shape.alignColumn())
                .indexOf('\t')
            < 0
        && indent.length() == shape.alignColumn()) {
      return Optional.of(ALIGNED);
    }
    if (!indent.startsWith(first) || indent.length() <= first.length()) {
      return Optional.of("other");
    }
    String extra = indent.substring(first.length());
    if (Indentation.spaces(extra)) {
      return Optional.of(Integer.toString(extra.length()));
    }
    if (Indentation.tabs(extra)) {
      return Optional.of(extra.length() == 1 ? Indentation.TAB : extra.length() + "-tabs");
    }
    return Optional.of("other");
  }

  @Override
  public Convention conclude(Tally tally) {
    Convention c =
        Dominance.DEFAULT.conclude(
            ID,
            tally,
            v ->
                ALIGNED.equals(v)
                    ? "aligns wrapped lines with the open parenthesis"
                    : "indents wrapped lines by "
                        + (v.chars().allMatch(Character::isDigit) ? v + " spaces" : v),
            "wrapped statements");
    if (c.enforced() && continuation(c.value()).isEmpty() && !ALIGNED.equals(c.value())) {
      return new Convention(ID, c.value(), c.follows(), c.breaks(), c.files(), false, c.evidence());
    }
    return c;
  }

  /** The continuation indent a value stands for, as written; empty for aligned or unknown. */
  public static Optional<String> continuation(String value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value.matches("[1-9][0-9]?")) {
      return Optional.of(" ".repeat(Integer.parseInt(value)));
    }
    if (Indentation.TAB.equals(value)) {
      return Optional.of("\t");
    }
    if (value.matches("[2-4]-tabs")) {
      return Optional.of("\t".repeat(value.charAt(0) - '0'));
    }
    return Optional.empty();
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    Structure structure = file.lexical().structure();
    if (!structure.clean()) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (int n : changes.added()) {
      if (n > file.lineCount()) {
        continue;
      }
      Structure.Shape shape = structure.shape(n);
      JavaLines.Line line = file.lexical().line(n);
      if (!shape.firstContinuation()) {
        continue;
      }
      String expected;
      if (ALIGNED.equals(convention.value())) {
        if (shape.alignColumn() < 0
            || file.lexical()
                    .line(shape.statementFirst())
                    .text()
                    .substring(0, shape.alignColumn())
                    .indexOf('\t')
                >= 0) {
          continue;
        }
        expected = " ".repeat(shape.alignColumn());
      } else {
        Optional<String> extra = continuation(convention.value());
        String first = file.lexical().line(shape.statementFirst()).indent();
        if (extra.isEmpty()
            || (extra.get().startsWith("\t")
                ? !Indentation.tabs(first)
                : !Indentation.spaces(first))) {
          continue;
        }
        expected = first + extra.get();
      }
      if (line.indent().equals(expected)) {
        continue;
      }
      out.add(
          new Deviation(
              ID,
              n,
              n,
              "Wrapped line indented differently; " + convention.evidence() + ".",
              expected + line.text().substring(line.indent().length())));
    }
    return out;
  }
}
