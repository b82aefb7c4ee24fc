package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/constant}: how the repository names static final fields of primitive, boxed
 * or String type (interface fields included); {@code serialVersionUID} left out. Value: the
 * dominant pattern, one of UPPER_SNAKE, UPPER_CAMEL, LOWER_CAMEL, LOWER_SNAKE (labels as in {@link
 * NamePattern}); learning, the bar and the check are {@link NamingRule}'s.
 */
public final class ConstantNaming extends NamingRule {

  public static final String ID = "style/naming/constant";

  public ConstantNaming() {
    super(
        ID,
        DeclarationKind.CONSTANT,
        EnumSet.of(UPPER_SNAKE, UPPER_CAMEL, LOWER_CAMEL, LOWER_SNAKE));
  }
}
