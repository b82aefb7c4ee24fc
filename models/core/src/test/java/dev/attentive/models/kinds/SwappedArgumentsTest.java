package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SwappedArgumentsTest {

  static final String CORRECT =
      """
      class Bounds {
        int bound(int total, int limit) {
          return Math.max(total, limit);
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("max(total, limit)", "max(limit, total)");

  private final BugKind kind = RoundTrip.kind(SwappedArguments.class);

  @Test
  void swapsNeighbouringArgumentsAndSwapsThemBack() {
    Planted planted =
        RoundTrip.plant(kind, CORRECT, BUGGY, 3, "total", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isNull();
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 3)).isEqualTo(RoundTrip.line(CORRECT, 3));
    assertThat(kind.rule()).isEqualTo("swap");
    assertThat(kind.describe("limit", "total, limit"))
        .isEqualTo("the arguments look swapped; did you mean `total, limit`?");
  }
}
