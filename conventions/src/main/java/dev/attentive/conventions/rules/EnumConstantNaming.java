package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/enum-constant}: how the repository names enum constants, apart from other
 * constants: some teams write them in UpperCamel while their constants are UPPER_SNAKE. Value: the
 * dominant pattern, one of UPPER_SNAKE, UPPER_CAMEL, LOWER_CAMEL, LOWER_SNAKE (labels as in {@link
 * NamePattern}); learning, the bar and the check are {@link NamingRule}'s.
 */
public final class EnumConstantNaming extends NamingRule {

  public static final String ID = "style/naming/enum-constant";

  public EnumConstantNaming() {
    super(
        ID,
        DeclarationKind.ENUM_CONSTANT,
        EnumSet.of(UPPER_SNAKE, UPPER_CAMEL, LOWER_CAMEL, LOWER_SNAKE));
  }
}
