package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.reviewer.analysis.testgen.TargetMethod.Kind;
import dev.attentive.reviewer.analysis.testgen.TargetMethod.Param;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The inputs a method is tried with, chosen from its own signature and body: for integers the
 * boundaries around the constants it contains and around the other integer parameters' values (c-1,
 * c, c+1), then 0, 1, -1, MIN and MAX; for strings its own literals, "", a blank and a word, and
 * null; empty and small arrays and collections, and null. One case holds every parameter at a
 * default value; each further case changes one parameter, taking the parameters' candidates in turn
 * so a cap keeps a share for each.
 */
public final class Inputs {

  private Inputs() {}

  /** One call: its arguments as Java expressions, and as a reader would write the call. */
  public record Case(List<String> args, String label) {}

  /**
   * @param nulls whether null is tried for reference parameters the body does not check for null
   *     (with execution off an un-checked null mostly proposes a NullPointerException nobody asked
   *     about)
   */
  public static List<Case> cases(TargetMethod method, int max, boolean nulls) {
    List<Param> params = method.params();
    List<List<String>> candidates = new ArrayList<>();
    List<String> defaults = new ArrayList<>();
    int intIndex = 0;
    for (Param p : params) {
      List<String> own =
          candidates(method, p, intIndex, nulls || method.nullChecked().contains(p.name()));
      if (p.kind() == Kind.INT || p.kind() == Kind.LONG) {
        intIndex++;
      }
      candidates.add(own);
      defaults.add(own.isEmpty() ? nullOf(p) : own.get(0));
    }
    // Integer parameters compared with one another: boundaries around the others' defaults.
    for (int i = 0; i < params.size(); i++) {
      if (!isWholeNumber(params.get(i))) {
        continue;
      }
      Set<String> extra = new LinkedHashSet<>();
      for (int j = 0; j < params.size(); j++) {
        if (j != i && isWholeNumber(params.get(j))) {
          long v = defaultInt(params, j);
          for (long d = -1; d <= 1; d++) {
            extra.add(intLiteral(params.get(i), v + d));
          }
        }
      }
      List<String> merged = new ArrayList<>(candidates.get(i));
      int at = Math.min(merged.size(), 1 + method.intConstants().size() * 3);
      for (String e : extra) {
        if (!merged.contains(e)) {
          merged.add(at++, e);
        }
      }
      candidates.set(i, merged);
      defaults.set(i, merged.get(0));
    }
    for (int i = 0; i < params.size(); i++) {
      if (isWholeNumber(params.get(i))) {
        defaults.set(i, intLiteral(params.get(i), defaultInt(params, i)));
      }
    }

    Set<List<String>> seen = new LinkedHashSet<>();
    seen.add(List.copyOf(defaults));
    int longest = candidates.stream().mapToInt(List::size).max().orElse(0);
    for (int k = 0; k < longest && seen.size() < max; k++) {
      for (int i = 0; i < params.size() && seen.size() < max; i++) {
        if (k < candidates.get(i).size()) {
          List<String> args = new ArrayList<>(defaults);
          args.set(i, candidates.get(i).get(k));
          seen.add(List.copyOf(args));
        }
      }
    }
    List<Case> out = new ArrayList<>();
    for (List<String> args : seen) {
      out.add(
          new Case(
              args,
              method.name()
                  + "("
                  + String.join(", ", args.stream().map(Inputs::display).toList())
                  + ")"));
    }
    return List.copyOf(out);
  }

  private static boolean isWholeNumber(Param p) {
    return (p.kind() == Kind.INT || p.kind() == Kind.LONG) && !p.type().endsWith("]");
  }

  /**
   * The i-th integer parameter's default: 0, 10, 20, ... so that parameters compared with each
   * other differ.
   */
  private static long defaultInt(List<Param> params, int index) {
    int n = 0;
    for (int j = 0; j < index; j++) {
      if (isWholeNumber(params.get(j))) {
        n++;
      }
    }
    return 10L * n;
  }

