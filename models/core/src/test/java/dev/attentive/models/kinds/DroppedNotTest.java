package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.RepairClasses;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DroppedNotTest {

  static final String CORRECT =
      """
      class Guard {
        boolean any(List<String> values) {
          if (!values.isEmpty()) {
            return true;
          }
          return false;
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("(!values", "(values");

  private final BugKind kind = RoundTrip.kind(DroppedNot.class);

  @Test
  void dropsTheNegationAndInsertsItAgain() {
    Planted planted =
        RoundTrip.plant(kind, CORRECT, BUGGY, 3, "!", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isEqualTo(RepairClasses.INSERT_NOT);
    assertThat(planted.tokens().get(planted.bugToken()).text()).isEqualTo("values");
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 3)).isEqualTo(RoundTrip.line(CORRECT, 3));
    assertThat(kind.rule()).isEqualTo("negation");
    assertThat(kind.describe("values", "!values"))
        .isEqualTo("a `!` looks missing here: did you mean `!values`?");
  }
}
