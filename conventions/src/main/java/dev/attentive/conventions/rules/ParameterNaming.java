package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/parameter}: how the repository names parameters of methods, constructors,
 * lambdas and catch clauses; those of an {@code @Override} method are left out (the overridden
 * method named them). Value: the dominant pattern, one of LOWER_CAMEL, LOWER_SNAKE,
 * UNDERSCORE_PREFIXED, UPPER_CAMEL, UPPER_SNAKE (labels as in {@link NamePattern}); learning, the
 * bar and the check are {@link NamingRule}'s.
 */
public final class ParameterNaming extends NamingRule {

  public static final String ID = "style/naming/parameter";

  public ParameterNaming() {
    super(
        ID,
        DeclarationKind.PARAMETER,
        EnumSet.of(LOWER_CAMEL, LOWER_SNAKE, UNDERSCORE_PREFIXED, UPPER_CAMEL, UPPER_SNAKE));
  }
}
