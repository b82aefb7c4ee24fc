package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/field}: how the repository names instance fields, final or not. Value: the
 * dominant pattern, one of LOWER_CAMEL, M_PREFIXED, LOWER_SNAKE, UNDERSCORE_PREFIXED, UPPER_SNAKE,
 * UPPER_CAMEL (labels as in {@link NamePattern}); learning, the bar and the check are {@link
 * NamingRule}'s.
 */
public final class FieldNaming extends NamingRule {

  public static final String ID = "style/naming/field";

  public FieldNaming() {
    super(
        ID,
        DeclarationKind.FIELD,
        EnumSet.of(
            LOWER_CAMEL, M_PREFIXED, LOWER_SNAKE, UNDERSCORE_PREFIXED, UPPER_SNAKE, UPPER_CAMEL));
  }
}
