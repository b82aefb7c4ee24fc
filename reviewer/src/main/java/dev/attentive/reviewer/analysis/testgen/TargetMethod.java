package dev.attentive.reviewer.analysis.testgen;

import java.util.List;
import java.util.Set;

/**
 * A method or constructor a pull request added or changed, as much as the test generator needs to
 * know about it.
 *
 * @param packageName the file's package ("" for the default package)
 * @param typeName the declaring type as code of the same package names it ({@code Outer.Inner} for
 *     a static nested type)
 * @param name the method's name, or the type's simple name for a constructor
 * @param constructor whether this is a constructor
 * @param isStatic whether it is a static method (constructors: false)
 * @param params the parameters, in order
 * @param returnType the declared return type as written ("void" for void methods and constructors)
 * @param declarationLine the head line of the method's name: where its suggestion is anchored
 * @param firstLine the head line where the declaration begins (its annotations and modifiers)
 * @param lastLine the head line where the declaration ends: with {@code firstLine}, which changed
 *     lines of the diff are the method's ({@link Inputs.DiffValues})
 * @param thrown simple names of the exception types it declares ({@code throws}) or throws ({@code
 *     throw new X})
 * @param intConstants integer literals in its body (negated where written {@code -c}), and the
 *     values of the file's final fields with integer literal initialisers that the body names
 * @param doubleConstants floating-point literals in its body
 * @param stringLiterals string literals in its body
 * @param charConstants character literals in its body
 * @param nullChecked names of parameters its body compares with null or passes to {@code
 *     requireNonNull}
 * @param code the declaration's source text (for fingerprints)
 */
public record TargetMethod(
    String packageName,
    String typeName,
    String name,
    boolean constructor,
    boolean isStatic,
    List<Param> params,
    String returnType,
    int declarationLine,
    int firstLine,
    int lastLine,
    List<String> thrown,
    List<Long> intConstants,
    List<Double> doubleConstants,
    List<String> stringLiterals,
    List<Character> charConstants,
    Set<String> nullChecked,
    String code) {

  /** What the generator knows how to make values of. */
  public enum Kind {
    INT,
    LONG,
    SHORT,
    BYTE,
    CHAR,
    BOOLEAN,
    DOUBLE,
    FLOAT,
    STRING,
    ARRAY,
    LIST,
    SET,
    MAP,
    OBJECT,
    OTHER
  }

  /**
   * @param type the declared type as written (a varargs {@code T...} as {@code T[]})
   * @param boxed a wrapper type (Integer, ...) rather than a primitive: null is a value
   * @param elementType for ARRAY, LIST and SET: the element type as written, or null when unknown
   */
  public record Param(String name, String type, Kind kind, boolean boxed, String elementType) {
    public boolean primitive() {
      return !boxed
          && switch (kind) {
            case INT, LONG, SHORT, BYTE, CHAR, BOOLEAN, DOUBLE, FLOAT -> true;
            default -> false;
          };
    }
  }

  /** {@code clamp(int, int, int)}: how messages name it. */
  public String signature() {
    return name + "(" + String.join(", ", params.stream().map(Param::type).toList()) + ")";
  }

  /** The identifier tests and probes are named after ({@code init} for constructors). */
  public String identifier() {
    return constructor ? "init" : name;
  }

  public boolean returnsVoid() {
    return constructor || "void".equals(returnType);
  }
}
