package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code bench mutants} on a handful of mutants of an in-repository class (no network): every step
 * runs (cut out, mutate, oracle, review with execution on) and the counts add up.
 */
class MutationBenchmarkTest {

  @Test
  void aFewMutantsAndPreservingEditsAreReviewed() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    MutationBenchmark.Counts counts =
        MutationBenchmark.evaluate(
            Map.of(
                "sources", "src/test/resources/mutation-fixtures",
                "seed", "1",
                "mutants", "4",
                "preserving", "2",
                "per-method", "2",
                "threads", "1"),
            new PrintStream(printed, true, StandardCharsets.UTF_8));
    assertThat(counts.subjects).isEqualTo(5); // Numbers' five public static methods
    assertThat(counts.changing).isGreaterThanOrEqualTo(4).isLessThanOrEqualTo(counts.mutants);
    assertThat(counts.reviewed).isEqualTo(4);
    assertThat(counts.reported).isEqualTo(4);
    assertThat(counts.preservingReviewed).isEqualTo(2);
    assertThat(counts.preservingReported).isZero();
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("output-changing mutants reviewed: 4, behaviour change reported: 4");
  }

  @Test
  void aSmallLibrarysUnusedShareGoesToTheLibrariesAfterIt() {
    // 600 over 16 libraries: 38 each at first
    assertThat(MutationBenchmark.share(600, 16)).isEqualTo(38);
    // the first used only 6 of its 38: the 15 others share 594
    assertThat(MutationBenchmark.share(600 - 6, 15)).isEqualTo(40);
    // the last one gets all that is left; none when nothing is
    assertThat(MutationBenchmark.share(91, 1)).isEqualTo(91);
    assertThat(MutationBenchmark.share(0, 3)).isZero();
  }
}
