package dev.attentive.conventions.rules;

import static dev.attentive.conventions.rules.NamePattern.*;

import java.util.EnumSet;

/**
 * {@code style/naming/test-method}: how the repository names methods annotated {@code @Test},
 * {@code @ParameterizedTest}, {@code @RepeatedTest}, {@code @TestFactory}, {@code @TestTemplate} or
 * jqwik's {@code @Property}/{@code @Example}. A camel_Underscored convention ({@code
 * method_whenX_thenY}) is measured but not checked: its words cannot be rewritten reliably. Value:
 * the dominant pattern, one of LOWER_CAMEL, TEST_PREFIXED, LOWER_SNAKE, CAMEL_UNDERSCORED (labels
 * as in {@link NamePattern}); learning, the bar and the check are {@link NamingRule}'s.
 */
public final class TestMethodNaming extends NamingRule {

  public static final String ID = "style/naming/test-method";

  public TestMethodNaming() {
    super(
        ID,
        DeclarationKind.TEST_METHOD,
        EnumSet.of(LOWER_CAMEL, TEST_PREFIXED, LOWER_SNAKE, CAMEL_UNDERSCORED));
  }
}
