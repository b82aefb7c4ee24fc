package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangedOperatorTest {

  static final String CORRECT =
      """
      class Loop {
        int count(int[] values) {
          int n = 0;
          for (int i = 0; i < values.length; i++) {
            n++;
          }
          return n;
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("i < values.length", "i <= values.length");

  private final BugKind kind = RoundTrip.kind(ChangedOperator.class);

  @Test
  void plantsThePartnerOperatorAndDecodesBackToTheOriginal() {
    Planted planted =
        RoundTrip.plant(kind, CORRECT, BUGGY, 4, "<", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isEqualTo("<");
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 4)).isEqualTo(RoundTrip.line(CORRECT, 4));
    assertThat(kind.rule()).isEqualTo("operator");
    assertThat(kind.describe("<=", "<")).isEqualTo("`<=` here looks wrong; did you mean `<`?");
  }
}
