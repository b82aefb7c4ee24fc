package dev.attentive.reviewer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.FileStatus;
import org.junit.jupiter.api.Test;

class ChangedLinesTest {

  static final String PATCH =
      """
      @@ -1,4 +1,5 @@
       a
      -b
      +B
      +C
       c
       d
      @@ -10,3 +11,4 @@ class X {
       j
      +k
       l
      -m
      +M
      """;

  @Test
  void addedLinesAreTheNewSideNumbersOfAddedDiffLinesOnly() {
    ChangedLines lines = ChangedLines.of(Chunks.chunk("X.java", FileStatus.MODIFIED, PATCH, null));

    assertThat(lines.lines()).containsExactly(2, 3, 12, 14);
    assertThat(lines.contains(1)).isFalse(); // context
    assertThat(lines.contains(13)).isFalse(); // context after an insertion
    assertThat(lines.containsAll(2, 3)).isTrue();
    assertThat(lines.containsAll(2, 4)).isFalse();
    assertThat(lines.containsAll(3, 2)).isFalse();
    assertThat(lines.isEmpty()).isFalse();
  }

  @Test
  void newContentIsTheAttachedContentWhenPresent() {
    var chunk = Chunks.chunk("X.java", FileStatus.MODIFIED, PATCH, "whole file\n");
    assertThat(ChangedLines.newContent(chunk)).isEqualTo("whole file\n");
  }

  @Test
  void newContentOfAModifiedFileWithoutAttachedContentIsUnknown() {
    assertThat(ChangedLines.newContent(Chunks.chunk("X.java", FileStatus.MODIFIED, PATCH, null)))
        .isNull();
  }

  @Test
  void newContentOfAnAddedFileIsRebuiltFromItsAddedLines() {
    var chunk =
        Chunks.chunk("X.java", FileStatus.ADDED, "@@ -0,0 +1,3 @@\n+class X {\n+\n+}\n", null);
    assertThat(ChangedLines.newContent(chunk)).isEqualTo("class X {\n\n}\n");
  }

  @Test
  void newContentHonoursNoNewlineAtEndOfFile() {
    var chunk =
        Chunks.chunk(
            "X.java",
            FileStatus.ADDED,
            "@@ -0,0 +1,2 @@\n+class X {\n+}\n\\ No newline at end of file\n",
            null);
    assertThat(ChangedLines.newContent(chunk)).isEqualTo("class X {\n}");
  }

  @Test
  void anAddedFileWhosePatchIsMissingOrNotFromLineOneHasNoContent() {
    assertThat(ChangedLines.newContent(Chunks.chunk("X.java", FileStatus.ADDED, "", null)))
        .isNull();
    assertThat(
            ChangedLines.newContent(
                Chunks.chunk("X.java", FileStatus.ADDED, "@@ -0,0 +5,1 @@\n+x\n", null)))
        .isNull();
  }
}
