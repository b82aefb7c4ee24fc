package dev.attentive.conventions;

import dev.attentive.conventions.rules.BlankLines;
import dev.attentive.conventions.rules.BraceCuddle;
import dev.attentive.conventions.rules.ConstantNaming;
import dev.attentive.conventions.rules.ContinuationIndent;
import dev.attentive.conventions.rules.ControlBrace;
import dev.attentive.conventions.rules.EnumConstantNaming;
import dev.attentive.conventions.rules.FieldAnnotations;
import dev.attentive.conventions.rules.FieldNaming;
import dev.attentive.conventions.rules.FinalLocals;
import dev.attentive.conventions.rules.FinalParameters;
import dev.attentive.conventions.rules.ImportOrder;
import dev.attentive.conventions.rules.Indentation;
import dev.attentive.conventions.rules.KeywordSpace;
import dev.attentive.conventions.rules.LambdaBrace;
import dev.attentive.conventions.rules.LineLength;
import dev.attentive.conventions.rules.LocalNaming;
import dev.attentive.conventions.rules.MethodAnnotations;
import dev.attentive.conventions.rules.MethodBrace;
import dev.attentive.conventions.rules.MethodNaming;
import dev.attentive.conventions.rules.ModifierOrder;
import dev.attentive.conventions.rules.PackageNaming;
import dev.attentive.conventions.rules.ParameterNaming;
import dev.attentive.conventions.rules.StaticFieldNaming;
import dev.attentive.conventions.rules.StaticImports;
import dev.attentive.conventions.rules.TestMethodNaming;
import dev.attentive.conventions.rules.TrailingWhitespace;
import dev.attentive.conventions.rules.TypeAnnotations;
import dev.attentive.conventions.rules.TypeBrace;
import dev.attentive.conventions.rules.TypeNaming;
import dev.attentive.conventions.rules.WildcardImports;
import java.util.List;

/**
 * Every convention Attentive learns and enforces, in priority order: where two rules flag the same
 * line, the earlier one's comment is posted.
 */
public final class Rules {

  private Rules() {}

  public static List<ConventionRule> all() {
    return List.of(
        // layout first: indentation (the most common planted and real deviation), then braces,
        // spacing, blank lines, continuation and line length, each line's first finding wins
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
        new TrailingWhitespace(),
        // declarations (naming, imports, final, annotations): after the layout rules
        new ConstantNaming(),
        new EnumConstantNaming(),
        new StaticFieldNaming(),
        new FieldNaming(),
        new LocalNaming(),
        new ParameterNaming(),
        new MethodNaming(),
        new TestMethodNaming(),
        new TypeNaming(),
        new WildcardImports(),
        new StaticImports(),
        new ImportOrder(),
        new PackageNaming(),
        new FinalLocals(),
        new FinalParameters(),
        new MethodAnnotations(),
        new TypeAnnotations(),
        new FieldAnnotations(),
        new ModifierOrder());
  }
}
