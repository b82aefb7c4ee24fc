package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class BraceCuddleTest {

  static final String CUDDLED =
      """
      class A {
        void f() {
          try {
            if (a) {
              b();
            } else {
              c();
            }
          } catch (IOException e) {
            d();
          } finally {
            e();
          }
        }
      }
      """;

  private final BraceCuddle rule = new BraceCuddle();

  @Test
  void learnsWhereElseCatchAndFinallyGo() {
    Convention same = Layouts.learn(rule, CUDDLED, 20);
    assertThat(same.value()).isEqualTo("same-line");
    assertThat(same.follows()).isEqualTo(60);
    assertThat(same.enforced()).isTrue();
    String split = CUDDLED.replaceAll("\\} (else|catch|finally)", "}\n$1");
    assertThat(Layouts.learn(rule, split, 20).value()).isEqualTo("next-line");
  }

  @Test
  void joinsOrSplitsTheChangedLines() {
    String planted = CUDDLED.replace("      } else {", "      }\n      else {");
    assertThat(Layouts.check(rule, "same-line", planted, 6, 7))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(6);
              assertThat(d.endLine()).isEqualTo(7);
              assertThat(d.replacement()).isEqualTo("      } else {");
            });
    assertThat(Layouts.check(rule, "next-line", CUDDLED, 9))
        .singleElement()
        .satisfies(
            d -> assertThat(d.replacement()).isEqualTo("    }\n    catch (IOException e) {"));
    assertThat(Layouts.checkAll(rule, "same-line", CUDDLED)).isEmpty();
  }
}
