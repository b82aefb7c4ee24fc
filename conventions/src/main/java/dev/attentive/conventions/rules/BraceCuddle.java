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
 * {@code style/brace/cuddle}: whether {@code else}, {@code catch} and {@code finally} follow the
 * closing brace on its line ({@code "same-line"}: {@code } else {}) or start the next line
 * ({@code "next-line"}). Only a keyword directly on the line after the brace counts as next-line.
 * The fix joins {@code }} / {@code else {} into {@code } else {}, or splits it, when all the lines
 * it covers are added and hold no comment.
 */
public final class BraceCuddle implements ConventionRule {

  public static final String ID = "style/brace/cuddle";
  public static final String SAME_LINE = "same-line";
  public static final String NEXT_LINE = "next-line";

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
    for (Structure.Cuddle c : structure.cuddles()) {
      if (structure.verbatim(c.closeLine())) {
        continue;
      }
      if (c.keywordLine() == c.closeLine()) {
        tally.add(SAME_LINE);
      } else if (c.keywordLine() == c.closeLine() + 1) {
        tally.add(NEXT_LINE);
      }
    }
  }

  @Override
  public Convention conclude(Tally tally) {
    // `} else`, `} catch`, `} finally` are rarer than lines: judged like declarations
    return Dominance.DECLARATIONS.conclude(
        ID,
        tally,
        v ->
            SAME_LINE.equals(v)
                ? "writes else, catch and finally on the closing brace's line"
                : "starts else, catch and finally on the line after the closing brace",
        "else, catch and finally clauses");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    Structure structure = file.lexical().structure();
    if (!structure.clean()) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (Structure.Cuddle c : structure.cuddles()) {
      JavaLines.Line close = file.lexical().line(c.closeLine());
      if (structure.verbatim(c.closeLine())) {
        continue;
      }
      if (SAME_LINE.equals(convention.value())) {
        if (c.keywordLine() != c.closeLine() + 1
            || !changes.contains(c.closeLine())
            || !changes.contains(c.keywordLine())
            || !close.text().trim().equals("}")) {
          continue;
        }
        JavaLines.Line keyword = file.lexical().line(c.keywordLine());
        out.add(
            new Deviation(
                ID,
                c.closeLine(),
                c.keywordLine(),
                message(c, convention),
                close.indent() + "} " + keyword.text().strip()));
      } else if (NEXT_LINE.equals(convention.value())) {
        String text = close.text().strip();
        if (c.keywordLine() != c.closeLine()
            || !changes.contains(c.closeLine())
            || BracePlacement.commented(close)
            || !text.startsWith("}")
            || !text.substring(1).strip().startsWith(c.keyword())) {
          continue;
        }
        out.add(
            new Deviation(
                ID,
                c.closeLine(),
                c.closeLine(),
                message(c, convention),
                close.indent()
                    + "}"
                    + (file.crlf() ? "\r\n" : "\n")
                    + close.indent()
                    + text.substring(1).strip()));
      }
    }
    return out;
  }

  private static String message(Structure.Cuddle c, Convention convention) {
    return "'"
        + c.keyword()
        + "' "
        + (SAME_LINE.equals(convention.value())
            ? "on its own line after the closing brace"
            : "on the closing brace's line")
        + "; "
        + convention.evidence()
        + ".";
  }
}
