package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rebalances under load (issue 16, part 2): two instances of each service on four partitions; while
 * ten PRs are delivered a third reviewer joins and the second is killed with {@code kill -9}. Every
 * PR is reviewed exactly once and nothing is posted twice. Counts only: how long recovery takes is
 * printed by {@code attentive bench scale}.
 */
class ScaleEndToEndTest {

  @Test
  void aReviewerAddedAndOneKilledMidRunLoseAndRepeatNothing() throws Exception {
    ScaleBenchmark.Plan plan =
        new ScaleBenchmark.Plan(
            10,
            4,
            2,
            16,
            Duration.ofMillis(1000),
            false,
            Duration.ofSeconds(240),
            Duration.ofSeconds(5),
            // The killed reviewer's open transaction would hold its partitions for the service's
            // 5 min before the broker aborts it: shorter here, so that the test fits CI.
            Duration.ofSeconds(45));
    Path work = Files.createTempDirectory("attentive-scale");
    try (Pipeline pipeline =
        ScaleBenchmark.start(
            StackConfig.fromEnvironment(), work, plan, ServiceProcess.QUICK_START)) {
      ScaleBenchmark.Outcome outcome = ScaleBenchmark.run(pipeline, plan, System.out);
      ScaleBenchmark.print(outcome, System.out);

      assertThat(pipeline.instances("reviewer")).hasSize(3);
      assertThat(pipeline.instances("reviewer").get(1).isAlive()).as("reviewer-2 killed").isFalse();
      assertThat(outcome.lost()).as("PRs without a review (see %s)", work).isEmpty();
      assertThat(outcome.reviewsPosted()).as("one review per PR").isEqualTo(plan.prs());
      assertThat(outcome.duplicatedReviews()).isEmpty();
      assertThat(outcome.duplicatedComments()).isEmpty();
      assertThat(outcome.commentsPosted()).as("the reviews carry comments").isPositive();
    }
  }
}
