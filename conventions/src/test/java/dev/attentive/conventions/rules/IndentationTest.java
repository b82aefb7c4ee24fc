package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.Deviation;
import dev.attentive.events.Convention;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndentationTest {

  static final String FOUR =
      """
      package p;

      class A {
          private final Runnable r = new Runnable() {
              @Override
              public void run() {
                  work();
              }
          };

          int f(int a,
                  int b) {
              if (a > 0
                      && b > 0) {
                  return a;
              } else {
                  list.forEach(x -> {
                      use(x);
                  });
              }
              switch (a) {
                  case 1:
                      return 1;
                  default:
                      return 2;
              }
          }
      }
      """;

  static final String GUAVA =
      """
      class B {
        void f() {
          if (resetOnFinalize) {
            source =
                new ByteSource() {
                  @Override
                  public InputStream openStream() {
                    return open();
                  }
                };
          }
          executor.execute(
              () -> {
                run();
              });
        }
      }
      """;

  private final Indentation rule = new Indentation();

  @Test
  void learnsTheUnitFromStatementsNotFromContinuationLines() {
    Convention four = Layouts.learn(rule, FOUR, 5);
    assertThat(four.enforced()).isTrue();
    assertThat(four.value()).isEqualTo("4");
    assertThat(four.breaks()).isZero();
    assertThat(four.evidence()).startsWith("this repository indents with 4 spaces: ");

    Convention two = Layouts.learn(rule, GUAVA, 10);
    assertThat(two.value()).isEqualTo("2");
    assertThat(two.breaks()).isZero();
    assertThat(two.enforced()).isTrue();

    Convention tabs = Layouts.learn(rule, FOUR.replace("    ", "\t"), 5);
    assertThat(tabs.value()).isEqualTo("tab");
    assertThat(tabs.enforced()).isTrue();
  }

  @Test
  void aMixedRepositoryIsMeasuredButNotEnforced() {
    String mixed = FOUR + GUAVA + GUAVA;
    Convention c = Layouts.learn(rule, mixed, 5);
    assertThat(c.enforced()).isFalse();
  }

  @Test
  void conformingCodeHasNoDeviation() {
    assertThat(Layouts.checkAll(rule, "4", FOUR)).isEmpty();
    assertThat(Layouts.checkAll(rule, "2", GUAVA)).isEmpty();
    assertThat(Layouts.checkAll(rule, "tab", FOUR.replace("    ", "\t"))).isEmpty();
  }

  @Test
  void aTabInASpacesRepositoryIsFixedBackToTheOriginalLine() {
    String original = "            return a;";
    String planted = FOUR.replace(original, "\t\t\treturn a;");
    List<Deviation> found = Layouts.check(rule, "4", planted, 15);
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(15);
              assertThat(d.replacement()).isEqualTo(original);
              assertThat(d.message())
                  .startsWith("Indented with a tab where this repository indents with spaces");
            });
  }

  @Test
  void aWrongWidthIsFixedAndClosingBracesCount() {
    String planted = FOUR.replace("            return 1;", "          return 1;");
    assertThat(Layouts.check(rule, "4", planted, 23))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("                return 1;"));

    String brace = FOUR.replace("        }\n    }\n}", "        }\n      }\n}");
    assertThat(Layouts.checkAll(rule, "4", brace))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("    }"));

    String wrongInTabs = FOUR.replace("    ", "\t").replace("\t\t\treturn a;", "\t\t    return a;");
    assertThat(Layouts.check(rule, "tab", wrongInTabs, 15))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("\t\t\treturn a;"));
  }

  @Test
  void saysNothingAboutContinuationsCaseLabelsCommentsOrUnbalancedFiles() {
    String odd =
        FOUR.replace("            && b > 0", "  && b > 0")
            .replace("class A {", "class A {\n  /* a comment\n       indented oddly */");
    assertThat(Layouts.checkAll(rule, "4", odd)).isEmpty();
    String label = FOUR.replace("            case 1:", "        case 1:");
    assertThat(Layouts.check(rule, "4", label, 22, 24)).isEmpty();

    String unbalanced = FOUR.replace("    int f(int a,", "    int f(int a,(") + "\n  x;";
    assertThat(Layouts.checkAll(rule, "4", unbalanced)).isEmpty();
  }

  @Test
  void bracelessBodiesAndFormatterOffRegionsAreNotMeasured() {
    String text =
        """
        class C {
        	void f() {
        		for (int i = 0; i < n; i++)
        			if (b[i] == 0) {
        				b[i] = c;
        			}
        		if (a)
        			if (b)
        				x();
        			else
        				y();
        		// @formatter:off
        		  e += s1(a, b);
        		// @formatter:on
        	}
        }
        """;
    assertThat(Layouts.checkAll(rule, "tab", text)).isEmpty();
    assertThat(Layouts.learn(rule, text, 5).breaks()).isZero();
  }

  @Test
  void aLineMeasuredFromALineThatIsOffItselfGetsNoSecondComment() {
    String planted = FOUR.replace("        if (a > 0\n", "          if (a > 0\n");
    assertThat(Layouts.checkAll(rule, "4", planted))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(13);
              assertThat(d.replacement()).isEqualTo("        if (a > 0");
            });
  }

  @Test
  void aCaseLabelIsComparedWithTheOtherLabelsOfItsSwitch() {
    String planted = FOUR.replace("            case 1:", "\t\t\tcase 1:");
    assertThat(Layouts.check(rule, "4", planted, 22))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("            case 1:"));
    // a codebase that does not indent case labels is fine
    String flat =
        FOUR.replace("            case 1:", "        case 1:")
            .replace("            default:", "        default:")
            .replace("                return 1;", "            return 1;")
            .replace("                return 2;", "            return 2;");
    assertThat(Layouts.checkAll(rule, "4", flat)).isEmpty();
  }

  @Test
  void aNonUnitValueIsNeverEnforced() {
    String six = FOUR.replace("    ", "      ");
    assertThat(Layouts.learn(rule, six, 5).enforced()).isFalse();
  }
}