  private static List<String> candidates(TargetMethod m, Param p, int intIndex, boolean nulls) {
    Set<String> out = new LinkedHashSet<>();
    switch (p.kind()) {
      case INT, LONG, SHORT, BYTE -> {
        out.add(intLiteral(p, 10L * intIndex));
        for (long c : m.intConstants()) {
          for (long d = -1; d <= 1; d++) {
            if (fits(p.kind(), c + d)) {
              out.add(intLiteral(p, c + d));
            }
          }
        }
        for (long v : new long[] {0, 1, -1}) {
          out.add(intLiteral(p, v));
        }
        String box =
            switch (p.kind()) {
              case LONG -> "Long";
              case SHORT -> "Short";
              case BYTE -> "Byte";
              default -> "Integer";
            };
        out.add(box + ".MIN_VALUE");
        out.add(box + ".MAX_VALUE");
      }
      case DOUBLE, FLOAT -> {
        String suffix = p.kind() == Kind.FLOAT ? "f" : "";
        out.add("1.5" + suffix);
        for (double c : m.doubleConstants()) {
          out.add(Double.toString(c) + suffix);
        }
        for (long c : m.intConstants()) {
          out.add(c + ".0" + suffix);
        }
        out.add("0.0" + suffix);
        out.add("-1.0" + suffix);
        out.add((p.kind() == Kind.FLOAT ? "Float" : "Double") + ".NaN");
      }
      case BOOLEAN -> {
        out.add("true");
        out.add("false");
      }
      case CHAR -> {
        for (char c : m.charConstants()) {
          for (int d : new int[] {0, -1, 1}) {
            out.add(Render.scalar((char) (c + d)));
          }
        }
        out.add("'a'");
        out.add("' '");
        out.add("'0'");
        out.add("'Z'");
      }
      case STRING -> {
        out.add("\"abc\"");
        m.stringLiterals().forEach(s -> out.add(Render.quote(s)));
        out.add("\"\"");
        out.add("\" \"");
        out.add("\"Hello, World\"");
      }
      case ARRAY -> {
        String element = p.elementType();
        List<String> values = element == null ? List.of() : elementValues(element);
        if (element != null && !element.contains("<")) {
          out.add("new " + element + "[] {" + String.join(", ", values) + "}");
          List<String> around = aroundConstants(m, element);
          if (!around.isEmpty()) {
            out.add("new " + element + "[] {" + String.join(", ", around) + "}");
          }
          out.add("new " + element + "[0]");
          if (!values.isEmpty()) {
            out.add("new " + element + "[] {" + values.get(0) + "}");
          }
        }
      }
      case LIST, SET -> {
        String factory = p.kind() == Kind.SET ? "java.util.Set.of" : "java.util.List.of";
        List<String> values = p.elementType() == null ? List.of() : elementValues(p.elementType());
        if (!values.isEmpty()) {
          out.add(factory + "(" + String.join(", ", values) + ")");
          List<String> around = aroundConstants(m, p.elementType());
          if (!around.isEmpty()) {
            out.add(factory + "(" + String.join(", ", around) + ")");
          }
        }
        out.add(factory + "()");
      }
      case MAP -> out.add("java.util.Map.of()");
      case OBJECT -> out.add("\"abc\"");
      default -> {}
    }
    if (!p.primitive() && nulls) {
      out.add(nullOf(p));
    }
    return List.copyOf(out);
  }

  /**
   * c-1, c, c+1 for the method's first integer constants, as elements of an integer array or
   * collection.
   */
  private static List<String> aroundConstants(TargetMethod m, String element) {
    String suffix =
        switch (element) {
          case "int", "Integer" -> "";
          case "long", "Long" -> "L";
          default -> null;
        };
    if (suffix == null) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    m.intConstants().stream()
        .limit(2)
        .forEach(
            c -> {
              for (long d = -1; d <= 1; d++) {
                if (suffix.equals("L") || fits(Kind.INT, c + d)) {
                  out.add((c + d) + suffix);
                }
              }
            });
    return List.copyOf(out);
  }

  /**
   * A few distinct values of an element type (three for the types the generator knows, none
   * otherwise).
   */
  private static List<String> elementValues(String type) {
    return switch (type) {
      case "int", "Integer", "short", "byte" ->
          type.equals("short") || type.equals("byte")
              ? List.of("(" + type + ") 3", "(" + type + ") 1", "(" + type + ") 2")
              : List.of("3", "1", "2");
      case "long", "Long" -> List.of("3L", "1L", "2L");
      case "double", "Double" -> List.of("3.0", "1.5", "-2.0");
      case "float", "Float" -> List.of("3.0f", "1.5f", "-2.0f");
      case "char", "Character" -> List.of("'c'", "'a'", "'b'");
      case "boolean", "Boolean" -> List.of("true", "false", "true");
      case "String", "CharSequence", "Object" -> List.of("\"c\"", "\"a\"", "\"b\"");
      default -> List.of();
    };
  }

  private static boolean fits(Kind kind, long v) {
    return switch (kind) {
      case INT -> v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE;
      case SHORT -> v >= Short.MIN_VALUE && v <= Short.MAX_VALUE;
      case BYTE -> v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE;
      default -> true;
    };
  }

  static String intLiteral(Param p, long v) {
    return switch (p.kind()) {
      case LONG -> v + "L";
      case SHORT -> "(short) " + v;
      case BYTE -> "(byte) " + v;
      default -> v == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : Long.toString(v);
    };
  }

  /** {@code (String) null}: a typed null, so that overloads do not make the call ambiguous. */
  static String nullOf(Param p) {
    return "(" + p.type() + ") null";
  }

  /** How a case's argument reads in a message: without the casts that only the compiler needs. */
  static String display(String arg) {
    if (arg.endsWith(") null")) {
      return "null";
    }
    return arg.replace("(short) ", "").replace("(byte) ", "");
  }
}
