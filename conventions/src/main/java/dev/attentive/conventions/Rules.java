package dev.attentive.conventions;

import dev.attentive.conventions.rules.BlankLines;
import dev.attentive.conventions.rules.BraceCuddle;
import dev.attentive.conventions.rules.ContinuationIndent;
import dev.attentive.conventions.rules.ControlBrace;
import dev.attentive.conventions.rules.Indentation;
import dev.attentive.conventions.rules.KeywordSpace;
import dev.attentive.conventions.rules.LambdaBrace;
import dev.attentive.conventions.rules.LineLength;
import dev.attentive.conventions.rules.MethodBrace;
import dev.attentive.conventions.rules.TrailingWhitespace;
import dev.attentive.conventions.rules.TypeBrace;
import java.util.List;

/**
 * Every convention Attentive learns and enforces, in priority order: where two rules flag the same
 * line, the earlier one's comment is posted.
 */
public final class Rules {

  private Rules() {}

  public static List<ConventionRule> all() {
    // layout first: indentation (the most common planted and real deviation), then braces,
    // spacing, blank lines, continuation and line length, each line's first finding wins
    return List.of(
        new Indentation(),
        new TypeBrace(),
        new MethodBrace(),
        new ControlBrace(),
        new LambdaBrace(),
        new BraceCuddle(),
        new KeywordSpace(),
        new BlankLines(),
        new ContinuationIndent(),
        new LineLength(),
        new TrailingWhitespace());
  }
}
