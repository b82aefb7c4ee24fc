package dev.attentive.reviewer.analysis.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.FileStatus;
import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.style.FormatterEdits.Edit;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The line diff between a file and its formatted self, cut into replacements that stand on their
 * own.
 */
class FormatterEditsTest {

  /** The lines as a chunk of a modified file that added exactly {@code addedLines}. */
  static ChangedLines added(List<String> file, int... addedLines) {
    StringBuilder patch =
        new StringBuilder(
            "@@ -1," + (file.size() - addedLines.length) + " +1," + file.size() + " @@\n");
    int old = 0;
    for (int i = 1; i <= file.size(); i++) {
      int line = i;
      boolean isAdded = IntStream.of(addedLines).anyMatch(a -> a == line);
      patch.append(isAdded ? '+' : ' ').append(file.get(i - 1)).append('\n');
      old += isAdded ? 0 : 1;
    }
    assertThat(old).isEqualTo(file.size() - addedLines.length);
    return ChangedLines.of(Chunks.chunk("A.java", FileStatus.MODIFIED, patch.toString(), null));
  }

  static int[] range(int from, int to) {
    return IntStream.rangeClosed(from, to).toArray();
  }

  // Myers pairs the formatter's inner "      return x;" with the wrongly indented line 4, so the
  // raw deltas are
  // "lines 2-3 become '    if (x > 0) {'" (which drops code) and "after line 4 insert '    }', '
  // int y = 1;', ...".
  static final List<String> SPLIT =
      List.of(
          "  int f(int x) {",
          "    if(x>0){ return x; }",
          "    int y = 1;",
          "      return x;",
          "  }");
  static final List<String> SPLIT_FORMATTED =
      List.of(
          "  int f(int x) {",
          "    if (x > 0) {",
          "      return x;",
          "    }",
          "    int y = 1;",
          "    return x;",
          "  }");

  @Test
  void deltasALineDiffSplitsBadlyAreOfferedAsOneReplacement() {
    List<Edit> edits = FormatterEdits.edits(SPLIT, SPLIT_FORMATTED, added(SPLIT, range(1, 5)));

    assertThat(edits)
        .containsExactly(
            new Edit(
                2,
                4,
                """
            if (x > 0) {
              return x;
            }
            int y = 1;
            return x;\
        """));
  }

  @Test
  void aPieceThatWouldDropCodeIsNeverOfferedOnItsOwn() {
    // Line 4 is old code: the merged replacement would touch it, and the CHANGE of lines 2-3 alone
    // loses code.
    List<Edit> edits = FormatterEdits.edits(SPLIT, SPLIT_FORMATTED, added(SPLIT, 2, 3));

    assertThat(edits).isEmpty();
  }

  @Test
  void anUntouchedLineInsideAChangeDoesNotTakeTheAddedLinesDownWithIt() {
    List<String> file = List.of("class A {", "  void f(){", "  int x=1;", "  int y=2;", "  }", "}");
    List<String> formatted =
        List.of("class A {", "  void f() {", "    int x = 1;", "    int y = 2;", "  }", "}");

    assertThat(FormatterEdits.edits(file, formatted, added(file, 3, 4)))
        .containsExactly(new Edit(3, 4, "    int x = 1;\n    int y = 2;"));
    assertThat(FormatterEdits.edits(file, formatted, added(file, 2, 3, 4)))
        .containsExactly(new Edit(2, 4, "  void f() {\n    int x = 1;\n    int y = 2;"));
    assertThat(FormatterEdits.edits(file, formatted, added(file, 1, 5, 6))).isEmpty();
  }

  @Test
  void aMissingBlankLineIsOfferedOnTheAddedLineNextToIt() {
    List<String> file = List.of("class A {", "  void a() {}", "  void b() {}", "}");
    List<String> formatted = List.of("class A {", "  void a() {}", "", "  void b() {}", "}");

    assertThat(FormatterEdits.edits(file, formatted, added(file, 2)))
        .containsExactly(new Edit(2, 2, "  void a() {}\n"));
    assertThat(FormatterEdits.edits(file, formatted, added(file, 3)))
        .containsExactly(new Edit(3, 3, "\n  void b() {}"));
    assertThat(FormatterEdits.edits(file, formatted, added(file, 1, 4))).isEmpty();
  }

  @Test
  void linesTheFormatterDeletesAreReplacedByNothing() {
    List<String> file = List.of("class A {", "  void a() {}", "", "", "  void b() {}", "}");
    List<String> formatted = List.of("class A {", "  void a() {}", "", "  void b() {}", "}");

    List<Edit> edits = FormatterEdits.edits(file, formatted, added(file, range(1, 6)));

    assertThat(edits).hasSize(1);
    assertThat(edits.get(0).end()).isEqualTo(edits.get(0).start());
    assertThat(edits.get(0).start()).isIn(3, 4);
    assertThat(edits.get(0).replacement()).isEmpty();
  }

  @Test
  void deltasFarApartStaySeparate() {
    List<String> file =
        IntStream.rangeClosed(1, 9)
            .mapToObj(i -> "  int a" + i + "=" + i + ";")
            .collect(Collectors.toList());
    List<String> formatted =
        file.stream().map(l -> l.replace("=", " = ")).collect(Collectors.toList());
    for (int i = 1; i <= 7; i++) {
      formatted.set(i, file.get(i)); // only lines 1 and 9 differ
    }

    assertThat(FormatterEdits.edits(file, formatted, added(file, range(1, 9))))
        .containsExactly(new Edit(1, 1, "  int a1 = 1;"), new Edit(9, 9, "  int a9 = 9;"));
  }

  @Test
  void sameCodeIgnoresWhitespaceCommentMarkersAndOrderButNotLostCode() {
    assertThat(
            FormatterEdits.sameCode(
                List.of("if(x){ return y; }"), List.of("if (x) {", "  return y;", "}")))
        .isTrue();
    assertThat(
            FormatterEdits.sameCode(
                List.of("// a long comment"), List.of("// a long", "// comment")))
        .isTrue();
    assertThat(
            FormatterEdits.sameCode(
                List.of("final static int X = 1;"), List.of("static final int X = 1;")))
        .isTrue();
    assertThat(
            FormatterEdits.sameCode(List.of("if(x){ return y; }", "int z;"), List.of("if (x) {")))
        .isFalse();
  }
}
