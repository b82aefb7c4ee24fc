package dev.attentive.models.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.mining.RealFix;
import java.util.List;
import org.junit.jupiter.api.Test;

class RealFixExamplesTest {

  private static final String BEFORE =
      """
      class Prices {
        int total(int[] prices) {
          int sum = 0;
          for (int i = 0; i <= prices.length; i++) {
            sum += prices[i];
          }
          return sum;
        }
      }
      """;

  private final List<String> classes = RepairClasses.withMethods(List.of()).classes();
  private final List<String> vocabulary =
      List.of(Vocabulary.PAD, Vocabulary.CLS, Vocabulary.UNKNOWN, "for", "int", "i", "<=", "<");

  private static RealFix fix(String fixedLine) {
    return new RealFix(
        "someone/prices",
        "c1",
        "p1",
        "Prices.java",
        "fix bound",
        4,
        BEFORE,
        4,
        1,
        List.of(fixedLine));
  }

  @Test
  void aRealFixTheRepairsCanExpressIsABuggyWindowAndItsFixAHardNegative() {
    var made =
        new RealFixExamples(3, 2, 2, 7L)
            .from(
                List.of(fix("    for (int i = 0; i < prices.length; i++) {")),
                vocabulary,
                classes,
                128);
    List<Example> buggy = made.examples().stream().filter(Example::buggy).toList();
    assertThat(buggy).hasSize(3);
    assertThat(buggy.get(0).kind()).isEqualTo("real_binary_operator");
    assertThat(buggy.get(0).repairs()).isNotEmpty();
    assertThat(buggy.get(0).library()).isEqualTo("real:someone/prices");
    assertThat(made.counts())
        .containsEntry("buggy.real_binary_operator", 1)
        .containsEntry("afterFix", 1)
        .containsEntry("release", 2);
    // 3 buggy copies, 2 copies of the after-fix line, 2 release lines
    assertThat(made.examples()).hasSize(7);
  }

  @Test
  void aFixNoRepairExpressesGivesNoBuggyWindowButStillItsCorrectLines() {
    var made =
        new RealFixExamples(3, 2, 2, 7L)
            .from(
                List.of(fix("    for (int i = 1; i < prices.length - 1; i++) {")),
                vocabulary,
                classes,
                128);
    assertThat(made.examples()).noneMatch(Example::buggy);
    assertThat(made.counts()).containsEntry("inexpressible", 1).containsEntry("afterFix", 1);
  }
}
