package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.FileStatus;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.Chunks;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseContentTest {

  private static PullRequestDiffChunk chunk(String base, String head) {
    return Fixtures.chunk("src/A.java", base, head);
  }

  @Test
  void rebuildsTheBaseOfEveryFixtureExactly() {
    for (List<String> f :
        List.of(
            List.of("ports", "Ports.java"),
            List.of("strings", "Texts.java"),
            List.of("percentages", "Percentages.java"))) {
      String base = Fixtures.base(f.get(0), f.get(1));
      String head = Fixtures.head(f.get(0), f.get(1));
      assertThat(BaseContent.of(chunk(base, head))).as(f.get(0)).isEqualTo(base);
    }
  }

  @Test
  void changesAtTheStartAndEndAndRemovalsOnly() {
    String base = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\n";
    assertThat(BaseContent.of(chunk(base, "A\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\n"))).isEqualTo(base);
    assertThat(BaseContent.of(chunk(base, "a\nb\nc\nd\ne\nf\ng\nk\n"))).isEqualTo(base);
    assertThat(BaseContent.of(chunk(base, "x\ny\n"))).isEqualTo(base);
    assertThat(BaseContent.of(chunk(base, base + "m\n"))).isEqualTo(base);
  }

  @Test
  void aMissingNewlineAtTheEndOfEitherSideIsKept() {
    String patch =
        """
        @@ -1,2 +1,2 @@
         a
        -b
        \\ No newline at end of file
        +b
        """;
    PullRequestDiffChunk chunk = Chunks.chunk("src/A.java", FileStatus.MODIFIED, patch, "a\nb\n");
    assertThat(BaseContent.of(chunk)).isEqualTo("a\nb");

    String added =
        """
        @@ -1,2 +1,2 @@
         a
        -b
        +b
        \\ No newline at end of file
        """;
    assertThat(BaseContent.of(Chunks.chunk("src/A.java", FileStatus.MODIFIED, added, "a\nb")))
        .isEqualTo("a\nb\n");
  }

  @Test
  void hunksThatDoNotFitTheHeadGiveNull() {
    String patch = "@@ -1,2 +1,2 @@\n a\n-b\n+c\n";
    assertThat(BaseContent.of(Chunks.chunk("src/A.java", FileStatus.MODIFIED, patch, "a\nX\n")))
        .isNull();
    assertThat(BaseContent.of(Chunks.chunk("src/A.java", FileStatus.MODIFIED, patch, null)))
        .isNull();
    assertThat(
            BaseContent.of(
                Chunks.chunk("src/A.java", FileStatus.ADDED, Chunks.newFilePatch("a\n"), "a\n")))
        .isNull();
  }
}
