package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class WrongVariableTest {

  // "limit" is the only other variable in the file, so the planted name is certain.
  static final String CORRECT =
      """
      class Twice {
        int twice(int count, int limit) {
          return count + count;
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("return count + count", "return limit + count");

  private final BugKind kind = RoundTrip.kind(WrongVariable.class);

  @Test
  void usesAnotherNameOfTheWindowAndPointsBackAtTheRightOne() {
    Planted planted =
        RoundTrip.plant(kind, CORRECT, BUGGY, 3, "count", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isNull();
    assertThat(planted.pointerTokens()).isNotEmpty();
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 3)).isEqualTo(RoundTrip.line(CORRECT, 3));
    assertThat(kind.rule()).isEqualTo("variable");
    assertThat(kind.describe("limit", "count"))
        .isEqualTo("`limit` here looks wrong; did you mean `count`?");
  }
}
