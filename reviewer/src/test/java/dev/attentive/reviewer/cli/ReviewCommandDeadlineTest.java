package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.analysis.Analyzer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attentive review} runs its analyzers under the service's deadlines: an analyzer that hangs
 * on a checkout costs its own findings on that file, not the CI job.
 */
class ReviewCommandDeadlineTest {

  @TempDir Path dir;

  /**
   * Never returns on its own and ignores interruption, as a backtracking regular expression does.
   */
  static final class Hangs implements Analyzer {
    final CountDownLatch never = new CountDownLatch(1);

    @Override
    public String id() {
      return "hang";
    }

    @Override
    public List<Suggestion> analyze(PullRequestDiffChunk chunk) {
      while (true) {
        try {
          never.await();
          return List.of();
        } catch (InterruptedException ignored) {
          // keeps going, like work that does not check for interruption
        }
      }
    }
  }

  @Test
  @Timeout(60) // a hang guard: without the deadline the command would never return
  void aHangingAnalyzerIsStoppedAtTheDeadlineAndTheOthersStillReport() throws Exception {
    Path repo = dir.resolve("repo");
    Path file = repo.resolve("src/com/acme/Parts.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, ReviewCommandTest.BASE);
    Path patch = Files.writeString(dir.resolve("change.patch"), ReviewCommandTest.PATCH);
    Hangs hangs = new Hangs();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      int code =
          ReviewCommand.run(
              new String[] {
                "--patch",
                patch.toString(),
                "--repo",
                repo.toString(),
                "--format",
                "json",
                "--analyzer-deadline",
                "500ms",
                // a rule set the operator enforces, so that the style analyzer surely finds
                // something
                "--checkstyle-config",
                "google_checks.xml"
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8),
              chosen -> {
                List<Analyzer> all = new ArrayList<>(chosen);
                all.add(hangs);
                return all;
              });

      String json = out.toString(StandardCharsets.UTF_8);
      assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
      assertThat(json)
          .contains(
              "analyzer hang stopped after 500 ms on src/com/acme/Parts.java;"
                  + " its findings are left out")
          .contains("\"style/"); // the style analyzer's findings on the same file are there
    } finally {
      hangs.never.countDown(); // let the abandoned thread end
    }
  }

  @Test
  void theDeadlineOptionTakesOnlyPositiveDurations() {
    assertThat(ReviewCommand.duration("20s")).isEqualTo(Duration.ofSeconds(20));
    assertThat(ReviewCommand.duration("1500ms")).isEqualTo(Duration.ofMillis(1500));
    assertThat(ReviewCommand.duration("2m")).isEqualTo(Duration.ofMinutes(2));
    assertThat(ReviewCommand.duration("PT3S")).isEqualTo(Duration.ofSeconds(3));
    for (String bad : List.of("0s", "-1s", "soon", "")) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> ReviewCommand.duration(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--analyzer-deadline");
    }
  }
}
