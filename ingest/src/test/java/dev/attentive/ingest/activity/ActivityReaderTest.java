package dev.attentive.ingest.activity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.LineRange;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.ingest.github.GitHubGateway.ChangedFile;
import dev.attentive.ingest.github.GitHubGateway.Comparison;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lines a push changed, from GitHub's comparison of two heads. */
class ActivityReaderTest {

  static ChangedFile file(String path, String patch) {
    return new ChangedFile(path, null, "modified", 0, 0, 0, patch);
  }

  @Test
  void consecutiveAddedLinesAreOneRangeAndRemovedLinesNone() {
    Comparison compare =
        new Comparison(
            "ahead",
            1,
            0,
            List.of(
                file(
                    "A.java",
                    "@@ -1,4 +1,5 @@\n a\n-b\n+B\n+C\n c\n d\n@@ -20,2 +21,2 @@\n x\n-y\n+Y"),
                file("Gone.java", "@@ -1,2 +1 @@\n a\n-b"),
                file("Bad.java", "not a patch"),
                file("Binary.png", null)));

    Map<String, List<LineRange>> changed = ActivityReader.changedLines(compare);

    assertThat(changed.get("A.java")).containsExactly(new LineRange(2, 3), new LineRange(22, 22));
    assertThat(changed.get("Gone.java")).as("only removals: nothing to comment on").isEmpty();
    assertThat(changed.get("Bad.java")).isEmpty();
    assertThat(changed.get("Binary.png")).isEmpty();
    assertThat(ActivityReader.increment("c1", "Other.java", changed))
        .isEqualTo(new PullRequestDiffChunk.Increment("c1", List.of()));
  }

  @Test
  void aComparisonIsAFastForwardWhenAheadOrIdenticalAndMayBeTruncatedAtGitHubsCap() {
    assertThat(new Comparison("ahead", 2, 0, List.of()).fastForward()).isTrue();
    assertThat(new Comparison("identical", 0, 0, List.of()).fastForward()).isTrue();
    assertThat(new Comparison("diverged", 1, 1, List.of()).fastForward()).isFalse();
    assertThat(new Comparison("behind", 0, 1, List.of()).fastForward()).isFalse();

    List<ChangedFile> files = new ArrayList<>();
    for (int i = 0; i < Comparison.MAX_FILES - 1; i++) {
      files.add(file("F" + i + ".java", "@@ -1 +1 @@\n-a\n+b"));
    }
    assertThat(new Comparison("ahead", 1, 0, files).mayBeTruncated()).isFalse();
    files.add(file("Last.java", null));
    assertThat(new Comparison("ahead", 1, 0, files).mayBeTruncated()).isTrue();
  }
}
