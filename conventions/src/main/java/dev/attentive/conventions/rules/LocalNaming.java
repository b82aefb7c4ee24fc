package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/local}: how the repository names local variables (also those of for, for-each
 * and try-with-resources). Value: the dominant pattern, one of LOWER_CAMEL, LOWER_SNAKE,
 * UPPER_SNAKE, UPPER_CAMEL (labels as in {@link NamePattern}); learning, the bar and the check are
 * {@link NamingRule}'s.
 */
public final class LocalNaming extends NamingRule {

  public static final String ID = "style/naming/local";

  public LocalNaming() {
    super(
        ID, DeclarationKind.LOCAL, EnumSet.of(LOWER_CAMEL, LOWER_SNAKE, UPPER_SNAKE, UPPER_CAMEL));
  }
}
