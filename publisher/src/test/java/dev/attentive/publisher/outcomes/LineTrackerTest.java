package dev.attentive.publisher.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.Feedback;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PatchParser;
import dev.attentive.events.ReviewActivity.FileChange;
import dev.attentive.events.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A posted comment's lines through a push's hunks. */
class LineTrackerTest {

  static final String PATH = "src/A.java";
  static final String OLD = "a".repeat(40);
  static final String NEW = "b".repeat(40);

  static CommentLedger.Entry entry(int start, int end, String replacement) {
    return new CommentLedger.Entry(
        11L,
        "f1",
        "model/null-check",
        "model",
        "m-1",
        0.9,
        Suggestion.Kind.REPAIR,
        PATH,
        start,
        end,
        end,
        replacement,
        OLD,
        OLD,
        null,
        CommentLedger.State.OPEN);
  }

  static List<FileChange> modified(String patch) {
    return List.of(new FileChange(PATH, null, FileStatus.MODIFIED, PatchParser.parse(patch)));
  }

  @Test
  void linesAboveMoveAnUntouchedComment() {
    // two lines added at the top, one removed above line 10
    LineTracker.Carried carried =
        LineTracker.carry(
            entry(10, 11, null),
            modified(
                "@@ -1,2 +1,4 @@\n+import a;\n+import b;\n x\n y\n@@ -6,3 +8,2 @@\n p\n-q\n r"),
            NEW);

    assertThat(carried.outcome()).isNull();
    assertThat(carried.entry().startLine()).isEqualTo(11);
    assertThat(carried.entry().endLine()).isEqualTo(12);
    assertThat(carried.entry().head()).isEqualTo(NEW);
    assertThat(carried.entry().postedLine()).as("as posted").isEqualTo(11);
  }

  @Test
  void linesBelowOrAnotherFileLeaveItWhereItIs() {
    LineTracker.Carried below =
        LineTracker.carry(entry(3, 3, null), modified("@@ -5,2 +5,3 @@\n x\n+new\n y"), NEW);
    assertThat(below.outcome()).isNull();
    assertThat(below.entry().startLine()).isEqualTo(3);

    LineTracker.Carried other =
        LineTracker.carry(
            entry(3, 3, null),
            List.of(
                new FileChange(
                    "src/B.java",
                    null,
                    FileStatus.MODIFIED,
                    PatchParser.parse("@@ -1,1 +1,1 @@\n-a\n+b"))),
            NEW);
    assertThat(other.outcome()).isNull();
    assertThat(other.entry().startLine()).isEqualTo(3);
  }

  @Test
  void theSuggestedReplacementIsApplied() {
    LineTracker.Carried carried =
        LineTracker.carry(
            entry(3, 3, "    if (x != null) {"),
            modified("@@ -2,3 +2,3 @@\n a\n-    if (x) {\n+  if (x != null) {\n b"),
            NEW);

    assertThat(carried.outcome()).isEqualTo(Feedback.Type.APPLIED);
  }

  @Test
  void anyOtherChangeOfTheLinesIsFixedOtherwise() {
    assertThat(
            LineTracker.carry(
                    entry(3, 3, "    if (x != null) {"),
                    modified("@@ -2,3 +2,3 @@\n a\n-    if (x) {\n+    if (y) {\n b"),
                    NEW)
                .outcome())
        .isEqualTo(Feedback.Type.FIXED_OTHERWISE);
    // removed without a replacement
    assertThat(
            LineTracker.carry(entry(3, 4, null), modified("@@ -2,4 +2,2 @@\n a\n-c\n-d\n b"), NEW)
                .outcome())
        .isEqualTo(Feedback.Type.FIXED_OTHERWISE);
    // a line inserted between the flagged lines changes them
    assertThat(
            LineTracker.carry(entry(3, 4, null), modified("@@ -3,2 +3,3 @@\n c\n+x\n d"), NEW)
                .outcome())
        .isEqualTo(Feedback.Type.FIXED_OTHERWISE);
    // the file is gone
    assertThat(
            LineTracker.carry(
                    entry(3, 3, null),
                    List.of(new FileChange(PATH, null, FileStatus.REMOVED, List.of())),
                    NEW)
                .outcome())
        .isEqualTo(Feedback.Type.FIXED_OTHERWISE);
  }

  @Test
  void linesInsertedRightBeforeOrAfterLeaveTheFlaggedLinesAlone() {
    LineTracker.Carried carried =
        LineTracker.carry(
            entry(3, 3, null), modified("@@ -2,3 +2,5 @@\n b\n+before\n c\n+after\n d"), NEW);

    assertThat(carried.outcome()).isNull();
    assertThat(carried.entry().startLine()).isEqualTo(4);
  }

  @Test
  void aRenameMovesTheEntryToTheNewPath() {
    LineTracker.Carried carried =
        LineTracker.carry(
            entry(3, 3, null),
            List.of(new FileChange("src/B.java", PATH, FileStatus.RENAMED, List.of())),
            NEW);

    assertThat(carried.outcome()).isNull();
    assertThat(carried.entry().path()).isEqualTo("src/B.java");
  }
}
