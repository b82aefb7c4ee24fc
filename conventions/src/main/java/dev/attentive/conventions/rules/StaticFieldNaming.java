package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/static-field}: how the repository names static fields that are not constants:
 * mutable ones, and static finals of other types (a Logger, a map). Value: the dominant pattern,
 * one of UPPER_SNAKE, LOWER_CAMEL, S_PREFIXED, LOWER_SNAKE, UNDERSCORE_PREFIXED, UPPER_CAMEL
 * (labels as in {@link NamePattern}); learning, the bar and the check are {@link NamingRule}'s.
 */
public final class StaticFieldNaming extends NamingRule {

  public static final String ID = "style/naming/static-field";

  public StaticFieldNaming() {
    super(
        ID,
        DeclarationKind.STATIC_FIELD,
        EnumSet.of(
            UPPER_SNAKE, LOWER_CAMEL, S_PREFIXED, LOWER_SNAKE, UNDERSCORE_PREFIXED, UPPER_CAMEL));
  }
}
