package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/type}: how the repository names classes, interfaces, enums, records and
 * annotation types, nested and local ones included. Value: the dominant pattern, one of
 * UPPER_CAMEL, UPPER_SNAKE, LOWER_CAMEL, LOWER_SNAKE (labels as in {@link NamePattern}); learning,
 * the bar and the check are {@link NamingRule}'s.
 */
public final class TypeNaming extends NamingRule {

  public static final String ID = "style/naming/type";

  public TypeNaming() {
    super(ID, DeclarationKind.TYPE, EnumSet.of(UPPER_CAMEL, UPPER_SNAKE, LOWER_CAMEL, LOWER_SNAKE));
  }
}
