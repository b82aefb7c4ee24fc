package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.Chunks;
import org.junit.jupiter.api.Test;

/** Where a method's TEST comment goes: on a line of the diff, so GitHub can show it inline. */
class AnchorTest {

  private static final String BASE =
      """
      package p;

      public class Prices {

        public static long discounted(long cents, int percent) {
          return cents * (100 - percent) / 100;
        }
      }
      """;

  @Test
  void aChangeInsideTheBodyAnchorsOnTheChangedLine() {
    String head = BASE.replace("/ 100;", "/ 100 + 1;");
    PullRequestDiffChunk chunk = Chunks.modified("src/p/Prices.java", BASE, head);
    TargetMethod m = MethodFinder.find(head, ChangedLines.of(chunk)).methods().get(0);

    assertThat(m.declarationLine()).isEqualTo(5);
    assertThat(TestAnalyzer.anchor(chunk, m)).isEqualTo(6);
  }

  @Test
  void aChangedDeclarationKeepsTheNameLine() {
    String head =
        BASE.replace("int percent)", "int percentOff)").replace("- percent", "- percentOff");
    PullRequestDiffChunk chunk = Chunks.modified("src/p/Prices.java", BASE, head);
    TargetMethod m = MethodFinder.find(head, ChangedLines.of(chunk)).methods().get(0);

    assertThat(TestAnalyzer.anchor(chunk, m)).isEqualTo(5);
  }
}
