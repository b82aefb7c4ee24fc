package dev.attentive.events;

import static dev.attentive.events.DiffLine.added;
import static dev.attentive.events.DiffLine.context;
import static dev.attentive.events.DiffLine.removed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.PatchParser.PatchParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchParserTest {

  /** Joins lines with '\n' (text blocks would strip the significant leading/trailing spaces). */
  private static String patch(String... lines) {
    return String.join("\n", lines);
  }

  @Test
  void nullOrEmptyPatchHasNoHunks() {
    assertThat(PatchParser.parse(null)).isEmpty();
    assertThat(PatchParser.parse("")).isEmpty();
  }

  @Test
  void singleHunkModification() {
    List<Hunk> hunks =
        PatchParser.parse(
            patch(
                "@@ -1,4 +1,4 @@",
                " package foo;",
                "-import a.A;",
                "+import b.B;",
                " ",
                " class X {}"));

    assertThat(hunks)
        .containsExactly(
            new Hunk(
                1,
                4,
                1,
                4,
                "",
                List.of(
                    context(1, 1, "package foo;"),
                    removed(2, "import a.A;"),
                    added(2, "import b.B;"),
                    context(3, 3, ""),
                    context(4, 4, "class X {}"))));
  }

  @Test
  void multipleHunksWithSections() {
    List<Hunk> hunks =
        PatchParser.parse(
            patch(
                "@@ -10,7 +10,8 @@ public class Foo {",
                "   private final int a;",
                "   private final int b;",
                " ",
                "+  private final int c;",
                "   public Foo() {",
                "     this.a = 1;",
                "     this.b = 2;",
                "   }",
                "@@ -30,4 +31,3 @@ public class Foo {",
                "   void run() {",
                "-    old();",
                "-    older();",
                "+    fresh();",
                "   }"));

    assertThat(hunks)
        .containsExactly(
            new Hunk(
                10,
                7,
                10,
                8,
                "public class Foo {",
                List.of(
                    context(10, 10, "  private final int a;"),
                    context(11, 11, "  private final int b;"),
                    context(12, 12, ""),
                    added(13, "  private final int c;"),
                    context(13, 14, "  public Foo() {"),
                    context(14, 15, "    this.a = 1;"),
                    context(15, 16, "    this.b = 2;"),
                    context(16, 17, "  }"))),
            new Hunk(
                30,
                4,
                31,
                3,
                "public class Foo {",
                List.of(
                    context(30, 31, "  void run() {"),
                    removed(31, "    old();"),
                    removed(32, "    older();"),
                    added(32, "    fresh();"),
                    context(33, 33, "  }"))));
    assertThat(hunks.get(0).addsLine(13)).isTrue();
    assertThat(hunks.get(1).containsNewLine(32)).isTrue();
    assertThat(hunks.get(1).containsNewLine(34)).isFalse();
  }

  @Test
  void newFile() {
    assertThat(PatchParser.parse(patch("@@ -0,0 +1,3 @@", "+a", "+b", "+c")))
        .containsExactly(
            new Hunk(0, 0, 1, 3, "", List.of(added(1, "a"), added(2, "b"), added(3, "c"))));
  }

  @Test
  void deletedContent() {
    assertThat(PatchParser.parse(patch("@@ -1,3 +0,0 @@", "-a", "-b", "-c")))
        .containsExactly(
            new Hunk(1, 3, 0, 0, "", List.of(removed(1, "a"), removed(2, "b"), removed(3, "c"))));
    assertThat(PatchParser.parse(patch("@@ -5,4 +5,2 @@ void f() {", " x", "-y", "-z", " w")))
        .containsExactly(
            new Hunk(
                5,
                4,
                5,
                2,
                "void f() {",
                List.of(context(5, 5, "x"), removed(6, "y"), removed(7, "z"), context(8, 6, "w"))));
  }

  @Test
  void missingCountsMeanOne() {
    assertThat(PatchParser.parse(patch("@@ -1 +1 @@", "-old", "+new")))
        .containsExactly(new Hunk(1, 1, 1, 1, "", List.of(removed(1, "old"), added(1, "new"))));
    assertThat(PatchParser.parse(patch("@@ -3 +3,2 @@ section", "-x", "+y", "+z")))
        .containsExactly(
            new Hunk(
                3, 1, 3, 2, "section", List.of(removed(3, "x"), added(3, "y"), added(4, "z"))));
  }

  @Test
  void trailingNewlineOfPatchDoesNotAddALine() {
    assertThat(PatchParser.parse(patch("@@ -1 +1 @@", "-a", "+b") + "\n"))
        .containsExactly(new Hunk(1, 1, 1, 1, "", List.of(removed(1, "a"), added(1, "b"))));
  }

  @Test
  void noNewlineAtEndOnOldSide() {
    assertThat(
            PatchParser.parse(
                patch("@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b")))
        .containsExactly(
            new Hunk(
                1,
                2,
                1,
                2,
                "",
                List.of(context(1, 1, "a"), removed(2, "b").withNoNewlineAtEnd(), added(2, "b"))));
  }

  @Test
  void noNewlineAtEndOnNewSide() {
    assertThat(
            PatchParser.parse(
                patch("@@ -1,2 +1,2 @@", " a", "-b", "+c", "\\ No newline at end of file")))
        .containsExactly(
            new Hunk(
                1,
                2,
                1,
                2,
                "",
                List.of(context(1, 1, "a"), removed(2, "b"), added(2, "c").withNoNewlineAtEnd())));
  }

  @Test
  void noNewlineAtEndOnBothSidesAndOnContext() {
    assertThat(
            PatchParser.parse(
                    patch(
                        "@@ -1 +1 @@",
                        "-x",
                        "\\ No newline at end of file",
                        "+y",
                        "\\ No newline at end of file"))
                .get(0)
                .lines())
        .containsExactly(removed(1, "x").withNoNewlineAtEnd(), added(1, "y").withNoNewlineAtEnd());
    assertThat(
            PatchParser.parse(
                    patch("@@ -1,2 +1,3 @@", " a", "+b", " last", "\\ No newline at end of file"))
                .get(0)
                .lines())
        .containsExactly(
            context(1, 1, "a"), added(2, "b"), context(2, 3, "last").withNoNewlineAtEnd());
  }

  @Test
  void crlfPatchStripsExactlyOneCarriageReturnPerLine() {
    String crlf = "@@ -1,2 +1,2 @@ class A {\r\n a\r\n-b\r\n+c\r\r\n";
    Hunk expected =
        new Hunk(
            1, 2, 1, 2, "class A {", List.of(context(1, 1, "a"), removed(2, "b"), added(2, "c\r")));

    assertThat(PatchParser.parse(crlf)).containsExactly(expected);
    // GitHub's patch field usually has no final line terminator: the last line then ends with just
    // '\r'.
    assertThat(PatchParser.parse(crlf.substring(0, crlf.length() - 1))).containsExactly(expected);
  }

  @Test
  void mixedEndingPatchKeepsCarriageReturnsInText() {
    assertThat(PatchParser.parse("@@ -1,2 +1,2 @@ class A {\n a\r\n-b\n+b\r\n"))
        .containsExactly(
            new Hunk(
                1,
                2,
                1,
                2,
                "class A {",
                List.of(context(1, 1, "a\r"), removed(2, "b"), added(2, "b\r"))));
  }

  @Test
  void unicodePassesThroughUnchanged() {
    assertThat(
            PatchParser.parse(
                patch(
                    "@@ -1,2 +1,4 @@ fn café() {",
                    " 日本語のコメント",
                    "-👍 old",
                    "+👍🏽 new",
                    "+e\u0301 combining",
                    "+line\u2028separator")))
        .containsExactly(
            new Hunk(
                1,
                2,
                1,
                4,
                "fn café() {",
                List.of(
                    context(1, 1, "日本語のコメント"),
                    removed(2, "👍 old"),
                    added(2, "👍🏽 new"),
                    added(3, "e\u0301 combining"),
                    added(4, "line\u2028separator"))));
  }

  @Test
  void renameWithChangesFullGitDiff() {
    assertThat(
            PatchParser.parse(
                patch(
                    "diff --git a/src/Old.java b/src/New.java",
                    "similarity index 90%",
                    "rename from src/Old.java",
                    "rename to src/New.java",
                    "index 83db48f..bf269f4 100644",
                    "--- a/src/Old.java",
                    "+++ b/src/New.java",
                    "@@ -1,3 +1,3 @@",
                    "-class Old {",
                    "+class New {",
                    "   int x;",
                    " }")))
        .containsExactly(
            new Hunk(
                1,
                3,
                1,
                3,
                "",
                List.of(
                    removed(1, "class Old {"),
                    added(1, "class New {"),
                    context(2, 2, "  int x;"),
                    context(3, 3, "}"))));
  }

  @Test
  void newFileAndBinaryGitHeaders() {
    assertThat(
            PatchParser.parse(
                patch(
                    "diff --git a/n.txt b/n.txt",
                    "new file mode 100644",
                    "index 0000000..e69de29",
                    "--- /dev/null",
                    "+++ b/n.txt",
                    "@@ -0,0 +1 @@",
                    "+hi")))
        .containsExactly(new Hunk(0, 0, 1, 1, "", List.of(added(1, "hi"))));
    assertThat(
            PatchParser.parse(
                patch(
                    "diff --git a/x.png b/x.png",
                    "old mode 100644",
                    "new mode 100755",
                    "index 1111111..2222222",
                    "Binary files a/x.png and b/x.png differ")))
        .isEmpty();
  }

  @Test
  void entirelyEmptyLineInBodyIsEmptyContext() {
    assertThat(PatchParser.parse(patch("@@ -1,3 +1,3 @@", " a", "", "-b", "+c")))
        .containsExactly(
            new Hunk(
                1,
                3,
                1,
                3,
                "",
                List.of(context(1, 1, "a"), context(2, 2, ""), removed(3, "b"), added(3, "c"))));
  }

  @Test
  void garbageBeforeFirstHunk() {
    assertThatThrownBy(() -> PatchParser.parse(patch("hello", "@@ -1 +1 @@", "-a", "+b")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 1, line 1: ")
        .hasMessageContaining("'hello'");
    assertThatThrownBy(
            () ->
                PatchParser.parse(
                    patch("diff --git a/x b/x", "whatever", "@@ -1 +1 @@", "-a", "+b")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 1, line 2: ");
  }

  @Test
  void badHunkHeader() {
    assertThatThrownBy(
            () -> PatchParser.parse(patch("@@ -1 +1 @@", "-a", "+b", "@@ -x,1 +2 @@", "-c")))
        .isInstanceOf(PatchParseException.class)
        .hasMessage("hunk 2, line 4: malformed hunk header '@@ -x,1 +2 @@'");
    assertThatThrownBy(() -> PatchParser.parse(patch("@@ -1,2 +1,2", " a", " b")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 1, line 1: malformed hunk header");
  }

  @Test
  void bodyEndingEarly() {
    assertThatThrownBy(
            () ->
                PatchParser.parse(
                    patch("@@ -1,3 +1,3 @@", " a", "-b", "+c", "@@ -10 +10 @@", "-x", "+y")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 1, line 4: hunk body ends early")
        .hasMessageContaining("expects 1 more old and 1 more new line(s)");
    assertThatThrownBy(
            () -> PatchParser.parse(patch("@@ -1 +1 @@", "-a", "+b", "@@ -5,2 +5,2 @@", " a")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 2, line 5: hunk body ends early");
  }

  @Test
  void tooManyBodyLines() {
    assertThatThrownBy(
            () ->
                PatchParser.parse(
                    patch("@@ -1,2 +1,2 @@", " a", " b", "@@ -10 +10 @@", "-x", "+y", " z")))
        .isInstanceOf(PatchParseException.class)
        .hasMessage("hunk 2, line 7: more lines than header '@@ -10 +10 @@' counts");
    assertThatThrownBy(() -> PatchParser.parse(patch("@@ -1 +1,2 @@", "-a", "+b", "+c", "+d")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 1, line 5: more lines");
  }

  @Test
  void badLinePrefix() {
    assertThatThrownBy(
            () ->
                PatchParser.parse(patch("@@ -1 +1 @@", "-a", "+b", "@@ -5,2 +5,2 @@", " a", "*b")))
        .isInstanceOf(PatchParseException.class)
        .hasMessage("hunk 2, line 6: line starts with '*', expected ' ', '+', '-' or '\\'");
  }

  @Test
  void noNewlineMarkerWithoutPrecedingLine() {
    assertThatThrownBy(
            () ->
                PatchParser.parse(patch("@@ -1 +1 @@", "\\ No newline at end of file", "-a", "+b")))
        .isInstanceOf(PatchParseException.class)
        .hasMessageStartingWith("hunk 1, line 2: ");
  }
}
