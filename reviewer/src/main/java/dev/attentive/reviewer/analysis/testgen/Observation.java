package dev.attentive.reviewer.analysis.testgen;

/**
 * What one call did in the sandbox, parsed from a {@link SandboxMain} result line.
 *
 * @param status VOID, VALUE, THREW, DENIED, BROKEN or TIMEOUT
 * @param kind for VALUE the rendering's kind ({@link Render}); for THREW and BROKEN the exception
 *     class
 * @param type for VALUE the rendering's type (a box's simple name, String, int[], ...)
 * @param expression for VALUE the Java expression of the value; for THREW the exception's message
 */
public record Observation(String status, String kind, String type, String expression) {

  /** Parses the part of a result line after {@code R\tprobe\tindex\t}. */
  static Observation parse(String result) {
    String[] f = result.split("\t", -1);
    String status = f[0];
    return switch (status) {
      case "VALUE" -> new Observation(status, at(f, 1), at(f, 2), at(f, 3));
      case "THREW", "BROKEN" -> new Observation(status, at(f, 1), "", at(f, 2));
      default -> new Observation(status, "", "", at(f, 1));
    };
  }

  private static String at(String[] f, int i) {
    return i < f.length ? f[i] : "";
  }

  /**
   * Whether a test can pin this (a value, a normal return, an exception; not a denial, a crash or a
   * timeout).
   */
  public boolean pinnable() {
    return status.equals("VOID") || status.equals("THREW") || status.equals("VALUE");
  }

  /**
   * Whether the exact value is known (not an opaque object whose only known property is its class).
   */
  public boolean comparable() {
    return pinnable() && !(status.equals("VALUE") && kind.equals("OPAQUE"));
  }

  /** Equal behaviour: the same value, or a normal return of void, or the same exception class. */
  public boolean sameAs(Observation other) {
    if (!status.equals(other.status)) {
      return false;
    }
    return switch (status) {
      case "VALUE" ->
          kind.equals(other.kind) && type.equals(other.type) && expression.equals(other.expression);
      case "THREW" -> kind.equals(other.kind);
      default -> true;
    };
  }

  /**
   * The value as a reader would write it: lists and sets as {@code [1, 2]}, everything else as
   * rendered.
   */
  String readable() {
    if (expression.equals("java.util.List.of()")) {
      return "[]";
    }
    String asList = "java.util.Arrays.asList(";
    if (expression.startsWith(asList) && expression.endsWith(")")) {
      return "[" + expression.substring(asList.length(), expression.length() - 1) + "]";
    }
    return expression;
  }

  /**
   * How a message states it: {@code false}, {@code "abc"}, {@code throws IllegalArgumentException},
   * ...
   */
  public String describe() {
    return switch (status) {
      case "VOID" -> "returns normally";
      case "THREW" -> "throws `" + kind + "`";
      case "VALUE" -> kind.equals("OPAQUE") ? "a `" + type + "`" : "`" + readable() + "`";
      case "DENIED" -> "was denied by the sandbox";
      case "TIMEOUT" -> "did not finish in time";
      default -> "failed with `" + kind + "`";
    };
  }
}
