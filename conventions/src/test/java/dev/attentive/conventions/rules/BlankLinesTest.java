package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlankLinesTest {

  static final String SINGLE =
      """
      class A {

        int a;

        /**
         * Two blank lines in a comment do not count.


         */
        int b;
      }
      """;

  private final BlankLines rule = new BlankLines();

  @Test
  void learnsRunsOfBlankLinesInCode() {
    var c = Layouts.learn(rule, SINGLE, 25);
    assertThat(c.value()).isEqualTo("at-most-one");
    assertThat(c.follows()).isEqualTo(50);
    assertThat(c.enforced()).isTrue();
  }

  @Test
  void anAddedSecondBlankLineIsDeletedWithAnEmptySuggestion() {
    String planted = SINGLE.replace("  int a;\n", "  int a;\n\n");
    // line 4 is the added blank line after the existing one at line 5 (or before it)
    assertThat(Layouts.check(rule, "at-most-one", planted, 4))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(4);
              assertThat(d.endLine()).isEqualTo(4);
              assertThat(d.replacement()).isEmpty();
            });
    // both added: the first stays
    assertThat(Layouts.check(rule, "at-most-one", planted, 4, 5))
        .singleElement()
        .satisfies(d -> assertThat(d.startLine()).isEqualTo(5));
    assertThat(Layouts.checkAll(rule, "at-most-one", SINGLE)).isEmpty();
  }
}
