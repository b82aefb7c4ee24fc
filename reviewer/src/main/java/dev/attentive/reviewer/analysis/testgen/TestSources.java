package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.reviewer.analysis.testgen.Inputs.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Java source the tests analyzer writes: probes that observe calls, and the JUnit 5 tests it
 * proposes.
 */
final class TestSources {

  /** java.lang exceptions a test can name without an import. */
  private static final Set<String> JAVA_LANG_EXCEPTIONS =
      Set.of(
          "Exception",
          "RuntimeException",
          "IllegalArgumentException",
          "IllegalStateException",
          "NullPointerException",
          "IndexOutOfBoundsException",
          "ArrayIndexOutOfBoundsException",
          "StringIndexOutOfBoundsException",
          "ArithmeticException",
          "UnsupportedOperationException",
          "NumberFormatException",
          "ClassCastException",
          "NegativeArraySizeException",
          "ArrayStoreException",
          "CloneNotSupportedException",
          "InterruptedException",
          "SecurityException");

  private TestSources() {}

  /** One proposed {@code @Test} method: its name, the case it calls and its body statements. */
  record TestCase(String name, int caseIndex, String body) {}

  /**
   * The file under test's package, imports and type names, which generated sources in its package
   * reuse.
   */
  record Context(String packageName, List<String> imports, Set<String> fileTypes) {

    /** Whether a test in the same package can name the exception type {@code simple}. */
    boolean canName(String simple) {
      return JAVA_LANG_EXCEPTIONS.contains(simple)
          || fileTypes.contains(simple)
          || imports.stream().anyMatch(i -> i.matches("import\\s+[\\w.]+\\." + simple + "\\s*;"));
    }
  }

  static String call(TargetMethod m, Case c) {
    String args = String.join(", ", c.args());
    if (m.constructor()) {
      return "new " + m.typeName() + "(" + args + ")";
    }
    return (m.isStatic() ? m.typeName() : "new " + m.typeName() + "()")
        + "."
        + m.name()
        + "("
        + args
        + ")";
  }

  /**
   * A probe: {@code VOID} and {@code cases()}, one Callable per case, for {@link SandboxMain} to
   * observe.
   */
  static String probe(Context ctx, String className, TargetMethod m, List<Case> cases) {
    StringBuilder s = header(ctx, List.of());
    s.append("public final class ")
        .append(className)
        .append(" {\n")
        .append("  public static final Object VOID = new Object();\n\n")
        .append("  public static java.util.List<java.util.concurrent.Callable<Object>> cases() {\n")
        .append(
            "    java.util.List<java.util.concurrent.Callable<Object>> cases = new java.util.ArrayList<>();\n");
    for (Case c : cases) {
      if (m.returnsVoid()) {
        s.append("    cases.add(() -> {\n      ")
            .append(call(m, c))
            .append(";\n      return VOID;\n    });\n");
      } else {
        s.append("    cases.add(() -> ").append(call(m, c)).append(");\n");
      }
    }
    return s.append("    return cases;\n  }\n}\n").toString();
  }

