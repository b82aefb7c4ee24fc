package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class FinalRulesTest {

  private static final String FINAL_EVERYWHERE =
      """
      class A {
        int f(final int a, final String b) {
          final int c = a + 1;
          int d = 0;
          d++;
          for (final String s : b.split(",")) {
            final int n = s.length();
          }
          for (int i = 0; i < a; i++) {}
          return c;
        }
      }
      """;

  @Test
  void countsOnlyDeclarationsThatCouldBeFinal() {
    Convention locals = Learn.from(new FinalLocals(), 10, FINAL_EVERYWHERE);
    // c, s, n; d is reassigned and i is a for-loop counter
    assertThat(locals.follows()).isEqualTo(30);
    assertThat(locals.breaks()).isZero();
    assertThat(locals.value()).isEqualTo("final");
    assertThat(locals.enforced()).isTrue();
    assertThat(locals.evidence())
        .isEqualTo(
            "this repository declares local variables final: 30 of 30 never reassigned local"
                + " variables in 10 sampled files");
    Convention params = Learn.from(new FinalParameters(), 10, FINAL_EVERYWHERE);
    assertThat(params.follows()).isEqualTo(20);
    assertThat(params.enforced()).isTrue();
  }

  @Test
  void aNewLocalWithoutFinalGetsIt() {
    String text =
        "class A {\n  void f() {\n    int count = 1;\n    String name = \"x\", other = name;\n"
            + "    int moved = 2;\n    moved = 3;\n  }\n}\n";
    var found =
        Learn.check(
            new FinalLocals(), Learn.enforced(FinalLocals.ID, "final"), text, Learn.all(text));
    // one comment per file, naming how many more
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement()).isEqualTo("    final int count = 1;");
              assertThat(d.message()).endsWith("The file has 1 more declaration like this one.");
            });
    assertThat(
            Learn.check(
                new FinalLocals(), Learn.enforced(FinalLocals.ID, "final"), text, Learn.lines(4)))
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.replacement())
                    .isEqualTo("    final String name = \"x\", other = name;"));
  }

  @Test
  void parametersOnOneLineMakeOneDeviation() {
    String text =
        "class A {\n  void f(int a, final int b, @Nullable String c) {\n    a = 2;\n  }\n"
            + "  abstract void g(int x);\n  void h(long y, long z) {}\n}\n";
    var found =
        Learn.check(
            new FinalParameters(),
            Learn.enforced(FinalParameters.ID, "final"),
            text,
            Learn.all(text));
    assertThat(found)
        .singleElement()
        .satisfies(
            d ->
                assertThat(d.replacement())
                    .isEqualTo("  void f(int a, final int b, @Nullable final String c) {"));
    assertThat(
            Learn.check(
                new FinalParameters(),
                Learn.enforced(FinalParameters.ID, "final"),
                text,
                Learn.lines(6)))
        .singleElement()
        .satisfies(
            d -> assertThat(d.replacement()).isEqualTo("  void h(final long y, final long z) {}"));
  }

  @Test
  void notFinalIsNeverEnforcedAndOldNonFinalCodeIsQuiet() {
    String text = "class A {\n  void f(long y) {\n    final int a = 1;\n  }\n}\n";
    assertThat(
            Learn.check(
                new FinalLocals(),
                Learn.enforced(FinalLocals.ID, "not-final"),
                text,
                Learn.all(text)))
        .isEmpty();
    // the signature changed, but y was not final before either
    String changed = "class A {\n  void f(long y, final long z) {}\n}\n";
    assertThat(
            Learn.check(
                new FinalParameters(),
                Learn.enforced(FinalParameters.ID, "final"),
                changed,
                Learn.replaced(2, "  void f(long y) {}")))
        .isEmpty();
  }
}
