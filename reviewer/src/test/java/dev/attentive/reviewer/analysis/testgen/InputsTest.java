package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.testgen.Inputs.Case;
import dev.attentive.reviewer.analysis.testgen.Inputs.DiffValues;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The behaviour probe's inputs: diff literals, pairwise combinations, the budget. */
class InputsTest {

  private static TargetMethod method(String source) {
    return MethodFinder.find(source, ChangedLines.of(Chunks.newFile("src/R.java", source)))
        .methods()
        .get(0);
  }

  @Test
  void everyPairOfTwoParametersFirstValuesIsCombinedWithinTheBudget() {
    TargetMethod clamp =
        method(
            "class R { public static int clamp(int v, int lo, int hi) {"
                + " return Math.max(lo, Math.min(hi, v)); } }");
    List<Case> probes = Inputs.probes(clamp, DiffValues.NONE, 12, Inputs.PROBE_BUDGET, true);
    assertThat(probes).hasSizeLessThanOrEqualTo(Inputs.PROBE_BUDGET);
    // the proposed tests' cases come first, so that indices agree
    assertThat(probes.subList(0, Inputs.cases(clamp, 12, true).size()))
        .isEqualTo(Inputs.cases(clamp, 12, true));
    // lo > hi, which one parameter at a time around the defaults (0, 10, 20) never reaches
    assertThat(probes)
        .anyMatch(c -> Long.parseLong(c.args().get(1)) > Long.parseLong(c.args().get(2)));
    for (String lo : List.of("0", "1", "-1", "2")) {
      for (String hi : List.of("0", "1", "-1", "2")) {
        assertThat(probes)
            .as("lo=%s hi=%s", lo, hi)
            .anyMatch(c -> c.args().get(1).equals(lo) && c.args().get(2).equals(hi));
      }
    }
    assertThat(probes.stream().map(Case::args).distinct()).hasSameSizeAs(probes);
  }

  @Test
  void theDiffsLiteralsAndTheirNeighboursAreTried() {
    DiffValues diff =
        DiffValues.of(
            List.of(
                "    return n > 40 && s.equals(\"x\"); // 99 in a comment",
                "    return n >= -41 && s.indexOf('/') > 0;",
                "     // 77"));
    assertThat(diff.ints()).containsExactly(40L, -41L, 0L);
    assertThat(diff.strings()).containsExactly("x");
    assertThat(diff.chars()).containsExactly('/');
    TargetMethod f =
        method("class R { public static boolean f(int n, String s) { return n > 1; } }");
    List<Case> probes = Inputs.probes(f, diff, 12, Inputs.PROBE_BUDGET, true);
    Set<String> ints = new TreeSet<>();
    Set<String> strings = new TreeSet<>();
    probes.forEach(
        c -> {
          ints.add(c.args().get(0));
          strings.add(c.args().get(1));
        });
    assertThat(ints).contains("39", "40", "41", "-42", "-41", "-40");
    assertThat(strings).contains("\"x\"", "\"/\"", "\"a/b\"");
  }

  @Test
  void objectsOfTheFilesOwnClassesAreBuiltThroughTheirConstructorsAndFactories() {
    String source =
        "class R {\n"
            + "  public static long cents(Money m) { return m.cents; }\n"
            + "  public static final class Money {\n"
            + "    final long cents;\n"
            + "    public Money(long cents) { this.cents = cents; }\n"
            + "    public static Money of(String text) { return new Money(text.length()); }\n"
            + "  }\n"
            + "}\n";
    TargetMethod cents = method(source);
    java.util.Map<String, List<String>> builders =
        MethodFinder.builders(
            MethodFinder.find(source, ChangedLines.of(Chunks.newFile("src/R.java", source)))
                .unit());
    assertThat(builders)
        .containsEntry(
            "Money",
            List.of("new R.Money(0L)", "new R.Money(1L)", "R.Money.of(\"\")", "R.Money.of(\"a\")"));
    assertThat(
            Inputs.probes(cents, DiffValues.NONE, builders, 12, Inputs.PROBE_BUDGET, true).stream()
                .map(c -> c.args().get(0)))
        .contains("new R.Money(0L)", "new R.Money(1L)", "R.Money.of(\"a\")");
  }

  @Test
  void anEnumOfTheFileIsProbedWithItsConstants() {
    String source =
        "record F(String id) {\n"
            + "  enum Type { APPLIED, REJECTED, REPLY }\n"
            + "  static String outcome(String id, Type type) { return id + type; }\n"
            + "}\n";
    TargetMethod outcome = method(source);
    java.util.Map<String, List<String>> builders =
        MethodFinder.builders(
            MethodFinder.find(source, ChangedLines.of(Chunks.newFile("src/F.java", source)))
                .unit());
    assertThat(builders)
        .containsEntry("F.Type", List.of("F.Type.APPLIED", "F.Type.REJECTED", "F.Type.REPLY"));
    assertThat(
            Inputs.probes(outcome, DiffValues.NONE, builders, 12, Inputs.PROBE_BUDGET, true)
                .stream()
                .map(c -> c.args().get(1)))
        .contains("F.Type.APPLIED", "F.Type.REJECTED", "F.Type.REPLY");
  }

  @Test
  void theSmallestInputComesFirst() {
    List<Case> cases =
        List.of(
            new Case(List.of("Integer.MIN_VALUE"), "f(Integer.MIN_VALUE)"),
            new Case(List.of("-100"), "f(-100)"),
            new Case(List.of("-1"), "f(-1)"),
            new Case(List.of("\"abc\"", "new int[] {3, 1}"), "g"));
    List<Integer> order = new java.util.ArrayList<>(List.of(0, 1, 2, 3));
    order.sort(Inputs.smallestFirst(cases));
    assertThat(order).containsExactly(2, 3, 1, 0);
  }
}
