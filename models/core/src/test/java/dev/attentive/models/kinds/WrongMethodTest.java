package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.RepairClasses;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WrongMethodTest {

  static final String CORRECT =
      """
      import java.util.List;

      class Sizes {
        int count(List<String> values) {
          return values.size();
        }
      }
      """;
  static final String BUGGY = CORRECT.replace("values.size()", "values.isEmpty()");

  private final BugKind kind = RoundTrip.kind(WrongMethod.class);

  @Test
  void callsAnotherMethodSeenOnTheReceiverAndDecodesBackToTheOriginal() {
    // The corpus has seen "values" receive both methods; isEmpty is the only other choice.
    PlantingContext context =
        new PlantingContext(RoundTrip.CLASSES, Map.of("values", List.of("isEmpty", "size")));
    Planted planted = RoundTrip.plant(kind, CORRECT, BUGGY, 5, "size", context, new Random(1));
    assertThat(planted.repairClass()).isEqualTo(RepairClasses.METHOD_PREFIX + "size");
    assertThat(RoundTrip.repair(kind, BUGGY, planted, 5)).isEqualTo(RoundTrip.line(CORRECT, 5));
    assertThat(kind.rule()).isEqualTo("method");
  }

  @Test
  void plantsNothingWhenTheCorpusKnowsNoOtherMethodOfTheReceiver() {
    List<CodeToken> tokens = new JavaLexer().lex(CORRECT).orElseThrow().tokens();
    int at =
        tokens.indexOf(
            tokens.stream().filter(t -> t.text().equals("size")).findFirst().orElseThrow());
    assertThat(kind.plant(tokens, at, -1, new Random(1), RoundTrip.CONTEXT)).isEmpty();
  }
}
