package dev.attentive.reviewer.analysis.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.puppycrawl.tools.checkstyle.api.CheckstyleException;
import dev.attentive.reviewer.analysis.style.CheckstyleRunner.Violation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checkstyle on one file's text, and the XPath suppression filter that is evaluated once per file.
 */
class CheckstyleRunnerTest {

  /**
   * Hits google_checks.xml's XPath suppressions: empty blocks after if and catch, a block in a
   * switch rule.
   */
  static final String SUPPRESSIONS =
      """
      package a;

      /** A. */
      public class A {
        /** F. */
        public void f(int x) {
          if (x > 0) {}
          try {
            g();
          } catch (RuntimeException e) {}
          switch (x) {
            case 1 -> {
              g();
            }
            default -> g();
          }
          int y=x;
        }

        void g() {}
      }
      """;

  static String resourcePath(String name) throws Exception {
    return Path.of(CheckstyleRunnerTest.class.getResource("/analysis/" + name).toURI()).toString();
  }

  @Test
  void theCachingXpathFilterDecidesExactlyAsCheckstylesOwn() throws Exception {
    List<Violation> caching =
        new CheckstyleRunner(StyleConfig.defaults()).check("A.java", SUPPRESSIONS);
    List<Violation> stock =
        new CheckstyleRunner(StyleConfig.defaults(), false).check("A.java", SUPPRESSIONS);

    assertThat(caching).isEqualTo(stock).isNotEmpty();
    // Without google_checks.xml's XPath suppressions, Checkstyle reports each of these (checked by
    // hand).
    assertThat(caching)
        .extracting(Violation::line, Violation::check)
        .contains(tuple(17, "WhitespaceAround"))
        .doesNotContain(
            tuple(7, "WhitespaceAround"),
            tuple(10, "WhitespaceAround"),
            tuple(12, "LeftCurlyNl"),
            tuple(20, "RightCurlyAlone"));
  }

  @Test
  void anXpathSuppressionSuppressesWhatItsQuerySelectsAndNothingElse() throws Exception {
    String source =
        """
        class A {
          void loud() { int a=1; }
          void quiet() { int b=2; }
          void loud2() { int c=3; }
        }
        """;
    StyleConfig config = new StyleConfig(resourcePath("xpath-suppression.xml"), false);

    for (CheckstyleRunner runner :
        List.of(new CheckstyleRunner(config), new CheckstyleRunner(config, false))) {
      List<Violation> found = runner.check("A.java", source);
      assertThat(found).extracting(Violation::line).containsExactly(2, 2, 4, 4);
      // the same runner again, on another file: the cached query result must not leak from one file
      // to the next
      assertThat(runner.check("A.java", source.replace("quiet", "noisy")))
          .extracting(Violation::line)
          .containsExactly(2, 2, 3, 3, 4, 4);
    }
  }

  @Test
  void violationsComeWithCheckNameSeverityAndCheckstylesMessage() throws Exception {
    List<Violation> found =
        new CheckstyleRunner(StyleConfig.defaults())
            .check("A.java", "package a;\n\nimport java.util.*;\n\n/** A. */\npublic class A {}\n");

    assertThat(found)
        .containsExactly(
            new Violation(
                3,
                17,
                "AvoidStarImport",
                dev.attentive.events.Suggestion.Severity.WARNING,
                "Using the '.*' form of import should be avoided - java.util.*."));
  }

  @Test
  void javaCheckstyleCannotParseIsAnException() {
    CheckstyleRunner runner = new CheckstyleRunner(StyleConfig.defaults());

    assertThatThrownBy(() -> runner.check("B.java", "class B { void f( { }\n"))
        .isInstanceOf(CheckstyleException.class);
  }

  @Test
  void checkNamesArePlainOrTheModulesId() throws Exception {
    // LeftCurly is configured twice in google_checks.xml, with ids LeftCurlyEol and LeftCurlyNl.
    List<Violation> found =
        new CheckstyleRunner(StyleConfig.defaults())
            .check(
                "A.java",
                "package a;\n\n/** A. */\npublic class A {\n  /** F. */\n"
                    + "  public void f() { int x = 1; }\n}\n");

    assertThat(found)
        .extracting(Violation::check)
        .contains("LeftCurlyEol")
        .allMatch(c -> !c.endsWith("Check"));
  }
}
