package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How a run that ended by itself is classified: only the runner's own end is a clean run. */
class SandboxOutcomeTest {

  private static final List<String> ENDED = List.of("S\ta\tb", "M\t1\t2", "END");

  @Test
  void exitZeroWithTheRunnersEndIsACompletedRun() {
    assertThat(Sandbox.outcome(0, ENDED, "")).isEqualTo(Sandbox.Outcome.COMPLETED);
  }

  @Test
  void exitZeroWithoutTheRunnersEndIsTheCodeUnderTestLeaving() {
    assertThat(Sandbox.outcome(0, List.of("S\ta\tb"), "")).isEqualTo(Sandbox.Outcome.EXITED);
    assertThat(Sandbox.outcome(0, List.of(), "")).isEqualTo(Sandbox.Outcome.EXITED);
  }

  @Test
  void theShutdownHooksMarkIsTheCodeUnderTestLeavingWhateverTheExitCode() {
    assertThat(Sandbox.outcome(3, List.of("S\ta\tb", SandboxMain.EXITED), ""))
        .isEqualTo(Sandbox.Outcome.EXITED);
  }

  @Test
  void outOfMemoryCpuLimitAndOtherEnds() {
    assertThat(
            Sandbox.outcome(
                3, List.of(), "Terminating due to java.lang.OutOfMemoryError: Java heap space"))
        .isEqualTo(Sandbox.Outcome.OUT_OF_MEMORY);
    assertThat(Sandbox.outcome(128 + 24, List.of(), "")).isEqualTo(Sandbox.Outcome.TIMEOUT);
    assertThat(Sandbox.outcome(134, List.of(), "")).isEqualTo(Sandbox.Outcome.CRASHED);
  }
}
