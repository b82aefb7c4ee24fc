package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.JavaSource;
import dev.attentive.events.Convention;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LineLengthTest {

  private final LineLength rule = new LineLength();

  /** 100 lines of {@code width} columns, one of {@code longest}. */
  private static String lines(int width, int longest) {
    StringBuilder b = new StringBuilder("class A {\n");
    for (int i = 0; i < 100; i++) {
      int w = i == 0 ? longest : width;
      b.append("    int x").append(i).append(" = ");
      b.append("1".repeat(Math.max(1, w - 17 - String.valueOf(i).length()))).append(";\n");
    }
    return b.append("}\n").toString();
  }

  @Test
  void theLimitIsTheSmallestThatNearlyAllCodeLinesFit() {
    Convention c = Layouts.learn(rule, lines(90, 95), 5);
    assertThat(c.value()).isEqualTo("100");
    assertThat(c.enforced()).isTrue();
    assertThat(c.evidence()).contains("keeps lines within 100 columns").contains("95 % of them");

    // one line in 100 over 100 columns is more than 0.3 %: the limit is the next one up
    assertThat(Layouts.learn(rule, lines(90, 110), 5).value()).isEqualTo("120");
  }

  @Test
  void stringsUrlsAndImportsAreNeitherCountedNorFlagged() {
    String text =
        "import a.very.long.package.name.that.goes.on.and.on.and.on.and.on.and.on.and.on.and.on.Type;\n"
            + "class A {\n"
            + "  String s = \"a long string literal that goes past the limit of eighty columns ....\";\n"
            + "  // see https://example.com/a/long/url/that/goes/past/the/limit/of/eighty/columns/x\n"
            + "}\n";
    Convention c = Layouts.learn(rule, text, 5);
    assertThat(c.follows()).isEqualTo(10); // only "class A {" and "}", in 5 files
    assertThat(c.breaks()).isZero();
    assertThat(Layouts.checkAll(rule, "80", text)).isEmpty();
  }

  @Test
  void aLongChangedLineIsWrappedAtTheLastTopLevelBreak() {
    String text =
        "class A {\n"
            + "  void f() {\n"
            + "    result = compute(firstArgument, secondArgument, thirdArgument, fourthArgument);\n"
            + "  }\n"
            + "}\n";
    Convention limit = Layouts.enforced(LineLength.ID, "80");
    Convention indent = Layouts.enforced(Indentation.ID, "2");
    var found =
        rule.check(
            JavaSource.of("A.java", text),
            limit,
            Layouts.profile(limit, indent),
            Changes.added(Set.of(3)));
    assertThat(found)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.replacement())
                    .isEqualTo(
                        "    result = compute(firstArgument, secondArgument, thirdArgument,\n"
                            + "        fourthArgument);"));
    Convention continuation = Layouts.enforced(ContinuationIndent.ID, "6");
    var withContinuation =
        rule.check(
            JavaSource.of("A.java", text),
            limit,
            Layouts.profile(limit, indent, continuation),
            Changes.added(Set.of(3)));
    assertThat(withContinuation.get(0).replacement()).endsWith(",\n          fourthArgument);");
  }

  @Test
  void aRepositoryFormattedTo80ColumnsIsWrappedThereThoughItsLimitIs100() {
    String text =
        "class A {\n"
            + "\tvoid f() {\n"
            + "\t\tresult = compute(firstArgument, secondArgument, thirdArgument, fourthArgument);\n"
            + "\t}\n"
            + "}\n";
    Convention limit =
        new Convention(
            LineLength.ID,
            "100",
            1000,
            1,
            10,
            true,
            "this repository keeps lines within 100 columns: 1,000 of 1,001 code lines in 10 sampled"
                + " files (95 % of them within 73, 99 % within 80 columns)");
    Convention indent = Layouts.enforced(Indentation.ID, "tab");
    String line = text.lines().toList().get(2);
    assertThat(LineLength.width(line)).isEqualTo(87);
    var found =
        rule.check(
            JavaSource.of(
                "A.java", text.replace("fourthArgument", "fourthArgument, fifthArgument, sixth")),
            limit,
            Layouts.profile(limit, indent),
            Changes.added(Set.of(3)));
    assertThat(found)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.replacement())
                    .isEqualTo(
                        "\t\tresult = compute(firstArgument, secondArgument, thirdArgument,\n"
                            + "\t\t\t\tfourthArgument, fifthArgument, sixth);"));
  }

  @Test
  void noReplacementWithoutASafeBreak() {
    String text = "class A {\n  " + "x".repeat(90) + "();\n}\n";
    Convention limit = Layouts.enforced(LineLength.ID, "80");
    Convention indent = Layouts.enforced(Indentation.ID, "2");
    var found =
        rule.check(
            JavaSource.of("A.java", text),
            limit,
            Layouts.profile(limit, indent),
            Changes.added(Set.of(2)));
    assertThat(found).singleElement().satisfies(d -> assertThat(d.replacement()).isNull());
  }
}
