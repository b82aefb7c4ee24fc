package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class ContinuationIndentTest {

  static final String EIGHT =
      """
      class A {
          void f() {
              String s = first
                      + second;
              if (a)
                  b();
              call(a,
                      b);
          }
      }
      """;

  private final ContinuationIndent rule = new ContinuationIndent();

  @Test
  void learnsTheFirstContinuationLineNotBracelessBodies() {
    Convention c = Layouts.learn(rule, EIGHT, 25);
    assertThat(c.value()).isEqualTo("8");
    assertThat(c.follows()).isEqualTo(50);
    assertThat(c.enforced()).isTrue();
    String aligned = EIGHT.replace("                b);", "             b);");
    Convention mixed = Layouts.learn(rule, aligned, 25);
    assertThat(mixed.enforced()).isFalse();
  }

  @Test
  void aWrongContinuationIsReindented() {
    String planted = EIGHT.replace("                + second;", "            + second;");
    assertThat(Layouts.check(rule, "8", planted, 4))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("                + second;"));
    assertThat(Layouts.checkAll(rule, "8", EIGHT)).isEmpty();
    String aligned = EIGHT.replace("                b);", "             b);");
    assertThat(Layouts.check(rule, "aligned", aligned, 8)).isEmpty();
    assertThat(Layouts.check(rule, "aligned", EIGHT, 8))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("             b);"));
  }
}
