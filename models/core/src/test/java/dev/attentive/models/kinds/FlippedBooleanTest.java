package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FlippedBooleanTest {

  static final String CORRECT =
      """
      class Flags {
        boolean done() {
          boolean done = false;
          return done;
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("done = false", "done = true");

  private final BugKind kind = RoundTrip.kind(FlippedBoolean.class);

  @Test
  void flipsTheLiteralAndDecodesBackToTheOriginal() {
    Planted planted =
        RoundTrip.plant(kind, CORRECT, BUGGY, 3, "false", RoundTrip.CONTEXT, new Random(1));
    assertThat(planted.repairClass()).isEqualTo("false");
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 3)).isEqualTo(RoundTrip.line(CORRECT, 3));
    assertThat(kind.rule()).isEqualTo("literal");
  }
}
