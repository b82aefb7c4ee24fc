package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.RepairClasses;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChangedIntLiteralTest {

  static final String CORRECT =
      """
      class Pages {
        int last(int size) {
          int first = 0;
          return size - 5;
        }
      }
      """;

  private final BugKind kind = RoundTrip.kind(ChangedIntLiteral.class);

  @Test
  void aZeroBecomesOneAndIsRepairedToZero() {
    String buggy = CORRECT.replace("first = 0", "first = 1");
    Planted planted =
        RoundTrip.plant(kind, CORRECT, buggy, 3, "0", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isEqualTo("0");
    assertThat(RoundTrip.repair(kind, buggy, planted, 3)).isEqualTo(RoundTrip.line(CORRECT, 3));
  }

  @Test
  void anOffByOneEitherWayIsRepairedByTheOppositeStep() {
    for (long seed = 0; seed < 6; seed++) {
      Random random = new Random(seed);
      String planted = new Random(seed).nextBoolean() ? "6" : "4";
      String buggy = CORRECT.replace("size - 5", "size - " + planted);
      Planted bug = RoundTrip.plant(kind, CORRECT, buggy, 4, "5", RoundTrip.CONTEXT, random);
      assertThat(bug.repairClass())
          .isEqualTo(
              planted.equals("6")
                  ? RepairClasses.LITERAL_MINUS_ONE
                  : RepairClasses.LITERAL_PLUS_ONE);
      assertThat(RoundTrip.repair(kind, buggy, bug, 4)).isEqualTo(RoundTrip.line(CORRECT, 4));
    }
    assertThat(kind.rule()).isEqualTo("literal");
  }
}