  /**
   * The tests pinning what was observed; cases that cannot be pinned (timeouts, denials) get none.
   */
  static List<TestCase> observedTests(
      TargetMethod m, List<Case> cases, List<Observation> observed) {
    List<TestCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size() && i < observed.size(); i++) {
      Observation o = observed.get(i);
      if (o == null || !o.pinnable()) {
        continue;
      }
      out.add(
          new TestCase(m.identifier() + "_" + (i + 1), i, assertion(m, call(m, cases.get(i)), o)));
    }
    return out;
  }

  static String assertion(TargetMethod m, String call, Observation o) {
    switch (o.status()) {
      case "VOID":
        return "assertDoesNotThrow(() -> " + call + ");";
      case "THREW":
        return "assertThrows(" + o.kind() + ".class, () -> " + call + ");";
      default:
        break;
    }
    String r = m.returnType();
    String e = o.expression();
    if (isPrimitive(r)) {
      if (r.equals("boolean")) {
        return (e.equals("true") ? "assertTrue(" : "assertFalse(") + call + ");";
      }
      return "assertEquals(" + e + ", " + call + ");";
    }
    return switch (o.kind()) {
      case "NULL" -> "assertNull(" + call + ");";
      case "PRIM" -> "assertEquals(" + o.type() + ".valueOf(" + e + "), " + call + ");";
      case "STRING", "ENUM", "LIST" -> "assertEquals(" + e + ", " + call + ");";
      case "SET" -> "assertEquals(new java.util.HashSet<>(" + e + "), " + call + ");";
      case "ARRAY" ->
          r.endsWith("]")
              ? "assertArrayEquals(" + e + ", " + call + ");"
              : "assertDoesNotThrow(() -> " + call + "); // returns an array; not pinned";
      default ->
          "assertDoesNotThrow(() -> " + call + "); // returns a " + o.type() + "; not pinned";
    };
  }

  /**
   * Compile-only tests (execution off): each case is called, and only an exception the method
   * declares or throws itself is accepted; what it returns is left for the author to pin.
   */
  static List<TestCase> smokeTests(Context ctx, TargetMethod m, List<Case> cases) {
    List<String> accepted = m.thrown().stream().filter(ctx::canName).distinct().toList();
    List<TestCase> out = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      String call = call(m, cases.get(i));
      String body;
      if (accepted.isEmpty()) {
        body =
            "// compiled, not executed: the result is not pinned\n    assertDoesNotThrow(() -> "
                + call
                + ");";
      } else {
        body =
            "// compiled, not executed: only "
                + String.join(" or ", accepted)
                + " (which "
                + m.name()
                + " declares or throws) may escape\n"
                + "    try {\n      "
                + call
                + ";\n    } catch (Exception e) {\n      assertTrue("
                + String.join(" || ", accepted.stream().map(x -> "e instanceof " + x).toList())
                + ", () -> \"unexpected \" + e);\n    }";
      }
      out.add(new TestCase(m.identifier() + "_" + (i + 1), i, body));
    }
    return out;
  }

  /** A JUnit 5 test class holding {@code tests}. */
  static String testClass(Context ctx, String className, List<TestCase> tests) {
    Set<String> assertions = new TreeSet<>();
    for (TestCase t : tests) {
      for (String a :
          List.of(
              "assertArrayEquals",
              "assertDoesNotThrow",
              "assertEquals",
              "assertFalse",
              "assertNull",
              "assertThrows",
              "assertTrue")) {
        if (t.body().contains(a + "(")) {
          assertions.add("import static org.junit.jupiter.api.Assertions." + a + ";");
        }
      }
    }
    List<String> extra = new ArrayList<>(assertions);
    extra.add("import org.junit.jupiter.api.Test;");
    String bodies = String.join("\n", tests.stream().map(TestCase::body).toList());
    Context used =
        new Context(
            ctx.packageName(),
            ctx.imports().stream().filter(i -> needed(i, bodies)).toList(),
            ctx.fileTypes());
    StringBuilder s = header(used, extra);
    s.append("class ").append(className).append(" {\n");
    for (TestCase t : tests) {
      s.append("\n  @Test\n  void ")
          .append(t.name())
          .append("() {\n    ")
          .append(t.body())
          .append("\n  }\n");
    }
    return s.append("}\n").toString();
  }

  /**
   * Whether a test whose bodies are {@code code} needs the file's import {@code line} (on-demand
   * ones are kept).
   */
  static boolean needed(String line, String code) {
    String name =
        line.replaceFirst("^import\\s+(static\\s+)?", "").replaceFirst("\\s*;\\s*$", "").strip();
    String simple = name.substring(name.lastIndexOf('.') + 1);
    return simple.equals("*")
        || java.util.regex.Pattern.compile("\\b" + java.util.regex.Pattern.quote(simple) + "\\b")
            .matcher(code)
            .find();
  }

  private static StringBuilder header(Context ctx, List<String> extraImports) {
    StringBuilder s = new StringBuilder();
    if (!ctx.packageName().isEmpty()) {
      s.append("package ").append(ctx.packageName()).append(";\n\n");
    }
    List<String> imports = new ArrayList<>(ctx.imports());
    imports.addAll(extraImports);
    imports.forEach(i -> s.append(i).append('\n'));
    if (!imports.isEmpty()) {
      s.append('\n');
    }
    return s;
  }

  private static boolean isPrimitive(String type) {
    return Set.of("int", "long", "short", "byte", "char", "boolean", "double", "float")
        .contains(type);
  }

  /**
   * {@code RangesClampTest}: the test class's name for a method (the type and the method,
   * capitalised).
   */
  static String testClassName(TargetMethod m) {
    String type = m.typeName().replace(".", "");
    String method =
        m.constructor()
            ? "Constructor"
            : Character.toUpperCase(m.name().charAt(0)) + m.name().substring(1);
    return type + method + "Test";
  }
}
