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
import java.util.Set;

/**
 * {@code style/indent}: the indentation unit. Value {@code "2"}, {@code "3"}, {@code "4"} or {@code
 * "8"} (spaces) or {@code "tab"}; anything else observed ({@code "6"}, {@code "0"}, {@code "mixed"}
 * for tabs and spaces together ...) is measured but never enforced.
 *
 * <p>Measured only where the structure is certain ({@link Structure.Indent#UNIT}): a line that
 * starts a statement or declaration outside parentheses, compared with the first line of the
 * statement that opened its block (a case label's line inside a switch), so wrapped conditions and
 * lambdas or anonymous classes on continuation lines do not disturb it. Case labels, array and
 * enum-constant initializers and continuation lines are not measured. A changed line whose
 * indentation is not its reference line's plus one unit (or, for a closing brace, the same as the
 * line that opened its block) is a deviation; the replacement is the line with its leading
 * whitespace replaced by the expected indentation, so a tab in a spaces repository and a wrong
 * width are both found and fixed.
 */
public final class Indentation implements ConventionRule {

  public static final String ID = "style/indent";
  public static final String TAB = "tab";
  static final String MIXED = "mixed";
  static final String OTHER = "other";
  private static final Set<String> ENFORCEABLE = Set.of("2", "3", "4", "8", TAB);

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
      if (shape.indent() != Structure.Indent.UNIT) {
        continue;
      }
      tally.add(unit(file.lexical().line(shape.reference()).indent(), line.indent()));
    }
  }

  /** The unit between a reference line's indentation and one level deeper. */
  static String unit(String reference, String deeper) {
    if (tabs(reference) && tabs(deeper)) {
      int d = deeper.length() - reference.length();
      return d == 1 ? TAB : d <= 0 ? OTHER : MIXED;
    }
    if (spaces(reference) && spaces(deeper)) {
      int d = deeper.length() - reference.length();
      return d > 0 ? Integer.toString(d) : OTHER;
    }
    return MIXED;
  }

  @Override
  public Convention conclude(Tally tally) {
    Convention c =
        Dominance.DEFAULT.conclude(ID, tally, Indentation::describe, "indented statements");
    if (c.enforced() && !ENFORCEABLE.contains(c.value())) {
      return new Convention(ID, c.value(), c.follows(), c.breaks(), c.files(), false, c.evidence());
    }
    return c;
  }

  static String describe(String value) {
    return TAB.equals(value)
        ? "indents with tabs"
        : value.chars().allMatch(Character::isDigit)
            ? "indents with " + value + " spaces"
            : "indents inconsistently";
  }

  /** One unit as written: a tab or so many spaces; empty when the value is not a unit. */
  public static Optional<String> unitText(String value) {
    if (TAB.equals(value)) {
      return Optional.of("\t");
    }
    if (value != null && ENFORCEABLE.contains(value)) {
      return Optional.of(" ".repeat(Integer.parseInt(value)));
    }
    return Optional.empty();
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    Optional<String> unit = unitText(convention.value());
    Structure structure = file.lexical().structure();
    if (unit.isEmpty() || !structure.clean()) {
      return List.of();
    }
    boolean tabs = TAB.equals(convention.value());
    List<Deviation> out = new ArrayList<>();
    for (int n : changes.added()) {
      if (n > file.lineCount()) {
        continue;
      }
      Structure.Shape shape = structure.shape(n);
      if (shape.indent() == Structure.Indent.NONE) {
        continue;
      }
      if (shape.indent() == Structure.Indent.CASE) {
        caseLabel(file, structure, shape, changes, tabs, convention).ifPresent(out::add);
        continue;
      }
      String expected = expected(file, shape, unit.get(), tabs);
      if (expected == null) {
        continue;
      }
      Structure.Shape parent = structure.shape(shape.reference());
      String parentExpected = expected(file, parent, unit.get(), tabs);
      if (parentExpected != null
          && !parentExpected.equals(file.lexical().line(parent.number()).indent())) {
        continue; // the line it is measured from is off itself: that line gets the comment
      }
      JavaLines.Line line = file.lexical().line(n);
      String actual = line.indent();
      if (actual.equals(expected)) {
        continue;
      }
      out.add(
          new Deviation(
              ID,
              n,
              n,
              what(actual, expected, tabs) + "; " + convention.evidence() + ".",
              expected + line.text().substring(actual.length())));
    }
    return out;
  }

  /**
   * A case label is as deep as the unchanged labels of its switch, when they agree (how deep that
   * is, relative to the switch, varies between codebases and is not learned).
   */
  private static Optional<Deviation> caseLabel(
      JavaSource file,
      Structure structure,
      Structure.Shape shape,
      Changes changes,
      boolean tabs,
      Convention convention) {
    String expected = null;
    for (int m = shape.reference() + 1; m <= file.lineCount(); m++) {
      Structure.Shape sibling = structure.shape(m);
      if (sibling.depth() < shape.depth()) {
        break; // past the switch
      }
      if (m == shape.number()
          || sibling.indent() != Structure.Indent.CASE
          || sibling.reference() != shape.reference()
          || changes.contains(m)) {
        continue;
      }
      String indent = file.lexical().line(m).indent();
      if (expected != null && !expected.equals(indent)) {
        return Optional.empty();
      }
      expected = indent;
    }
    if (expected == null || (tabs ? !tabs(expected) : !spaces(expected))) {
      return Optional.empty();
    }
    JavaLines.Line line = file.lexical().line(shape.number());
    String actual = line.indent();
    if (actual.equals(expected)) {
      return Optional.empty();
    }
    return Optional.of(
        new Deviation(
            ID,
            shape.number(),
            shape.number(),
            what(actual, expected, tabs)
                + " (the other case labels of this switch)"
                + "; "
                + convention.evidence()
                + ".",
            expected + line.text().substring(actual.length())));
  }

  /** The indentation {@code shape}'s line should have, or null when it is not measured. */
  private static String expected(
      JavaSource file, Structure.Shape shape, String unit, boolean tabs) {
    if (shape.indent() == Structure.Indent.NONE || shape.indent() == Structure.Indent.CASE) {
      return null;
    }
    String reference = file.lexical().line(shape.reference()).indent();
    if (tabs ? !tabs(reference) : !spaces(reference)) {
      return null; // measured from a line that itself breaks the convention: say nothing
    }
    return reference + (shape.indent() == Structure.Indent.UNIT ? unit : "");
  }

  private static String what(String actual, String expected, boolean tabs) {
    if (!tabs && actual.indexOf('\t') >= 0) {
      return "Indented with a tab where this repository indents with spaces";
    }
    if (tabs && actual.indexOf(' ') >= 0) {
      return "Indented with spaces where this repository indents with tabs";
    }
    return "Indentation is "
        + width(actual, tabs)
        + " where "
        + width(expected, tabs)
        + " is expected";
  }

  private static String width(String indent, boolean tabs) {
    int n = indent.length();
    return tabs ? n + (n == 1 ? " tab" : " tabs") : n + (n == 1 ? " space" : " spaces");
  }

  static boolean tabs(String indent) {
    return indent.chars().allMatch(c -> c == '\t');
  }

  static boolean spaces(String indent) {
    return indent.chars().allMatch(c -> c == ' ');
  }
}
