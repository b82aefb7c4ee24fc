package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class NamingRulesTest {

  private static final String CONSTANTS =
      """
      package p;

      class Limits {
        static final int MAX_SIZE = 10;
        private static final String DEFAULT_NAME = "x";
        static final long TIMEOUT = 5;
        private static final long serialVersionUID = 1L;
      }
      """;

  @Test
  void learnsUpperSnakeConstantsWithEvidence() {
    Convention c = Learn.from(new ConstantNaming(), 10, CONSTANTS);
    assertThat(c.value()).isEqualTo("UPPER_SNAKE");
    assertThat(c.enforced()).isTrue();
    assertThat(c.evidence())
        .isEqualTo(
            "this repository names constants in UPPER_SNAKE: 30 of 30 constants in 10 sampled"
                + " files");
  }

  @Test
  void aCamelCaseConstantGetsItsUpperSnakeLineBack() {
    String text =
        """
        class A {
          static final int MAX_SIZE = 10;
          private static final int defaultTimeoutMillis = 500;
        }
        """;
    var found =
        Learn.check(
            new ConstantNaming(),
            Learn.enforced(ConstantNaming.ID, "UPPER_SNAKE"),
            text,
            Learn.lines(3));
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(3);
              assertThat(d.replacement())
                  .isEqualTo("  private static final int DEFAULT_TIMEOUT_MILLIS = 500;");
              assertThat(d.message())
                  .contains("defaultTimeoutMillis` → `DEFAULT_TIMEOUT_MILLIS")
                  .contains("this repository does it")
                  .contains("uses");
            });
  }

  @Test
  void anUpperSnakeFieldInACamelCaseRepositoryBecomesCamelCase() {
    String text = "class A {\n  private int retryCount;\n  private int MAX_RETRY_COUNT;\n}\n";
    var found =
        Learn.check(
            new FieldNaming(), Learn.enforced(FieldNaming.ID, "lowerCamel"), text, Learn.all(text));
    // the kept-line neighbour check does not apply: both lines are added
    assertThat(found)
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("  private int maxRetryCount;"));
  }

  @Test
  void quietWhereTheNameIsNotNewOrTheFileHasItsOwnHabit() {
    var rule = new LocalNaming();
    var c = Learn.enforced(LocalNaming.ID, "lowerCamel");
    String text = "class A {\n  void f() {\n    int max_size = 1;\n    use(max_size);\n  }\n}\n";
    // the name is used on a line the change kept: it was there before
    assertThat(Learn.check(rule, c, text, Learn.lines(3))).isEmpty();
    // the removed line declared it already (only the initializer changed)
    String alone = "class A {\n  void f() {\n    int max_size = 2;\n  }\n}\n";
    assertThat(Learn.check(rule, c, alone, Learn.replaced(3, "    int max_size = 1;"))).isEmpty();
    // another local of the file, kept, breaks the pattern the same way: the file's own habit
    String wire = "class A {\n  void f() {\n    int a_b = 1;\n    int c_d = 2;\n  }\n}\n";
    assertThat(Learn.check(rule, c, wire, Learn.lines(4))).isEmpty();
    assertThat(Learn.check(rule, c, wire, Learn.all(wire))).hasSize(2);
    // more than two new ones the same other way: deliberate, say nothing
    String three =
        "class A {\n  void f() {\n    int a_b = 1;\n    int c_d = 2;\n    int e_f = 3;\n  }\n}\n";
    assertThat(Learn.check(rule, c, three, Learn.all(three))).isEmpty();
  }

  @Test
  void overridesAndSerialVersionUidAreNotTheTeamsChoice() {
    String text =
        """
        class A implements Runnable {
          private static final long serialVersionUID = 1L;
          @Override
          public void Run_It() {}
        }
        """;
    assertThat(
            Learn.check(
                new ConstantNaming(),
                Learn.enforced(ConstantNaming.ID, "UPPER_SNAKE"),
                text,
                Learn.all(text)))
        .isEmpty();
    assertThat(
            Learn.check(
                new MethodNaming(),
                Learn.enforced(MethodNaming.ID, "lowerCamel"),
                text,
                Learn.all(text)))
        .isEmpty();
  }

  @Test
  void oneWordNamesDoNotHideAMix() {
    // mostly one-word locals, the multi-word ones split between camel and snake
    String oneWord =
        "class A {\n  void f() {\n    int a = 1, b = 2, c = 3, d = 4;\n"
            + "    int count = 3, size = 4, total = 5, index = 6;\n  }\n}\n";
    String mixed = "class B {\n  void f() {\n    int maxSize = 1;\n    int max_size = 2;\n  }\n}\n";
    Convention c =
        Learn.from(new LocalNaming(), 10, oneWord, oneWord, oneWord, oneWord, oneWord, mixed);
    assertThat(c.share()).isGreaterThan(0.95); // 41 of 42 fit lowerCamel, and lower_snake
    assertThat(c.enforced()).isFalse();

    // the same one-word names with camel case only: enforced
    String camel = "class B {\n  void f() {\n    int maxSize = 1;\n    int minSize = 2;\n  }\n}\n";
    Convention clean =
        Learn.from(new LocalNaming(), 10, oneWord, oneWord, oneWord, oneWord, oneWord, camel);
    assertThat(clean.value()).isEqualTo("lowerCamel");
    assertThat(clean.enforced()).isTrue();
  }

  @Test
  void onlyOneWordNamesSayNothingAboutMultiWordOnes() {
    String oneWord = "class A {\n  void f() {\n    int a = 1;\n    int count = 3;\n  }\n}\n";
    assertThat(Learn.from(new LocalNaming(), 20, oneWord).enforced()).isFalse();
  }

  @Test
  void aPrefixHabitWinsOverThePatternItRefines() {
    String android =
        "class A {\n  private int mCount;\n  private String mName;\n  private long mLastSeen;\n}\n";
    Convention c = Learn.from(new FieldNaming(), 10, android);
    assertThat(c.value()).isEqualTo("mPrefixed");
    assertThat(c.enforced()).isTrue();
    String text = "class A {\n  private int retries;\n}\n";
    assertThat(Learn.check(new FieldNaming(), c, text, Learn.lines(2)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("  private int mRetries;"));
  }

  @Test
  void testMethodsAreTheirOwnKind() {
    String test =
        """
        class ParserTest {
          @Test
          void should_parse_dates() {}

          @ParameterizedTest
          void should_reject_junk(String s) {}

          void helperMethod() {}
        }
        """;
    Convention tests = Learn.from(new TestMethodNaming(), 10, test);
    assertThat(tests.value()).isEqualTo("lower_snake");
    assertThat(tests.enforced()).isTrue();
    assertThat(tests.follows()).isEqualTo(20);
    Convention methods = Learn.from(new MethodNaming(), 10, test);
    assertThat(methods.follows() + methods.breaks()).isEqualTo(10);

    String added = "class ParserTest {\n  @Test\n  void parsesTimeZones() {}\n}\n";
    assertThat(Learn.check(new TestMethodNaming(), tests, added, Learn.lines(3)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("  void parses_time_zones() {}"));
  }

  @Test
  void severalNamesOnOneLineMakeOneDeviation() {
    String text = "class A {\n  void f(int maxSize, int minSize) {}\n}\n";
    var found =
        Learn.check(
            new ParameterNaming(),
            Learn.enforced(ParameterNaming.ID, "lower_snake"),
            text,
            Learn.lines(2));
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> assertThat(d.replacement()).isEqualTo("  void f(int max_size, int min_size) {}"));
  }

  @Test
  void aRenameThatWouldCollideWithAFieldOfTheSameClassIsNotSuggested() {
    var rule = new FieldNaming();
    var c = Learn.enforced(FieldNaming.ID, "lowerCamel");
    String text = "class A {\n  int maxSize;\n  int MAX_SIZE;\n}\n";
    assertThat(Learn.check(rule, c, text, Learn.lines(3))).isEmpty();
    // a nested class may have a field of that name; a local may shadow it
    String nested = "class A {\n  int maxSize;\n  static class B {\n    int MAX_SIZE;\n  }\n}\n";
    assertThat(Learn.check(rule, c, nested, Learn.lines(4)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("    int maxSize;"));
    String local = "class A {\n  int maxSize;\n  void f() {\n    int MAX_SIZE = 1;\n  }\n}\n";
    assertThat(
            Learn.check(
                new LocalNaming(),
                Learn.enforced(LocalNaming.ID, "lowerCamel"),
                local,
                Learn.lines(4)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("    int maxSize = 1;"));
  }

  @Test
  void typesAndEnumConstants() {
    String text = "enum Http_Status {\n  OK,\n  notFound\n}\n";
    assertThat(
            Learn.check(
                new TypeNaming(),
                Learn.enforced(TypeNaming.ID, "UpperCamel"),
                text,
                Learn.all(text)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("enum HttpStatus {"));
    assertThat(
            Learn.check(
                new EnumConstantNaming(),
                Learn.enforced(EnumConstantNaming.ID, "UPPER_SNAKE"),
                text,
                Learn.all(text)))
        .singleElement()
        .satisfies(d -> assertThat(d.replacement()).isEqualTo("  NOT_FOUND"));
  }

  @Test
  void aFileThatDoesNotParseIsNeitherLearnedNorChecked() {
    String junk = "class { int maxSize = ";
    assertThat(Learn.from(new FieldNaming(), 30, junk).enforced()).isFalse();
    assertThat(
            Learn.check(
                new FieldNaming(),
                Learn.enforced(FieldNaming.ID, "UPPER_SNAKE"),
                junk,
                Learn.all(junk)))
        .isEmpty();
  }

  @Test
  void staticFieldsThatAreNotConstants() {
    String text =
        "class A {\n  private static final Logger LOG = null;\n  static int counter;\n}\n";
    Convention c = Learn.from(new StaticFieldNaming(), 10, text);
    assertThat(c.follows() + c.breaks()).isEqualTo(20);
  }

  @Test
  void aFieldOfAnAnonymousClassInAnInterfaceIsAnInstanceField() {
    String text =
        """
        interface S {
          static Object of() {
            return new Object() {
              int t_count = 0;
            };
          }
        }
        """;
    Convention statics = Learn.from(new StaticFieldNaming(), 5, text);
    assertThat(statics.follows() + statics.breaks()).isZero();
    Convention fields = Learn.from(new FieldNaming(), 5, text);
    assertThat(fields.follows() + fields.breaks()).isEqualTo(5);
  }
}
