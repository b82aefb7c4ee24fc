package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordSpaceTest {

  static final String SPACED =
      """
      class A {
        void f() {
          if (a) {
            for (int i : list) {
              verify(i); // if(x) in a comment
            }
          }
          while (b) {
            s = "if(";
          }
        }
      }
      """;

  private final KeywordSpace rule = new KeywordSpace();

  @Test
  void learnsFromCodeOnly() {
    var c = Layouts.learn(rule, SPACED, 20);
    assertThat(c.value()).isEqualTo("space");
    assertThat(c.follows()).isEqualTo(60);
    assertThat(c.enforced()).isTrue();
    assertThat(
            Layouts.learn(
                    rule,
                    SPACED
                        .replace("if (", "if(")
                        .replace("for (", "for(")
                        .replace("while (", "while("),
                    20)
                .value())
        .isEqualTo("none");
  }

  @Test
  void rewritesOnlyTheSpot() {
    String planted = SPACED.replace("    if (a) {", "    if(a) {");
    assertThat(Layouts.check(rule, "space", planted, 3))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement()).isEqualTo("    if (a) {");
              assertThat(d.message()).startsWith("No space after 'if'");
            });
    assertThat(Layouts.check(rule, "none", SPACED, 4))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("      for(int i : list) {"));
    assertThat(Layouts.checkAll(rule, "space", SPACED)).isEmpty();
  }
}
