package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/method}: how the repository names methods other than tests; {@code @Override}
 * and native methods are left out (a supertype or a native library chose the name). Value: the
 * dominant pattern, one of LOWER_CAMEL, LOWER_SNAKE, UPPER_CAMEL, UPPER_SNAKE, CAMEL_UNDERSCORED
 * (labels as in {@link NamePattern}); learning, the bar and the check are {@link NamingRule}'s.
 */
public final class MethodNaming extends NamingRule {

  public static final String ID = "style/naming/method";

  public MethodNaming() {
    super(
        ID,
        DeclarationKind.METHOD,
        EnumSet.of(LOWER_CAMEL, LOWER_SNAKE, UPPER_CAMEL, UPPER_SNAKE, CAMEL_UNDERSCORED));
  }
}
