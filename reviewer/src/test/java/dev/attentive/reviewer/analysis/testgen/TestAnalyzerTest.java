package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.Analyzers;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.reviewer.analysis.style.StyleConfig;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.BehaviourChange;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.MethodReport;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests analyzer on realistic pull requests (test-analyzer-fixtures): an off-by-one change in a
 * range check (plus a behaviour-preserving rewrite of clamp), a new string helper, and validation
 * that now throws IllegalArgumentException. Execution on: the proposed tests compile and pass on
 * head, and the behaviour-change report finds exactly the planted changes. Execution off: the tests
 * are compiled and marked not executed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TestAnalyzerTest {

  static final String PORTS = "src/main/java/com/acme/net/Ports.java";
  static final String TEXTS = "src/main/java/com/acme/text/Texts.java";
  static final String PERCENTAGES = "src/main/java/com/acme/billing/Percentages.java";

  final TestAnalyzer executing =
      new TestAnalyzer(new TestsConfig(true, Duration.ofSeconds(60), 128, 10, 12));
  final TestAnalyzer compiling = new TestAnalyzer();

  Report ports;
  Report texts;
  Report percentages;

  @BeforeAll
  void runTheFixturesWithExecutionOn() throws Exception {
    ports = executing.report(Fixtures.fixture("ports", PORTS, "Ports.java"), true);
    texts = executing.report(Fixtures.fixture("strings", TEXTS, "Texts.java"), true);
    percentages =
        executing.report(Fixtures.fixture("percentages", PERCENTAGES, "Percentages.java"), true);
  }

  private static MethodReport method(Report report, String name) {
    return report.methods().stream()
        .filter(m -> m.method().name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<Suggestion> rule(Report report, String rule) {
    return report.suggestions().stream().filter(s -> s.ruleId().equals(rule)).toList();
  }

  @Test
  void findsExactlyTheChangedMethods() {
    assertThat(ports.methods())
        .extracting(m -> m.method().signature())
        .containsExactly("isValidPort(int)", "clamp(int, int, int)"); // isUnprivileged is untouched
    assertThat(texts.methods())
        .extracting(m -> m.method().signature())
        .containsExactly("truncate(String, int)");
    assertThat(percentages.methods())
        .extracting(m -> m.method().signature())
        .containsExactly("percentOf(int, int)");
  }

  @Test
  void everyChangedMethodGetsTestsThatPassedOnHead() {
    for (Report r : List.of(ports, texts, percentages)) {
      for (MethodReport m : r.methods()) {
        assertThat(m.verification()).as(m.method().signature()).isEqualTo(TestAnalyzer.PASSED);
        assertThat(m.tests()).as(m.method().signature()).isNotEmpty();
      }
      assertThat(rule(r, TestAnalyzer.VERIFIED_RULE))
          .hasSameSizeAs(r.methods())
          .allSatisfy(
              s -> {
                assertThat(s.kind()).isEqualTo(Suggestion.Kind.TEST);
                assertThat(s.replacement()).isNull();
                assertThat(s.message())
                    .contains(
                        "**Verification:** compiled and passed on head",
                        "<details><summary>",
                        "```java\n",
                        "</details>");
              });
    }
    Suggestion isValidPort = rule(ports, TestAnalyzer.VERIFIED_RULE).get(0);
    assertThat(isValidPort.path()).isEqualTo(PORTS);
    // its first changed line (the declaration, line 12, is not in the diff)
    assertThat(isValidPort.startLine()).isEqualTo(13);
  }

  @Test
  void theAssertionsPinWhatHeadDoesAtTheBoundaries() {
    String isValidPort = method(ports, "isValidPort").testSource();
    assertThat(isValidPort)
        .contains(
            "assertFalse(Ports.isValidPort(0));",
            "assertTrue(Ports.isValidPort(1));",
            "assertTrue(Ports.isValidPort(65535));",
            "assertFalse(Ports.isValidPort(65536));",
            "assertFalse(Ports.isValidPort(Integer.MIN_VALUE));");
    assertThat(method(texts, "truncate").testSource())
        .contains(
            "assertEquals(\"abc\", Texts.truncate(\"abc\", 3));",
            "assertNull(Texts.truncate((String) null, 0));",
            "assertThrows(StringIndexOutOfBoundsException.class, () -> Texts.truncate(\"abc\", -1));")
        .doesNotContain(
            "import java.util.Locale;"); // the file's imports only where the tests use them
    assertThat(method(percentages, "percentOf").testSource())
        .contains(
            "assertEquals(10, Percentages.percentOf(1, 10));",
            "assertThrows(IllegalArgumentException.class, () -> Percentages.percentOf(0, 0));",
            "assertThrows(IllegalArgumentException.class, () -> Percentages.percentOf(-1, 10));");
  }

  @Test
  void theProposedTestClassesCompileAndPassOnHeadWhenRunAgain(@TempDir Path dir) throws Exception {
    record Case(String pkg, String file, String head, String testSource) {}
    List<Case> cases = new ArrayList<>();
    for (MethodReport m : ports.methods()) {
      cases.add(
          new Case(
              "com/acme/net", "Ports.java", Fixtures.head("ports", "Ports.java"), m.testSource()));
    }
    cases.add(
        new Case(
            "com/acme/text",
            "Texts.java",
            Fixtures.head("strings", "Texts.java"),
            method(texts, "truncate").testSource()));
    cases.add(
        new Case(
            "com/acme/billing",
            "Percentages.java",
            Fixtures.head("percentages", "Percentages.java"),
            method(percentages, "percentOf").testSource()));
    int n = 0;
    for (Case c : cases) {
      Path root = dir.resolve("run" + n++);
      Path pkg = Files.createDirectories(root.resolve("src").resolve(c.pkg()));
      Path head = Files.writeString(pkg.resolve(c.file()), c.head());
      String className = className(c.testSource());
      Path test = Files.writeString(pkg.resolve(className + ".java"), c.testSource());
      Path classes = root.resolve("classes");
      assertThat(
              Compiler.compile(List.of(head, test), classes, Sandbox.trustedClasspath()).errors())
          .isEmpty();
      Sandbox.Run run =
          new Sandbox(Duration.ofSeconds(60), 128)
              .run(
                  Files.createDirectories(root.resolve("work")),
                  classes,
                  List.of("junit", c.pkg().replace('/', '.') + "." + className));
      List<String> results = run.lines().stream().filter(l -> l.startsWith("T\t")).toList();
      assertThat(results).isNotEmpty().allSatisfy(l -> assertThat(l).contains("\tSUCCESSFUL\t"));
      assertThat(results).hasSize(count(c.testSource(), "@Test"));
    }
  }

  @Test
  void theBehaviourChangeReportFindsThePlantedOffByOne() {
    assertThat(method(ports, "isValidPort").changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.call()).isEqualTo("isValidPort(65535)");
              assertThat(c.before().expression()).isEqualTo("false");
              assertThat(c.after().expression()).isEqualTo("true");
            });
    assertThat(rule(ports, TestAnalyzer.BEHAVIOUR_RULE))
        .filteredOn(s -> s.startLine() == 13)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.severity()).isEqualTo(Suggestion.Severity.WARNING);
              assertThat(s.startLine()).isEqualTo(13);
              assertThat(s.message())
                  .contains(
                      "This PR changes what `isValidPort(65535)` returns from `false` to `true`.",
                      "assertTrue(Ports.isValidPort(65535));");
              assertThat(s.message()).doesNotContain("isValidPort(65534)");
            });
  }

  @Test
  void theClampRewriteDiffersOnlyWhenTwoArgumentsInteractAndPairwiseInputsFindIt() {
    // clamp was rewritten with Math.min/max: the same for min <= max, different for min > max
    // (base returned max, head returns min), which only a combination of two arguments shows
    List<BehaviourChange> changes = method(ports, "clamp").changes();
    assertThat(changes).isNotEmpty();
    BehaviourChange smallest = changes.get(0);
    assertThat(smallest.call()).isEqualTo("clamp(2, 0, -1)");
    assertThat(smallest.headline())
        .isEqualTo("`clamp(2, 0, -1)` returned `-1` before this change and `0` after.");
    assertThat(rule(ports, TestAnalyzer.BEHAVIOUR_RULE))
        .filteredOn(s -> s.startLine() == 23)
        .singleElement()
        .satisfies(
            s ->
                assertThat(s.message())
                    .contains(
                        "**Behaviour change:** `clamp(2, 0, -1)` returned `-1` before this change"
                            + " and `0` after",
                        "This pull request asserts the new behaviour",
                        "PortsClampBehaviourTest.java",
                        "assertEquals(0, Ports.clamp(2, 0, -1));",
                        "PortsClampOldBehaviourTest.java",
                        "assertEquals(-1, Ports.clamp(2, 0, -1));"));
  }

  @Test
  void theBehaviourChangeReportFindsTheNewValidation() {
    Map<String, BehaviourChange> changes =
        method(percentages, "percentOf").changes().stream()
            .collect(Collectors.toMap(BehaviourChange::call, c -> c));
    assertThat(changes.get("percentOf(0, 0)"))
        .satisfies(
            c -> {
              assertThat(c.before().status()).isEqualTo("THREW");
              assertThat(c.before().kind()).isEqualTo("ArithmeticException");
              assertThat(c.after().kind()).isEqualTo("IllegalArgumentException");
            });
    assertThat(changes.get("percentOf(-1, 10)"))
        .satisfies(
            c -> {
              assertThat(c.before().expression()).isEqualTo("-10");
              assertThat(c.after().kind()).isEqualTo("IllegalArgumentException");
              assertThat(c.sentence())
                  .isEqualTo(
                      "This PR changes what `percentOf(-1, 10)` does: it returned `-10`, now it"
                          + " throws `IllegalArgumentException`.");
            });
    assertThat(changes)
        .doesNotContainKeys("percentOf(0, 10)", "percentOf(1, 10)"); // valid inputs did not change
  }

  @Test
  void aClassWithInstanceMethodsArraysVarargsCharsAndFieldConstants() throws Exception {
    Report stock =
        executing.report(
            Fixtures.fixture(
                "inventory", "src/main/java/com/acme/inventory/Stock.java", "Stock.java"),
            true);
    assertThat(stock.methods())
        .extracting(m -> m.method().name())
        .containsExactly("record", "belowReorderLevel", "average", "shelfCode", "anyOver");
    assertThat(stock.methods())
        .allSatisfy(m -> assertThat(m.verification()).isEqualTo(TestAnalyzer.PASSED));
    assertThat(method(stock, "record").testSource())
        .contains("assertThrows(IllegalArgumentException.class, () -> new Stock().record(-1));");
    assertThat(method(stock, "average").testSource())
        .contains("assertEquals(2.0, Stock.average(new int[] {3, 1, 2}));");
    assertThat(method(stock, "shelfCode").testSource())
        .contains(
            "assertEquals(\"A-00\", Stock.shelfCode('A', 0));",
            "assertThrows(IllegalArgumentException.class, () -> Stock.shelfCode('@', 0));");
    // REORDER_LEVEL (a final field, 5) gives the inputs 4, 5, 6: the `<` → `<=` change shows at 5
    assertThat(method(stock, "belowReorderLevel").changes())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.call()).isEqualTo("belowReorderLevel(new int[] {4, 5, 6})");
              assertThat(c.sentence())
                  .isEqualTo(
                      "This PR changes what `belowReorderLevel(new int[] {4, 5, 6})` returns from"
                          + " `[4]` to `[4, 5]`.");
            });
    // every negative reading now throws; the smallest is reported first
    assertThat(method(stock, "record").changes())
        .extracting(BehaviourChange::call)
        .startsWith("record(-1)")
        .contains("record(Integer.MIN_VALUE)")
        .allMatch(call -> call.startsWith("record(-") || call.contains("MIN_VALUE"));
  }

  @Test
  void aNewMethodHasNoBaseToCompareWith() {
    assertThat(method(texts, "truncate").changes()).isEmpty();
    assertThat(rule(texts, TestAnalyzer.BEHAVIOUR_RULE)).isEmpty();
  }

  @Test
  void withExecutionOffTheTestsAreCompiledButOnlyTheSummarySaysSo() throws Exception {
    for (PullRequestDiffChunk chunk :
        List.of(
            Fixtures.fixture("ports", PORTS, "Ports.java"),
            Fixtures.fixture("strings", TEXTS, "Texts.java"),
            Fixtures.fixture("percentages", PERCENTAGES, "Percentages.java"))) {
      Report r = compiling.report(chunk, false);
      assertThat(r.methods())
          .isNotEmpty()
          .allSatisfy(
              m -> {
                assertThat(m.verification()).isEqualTo(TestAnalyzer.NOT_EXECUTED);
                assertThat(m.changes()).isEmpty();
                assertThat(m.testSource()).contains("// compiled, not executed");
              });
      // smoke tests pin nothing: never inline, one line in the summary instead
      assertThat(r.suggestions()).isEmpty();
      assertThat(r.notes())
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n)
                      .startsWith("No tests proposed in ")
                      .endsWith(": execution is off (tests that pin values need it)"));
    }
    assertThat(compiling.report(Fixtures.fixture("ports", PORTS, "Ports.java"), false).notes())
        .containsExactly(
            "No tests proposed in Ports.java for `Ports.isValidPort(int)`, `Ports.clamp(int, int,"
                + " int)`: execution is off (tests that pin values need it)");
    MethodReport percentOf =
        compiling
            .report(Fixtures.fixture("percentages", PERCENTAGES, "Percentages.java"), false)
            .methods()
            .get(0);
    assertThat(percentOf.testSource())
        .contains("catch (Exception e)", "assertTrue(e instanceof IllegalArgumentException");
    // analyze() follows the configuration: off by default, so nothing inline
    assertThat(compiling.analyze(Fixtures.fixture("ports", PORTS, "Ports.java"))).isEmpty();
    assertThat(
            compiling
                .findings(
                    Fixtures.fixture("ports", PORTS, "Ports.java"),
                    RepositorySettings.defaults(),
                    null)
                .notes())
        .singleElement()
        .asString()
        .contains("execution is off");
  }

  @Test
  void aFileThatNeedsTheRestOfItsProjectIsNotVerified() throws Exception {
    String head =
        """
        package com.acme.shop;

        import com.acme.shop.pricing.PriceList;

        public final class Cart {
          public static int total(int items) {
            return PriceList.unitPrice() * items;
          }
        }
        """;
    Report r =
        executing.report(Chunks.newFile("src/main/java/com/acme/shop/Cart.java", head), true);
    assertThat(r.methods())
        .singleElement()
        .satisfies(
            m ->
                assertThat(m.verification())
                    .startsWith("not verified: Cart.java does not compile on its own (")
                    .contains("com.acme.shop.pricing"));
    // not verified: nothing inline, the summary says why
    assertThat(r.suggestions()).isEmpty();
    assertThat(r.notes())
        .containsExactly(
            "No tests proposed in Cart.java for `Cart.total(int)`: Cart.java needs package"
                + " com.acme.shop.pricing, which is not in the diff");
  }

  @Test
  void casesThatHangAreDroppedAndTheRestKept() throws Exception {
    String head =
        """
        package demo;

        public final class Waits {
          public static int settle(int n) {
            while (n > 0) {
              Thread.onSpinWait();
            }
            return -n;
          }
        }
        """;
    // Long enough for the passing cases' sandbox JVM to start and finish on a loaded CI machine.
    TestAnalyzer quick = new TestAnalyzer(new TestsConfig(true, Duration.ofSeconds(12), 64, 10, 4));
    Report r = quick.report(Chunks.newFile("src/main/java/demo/Waits.java", head), true);
    MethodReport settle = r.methods().get(0);
    assertThat(settle.verification()).isEqualTo(TestAnalyzer.PASSED);
    assertThat(settle.testSource())
        .contains("assertEquals(0, Waits.settle(0));")
        .doesNotContain("Waits.settle(1)");
  }

  @Test
  void otherFilesGetNothing() throws Exception {
    assertThat(executing.analyze(Chunks.newFile("README.md", "# hi\n"))).isEmpty();
    assertThat(
            executing.analyze(
                Chunks.newFile("src/A.java", "class A { private int f() { return 1; } }\n")))
        .isEmpty();
  }

  @Test
  void aRepositoryCanTurnExecutionOffButOnlyTheDeploymentCanTurnItOn() {
    PullRequestDiffChunk chunk = Fixtures.fixture("ports", PORTS, "Ports.java");
    assertThat(executing.executionFor(chunk)).isTrue();
    assertThat(executing.executionFor(chunk.withSettings(settings(false)))).isFalse();
    assertThat(executing.executionFor(chunk.withSettings(settings(null)))).isTrue();
    assertThat(compiling.executionFor(chunk)).isFalse();
    assertThat(compiling.executionFor(chunk.withSettings(settings(true)))).isFalse();
  }

  private static RepositorySettings settings(Boolean execute) {
    return new RepositorySettings(
        1, null, null, null, null, List.of(), null, null, execute, null, null, List.of(), null);
  }

  @Test
  void registeredAsTests() {
    assertThat(Analyzers.KNOWN).contains("tests");
    assertThat(Analyzers.create(List.of("tests"), StyleConfig.defaults(), TestsConfig.defaults()))
        .singleElement()
        .isInstanceOf(TestAnalyzer.class)
        .satisfies(a -> assertThat(((TestAnalyzer) a).config().execution()).isFalse());
  }

  private static String className(String source) {
    Matcher m = Pattern.compile("(?m)^class (\\w+) \\{").matcher(source);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private static int count(String text, String what) {
    return text.split(Pattern.quote(what), -1).length - 1;
  }
}
