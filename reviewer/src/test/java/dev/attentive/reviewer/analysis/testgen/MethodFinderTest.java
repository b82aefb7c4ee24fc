package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.Chunks;
import java.util.List;
import org.junit.jupiter.api.Test;

class MethodFinderTest {

  private static List<String> found(String source) {
    return MethodFinder.find(source, ChangedLines.of(Chunks.newFile("src/A.java", source)))
        .methods()
        .stream()
        .map(
            m ->
                m.typeName()
                    + "."
                    + m.signature()
                    + (m.isStatic() ? " static" : "")
                    + (m.constructor() ? " constructor" : ""))
        .toList();
  }

  @Test
  void onlyMethodsATestInTheSamePackageCanCallWithoutKnowingMore() {
    String source =
        """
        package p;

        public class A {
          public A() {}
          A(int x) {}
          private A(String s) {}
          public static int a(int x) { return x; }
          static long b(long[] xs) { return 0; }
          protected int c() { return 1; }
          private int d() { return 1; }
          public <T> T e(T t) { return t; }
          public int f(String s, java.util.List<String> l) { return 0; }
          public static void main(String[] args) {}
          public static class Nested { public int g() { return 1; } }
          public class Inner { public int h() { return 1; } }
          interface I { static int i() { return 1; } default int j() { return 1; } int k(); }
          void m() { new Object() { public int anon() { return 1; } }; }
        }

        abstract class B {
          public int n() { return 1; }
          public static int o() { return 1; }
        }

        class C {
          C(int x) {}
          public int q() { return 1; }
        }
        """;
    assertThat(found(source))
        .containsExactly(
            "A.A() constructor",
            "A.A(int) constructor",
            "A.a(int) static",
            "A.b(long[]) static",
            "A.f(String, java.util.List<String>)",
            "A.Nested.g()",
            "A.I.i() static",
            "A.m()",
            "B.o() static",
            "C.C(int) constructor");
  }

  @Test
  void memberTypesAreWrittenAsATestInAnotherClassOfThePackageMustWriteThem() {
    // Found on Attentive's own change: Feedback.outcomeId(..., Type type, ...) got a test naming
    // "Type", which does not compile outside Feedback.
    String source =
        """
        package p;

        public record Feedback(String id) {
          public enum Type { APPLIED, REJECTED }

          public static String outcomeId(String id, Type type, Type[] more) { return id + type; }

          public static Type first(java.util.List<Type> types) { return types.get(0); }

          public static class Box {
            public static Type of(Type t, Feedback f) { return t; }
          }
        }
        """;
    List<TargetMethod> methods =
        MethodFinder.find(source, ChangedLines.of(Chunks.newFile("src/Feedback.java", source)))
            .methods();
    assertThat(methods)
        .extracting(m -> m.params().stream().map(TargetMethod.Param::type).toList())
        .containsExactly(
            List.of("String", "Feedback.Type", "Feedback.Type[]"),
            List.of("java.util.List<Feedback.Type>"),
            List.of("Feedback.Type", "Feedback"));
    assertThat(methods)
        .extracting(TargetMethod::returnType)
        .containsExactly("String", "Feedback.Type", "Feedback.Type");
    assertThat(methods.get(1).params().get(0).elementType()).isEqualTo("Feedback.Type");
  }

  @Test
  void onlyMethodsWithAnAddedLine() {
    String source =
        "package p;\n\npublic class A {\n  public static int a() { return 1; }\n"
            + "  public static int b() { return 2; }\n}\n";
    var added =
        ChangedLines.of(
            Chunks.chunk(
                "src/A.java",
                dev.attentive.events.FileStatus.MODIFIED,
                "@@ -4,2 +4,2 @@\n   public static int a() { return 1; }\n-  public static int b() { return 1; }\n"
                    + "+  public static int b() { return 2; }\n",
                source));
    assertThat(MethodFinder.find(source, added).methods())
        .extracting(TargetMethod::name)
        .containsExactly("b");
  }

  @Test
  void constantsComparisonsAndThrownExceptionsAreCollected() {
    String source =
        """
        package p;

        public class A {
          static final int LIMIT = 65535;

          public static int a(int x, String s) throws java.io.IOException {
            if (x < -3 || x > LIMIT || s == null) {
              throw new IllegalArgumentException("bad: " + 'c');
            }
            return x;
          }
        }
        """;
    TargetMethod a =
        MethodFinder.find(source, ChangedLines.of(Chunks.newFile("src/A.java", source)))
            .methods()
            .get(0);
    assertThat(a.intConstants()).containsExactly(-3L, 65535L);
    assertThat(a.stringLiterals()).containsExactly("bad: ");
    assertThat(a.charConstants()).containsExactly('c');
    assertThat(a.thrown()).containsExactly("IOException", "IllegalArgumentException");
    assertThat(a.nullChecked()).containsExactly("s");
    assertThat(a.declarationLine()).isEqualTo(6);
  }

  @Test
  void unparseableJavaIsAProblemNotAnException() {
    MethodFinder.Found found =
        MethodFinder.find("class {", ChangedLines.of(Chunks.newFile("src/A.java", "x\n")));
    assertThat(found.methods()).isEmpty();
    assertThat(found.problem()).isNotBlank();
  }
}
