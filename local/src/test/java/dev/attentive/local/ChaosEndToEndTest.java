package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.testkit.github.GitHubFault;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The chaos bench, CI-sized (issue 16): 20 pushes over 3 repositories on the real stack while each
 * service is killed with {@code kill -9} once, the broker is stopped and started once, GitHub
 * answers 502 for a while and webhooks come twice, late and out of order. Compared with the same
 * seeded workload without faults: nothing lost, nothing posted twice, every dead letter replayed.
 */
class ChaosEndToEndTest {

  @Test
  void nothingIsLostOrPostedTwiceUnderKillsABrokerRestartAndAGitHubStorm() throws Exception {
    Path work = Files.createTempDirectory("attentive-chaos");
    StackConfig config = StackConfig.fromEnvironment();
    ChaosRun.Plan plan =
        new ChaosRun.Plan(
            16, 1, 1, List.of(GitHubFault.badGateway()), Duration.ofSeconds(8), 0.15, 0.1, 0.25);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream log = new PrintStream(printed, true, StandardCharsets.UTF_8);
    try {
      ChaosBenchmark.Report report =
          ChaosBenchmark.measure(
              config.root(),
              work,
              16,
              20,
              3,
              plan,
              Duration.ofMillis(1000),
              Duration.ofMinutes(25),
              log);
      ChaosBenchmark.print(report, log);

      assertThat(report.pushes()).isEqualTo(20);
      assertThat(report.faulty().faults())
          .extracting(ChaosRun.Injected::kind)
          .containsExactlyInAnyOrder("kill -9", "kill -9", "kill -9", "broker stop", "storm");
      assertThat(report.faulty().converged()).as("converged (see %s)", work).isTrue();
      assertThat(report.commentsExpected()).as("the oracle has comments to lose").isPositive();
      assertThat(report.lost()).as("lost (see %s)", work).isZero();
      assertThat(report.duplicated()).as("duplicated (see %s)", work).isZero();
      assertThat(report.unexpectedComments()).isZero();
      assertThat(report.deadLettersReplayed()).isEqualTo(report.deadLetters());
    } finally {
      System.out.print(printed.toString(StandardCharsets.UTF_8));
    }
  }
}
