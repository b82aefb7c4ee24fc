package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.RepairClasses;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AddedNotTest {

  static final String CORRECT =
      """
      class Guard {
        int once(boolean done) {
          if (done) {
            return 1;
          }
          return 2;
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("if (done)", "if (!done)");

  private final BugKind kind = RoundTrip.kind(AddedNot.class);

  @Test
  void negatesTheConditionAndDeletesTheNegation() {
    Planted planted =
        RoundTrip.plant(kind, CORRECT, BUGGY, 3, "done", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isEqualTo(RepairClasses.DELETE_TOKEN);
    assertThat(planted.tokens().get(planted.bugToken()).text()).isEqualTo("!");
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 3)).isEqualTo(RoundTrip.line(CORRECT, 3));
    assertThat(kind.rule()).isEqualTo("negation");
    assertThat(kind.describe("!", "(no !)"))
        .isEqualTo("this `!` looks wrong; did you mean it without the negation?");
  }
}
