package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.FileStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {

  static final String GIT_DIFF =
      """
      From 1234 Mon Sep 17 00:00:00 2001
      Subject: [PATCH] Cart changes

      ---
       src/Cart.java | 3 ++-
      diff --git a/src/Cart.java b/src/Cart.java
      index 1111111..2222222 100644
      --- a/src/Cart.java
      +++ b/src/Cart.java
      @@ -1,3 +1,4 @@
       class Cart {
      -  int n;
      +  int n = 0;
      +  int m;
       }
      diff --git a/src/New.java b/src/New.java
      new file mode 100644
      index 0000000..3333333
      --- /dev/null
      +++ b/src/New.java
      @@ -0,0 +1,2 @@
      +class New {
      +}
      diff --git a/old/Gone.java b/old/Gone.java
      deleted file mode 100644
      index 4444444..0000000
      --- a/old/Gone.java
      +++ /dev/null
      @@ -1 +0,0 @@
      -class Gone {}
      diff --git a/a/Old.java b/b/Renamed.java
      similarity index 100%
      rename from a/Old.java
      rename to b/Renamed.java
      diff --git a/logo.png b/logo.png
      index 5555555..6666666 100644
      Binary files a/logo.png and b/logo.png differ
      --\s
      2.39.5
      """;

  @Test
  void aGitFormatPatchSplitsIntoFilesWithStatusAndHunks() throws Exception {
    List<UnifiedDiff.FilePatch> files = UnifiedDiff.parse(GIT_DIFF);

    assertThat(files)
        .extracting(UnifiedDiff.FilePatch::path, UnifiedDiff.FilePatch::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("src/Cart.java", FileStatus.MODIFIED),
            org.assertj.core.groups.Tuple.tuple("src/New.java", FileStatus.ADDED),
            org.assertj.core.groups.Tuple.tuple("old/Gone.java", FileStatus.REMOVED),
            org.assertj.core.groups.Tuple.tuple("b/Renamed.java", FileStatus.RENAMED),
            org.assertj.core.groups.Tuple.tuple("logo.png", FileStatus.MODIFIED));
    assertThat(files.get(0).hunks()).hasSize(1);
    assertThat(files.get(0).hunks().get(0).lines()).hasSize(5);
    assertThat(files.get(3).oldPath()).isEqualTo("a/Old.java");
    assertThat(files.get(3).hunks()).isEmpty();
    assertThat(files.get(4).binary()).isTrue();
  }

  @Test
  void aPlainDiffUWithoutGitHeadersIsRead() throws Exception {
    String diff =
        "--- a/x.txt\t2026-01-01\n+++ b/x.txt\t2026-01-02\n@@ -1 +1 @@\n-a\n+b\n"
            + "--- y.txt\n+++ y.txt\n@@ -1,2 +1,2 @@\n c\n-d\n+e\n";
    List<UnifiedDiff.FilePatch> files = UnifiedDiff.parse(diff);
    assertThat(files).extracting(UnifiedDiff.FilePatch::path).containsExactly("x.txt", "y.txt");
    assertThat(files.get(1).hunks().get(0).lines()).hasSize(3);
  }

  @Test
  void aRecursivePlainDiffWithItsDiffHeadersIsRead() throws Exception {
    // What `diff -ruN old new` prints: a "diff" line, then the "---"/"+++" pair, per file.
    String diff =
        "diff -ruN a/x.txt b/x.txt\n--- a/x.txt\t2014-11-02 18:43:18.000000000 +0000\n"
            + "+++ b/x.txt\t2024-01-01 11:44:20.000000000 +0000\n@@ -1 +1 @@\n-a\n+b\n"
            + "diff -ruN a/y.txt b/y.txt\n--- a/y.txt\t2014-11-02 18:43:18.000000000 +0000\n"
            + "+++ b/y.txt\t2024-01-01 11:44:20.000000000 +0000\n@@ -1,2 +1,2 @@\n c\n-d\n+e\n";
    List<UnifiedDiff.FilePatch> files = UnifiedDiff.parse(diff);
    assertThat(files).extracting(UnifiedDiff.FilePatch::path).containsExactly("x.txt", "y.txt");
    assertThat(files.get(0).hunks().get(0).lines()).hasSize(2);
    assertThat(files.get(1).hunks().get(0).lines()).hasSize(3);
  }

  @Test
  void aBrokenHunkIsReportedWithTheFileAndHunk() {
    String diff =
        "diff --git a/src/A.java b/src/A.java\n--- a/src/A.java\n+++ b/src/A.java\n"
            + "@@ -1,2 +1,2 @@\n a\n-b\n+c\n@@ -9,3 +9,3 @@\n x\n";
    assertThatThrownBy(() -> UnifiedDiff.parse(diff))
        .isInstanceOf(UnifiedDiff.DiffException.class)
        .hasMessageStartingWith("src/A.java: hunk 2");
  }

  @Test
  void textWithoutAnyFileDiffIsRefused() {
    assertThatThrownBy(() -> UnifiedDiff.parse("hello\nworld\n"))
        .isInstanceOf(UnifiedDiff.DiffException.class)
        .hasMessageContaining("no file diffs found");
  }
}
