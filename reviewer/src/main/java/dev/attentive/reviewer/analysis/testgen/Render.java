package dev.attentive.reviewer.analysis.testgen;

import java.lang.reflect.Array;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Stable renderings of observed values as Java expressions, used in the sandboxed child JVM (so:
 * JDK only) to report what a call returned, and in the parent to write the assertion that pins it.
 *
 * <p>A rendering is {@code KIND\tTYPE\tEXPRESSION}: {@code PRIM} a primitive's box type and literal
 * ({@code 3}, {@code 3L}, {@code (short) 3}, {@code 'a'}, {@code 1.5}, {@code Double.NaN}, {@code
 * true}); {@code STRING} a string literal; {@code NULL}; {@code ENUM} {@code Type.CONSTANT}; {@code
 * ARRAY} {@code new int[] {1, 2}}; {@code LIST} {@code java.util.Arrays.asList(1, 2)}; {@code SET}
 * the same, to be wrapped in a HashSet; {@code OPAQUE} and the class name for anything else, which
 * is not pinned.
 */
public final class Render {

  private Render() {}

  public static String render(Object value) {
    if (value == null) {
      return "NULL\t-\tnull";
    }
    String scalar = scalar(value);
    if (scalar != null) {
      String kind = value instanceof String ? "STRING\t" : "PRIM\t";
      return kind + value.getClass().getSimpleName() + "\t" + scalar;
    }
    if (value instanceof Enum<?> e) {
      Class<?> type = e.getDeclaringClass();
      if (Modifier.isPublic(type.getModifiers()) && type.getCanonicalName() != null) {
        return "ENUM\t" + typeName(type) + "\t" + typeName(type) + "." + e.name();
      }
      return "OPAQUE\t" + type.getName() + "\t-";
    }
    if (value.getClass().isArray()) {
      Class<?> component = value.getClass().getComponentType();
      if (component.isPrimitive() || component == String.class || isBox(component)) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < Array.getLength(value) && i <= 50; i++) {
          Object item = Array.get(value, i);
          items.add(item == null ? "null" : scalar(item));
        }
        if (Array.getLength(value) <= 50) {
          String type = typeName(component);
          return "ARRAY\t" + type + "[]\tnew " + type + "[] {" + String.join(", ", items) + "}";
        }
      }
      return "OPAQUE\t" + value.getClass().getName() + "\t-";
    }
    if (value instanceof List<?> || value instanceof Set<?>) {
      Collection<?> c = (Collection<?>) value;
      List<String> items = new ArrayList<>();
      for (Object item : c) {
        String s = item == null ? "null" : scalar(item);
        if (s == null || items.size() > 50) {
          return "OPAQUE\t" + value.getClass().getName() + "\t-";
        }
        items.add(s);
      }
      String list =
          items.isEmpty()
              ? "java.util.List.of()"
              : "java.util.Arrays.asList(" + String.join(", ", items) + ")";
      return (value instanceof Set<?> ? "SET\tSet\t" : "LIST\tList\t") + list;
    }
    return "OPAQUE\t" + value.getClass().getName() + "\t-";
  }

  private static boolean isBox(Class<?> c) {
    return c == Integer.class
        || c == Long.class
        || c == Short.class
        || c == Byte.class
        || c == Character.class
        || c == Boolean.class
        || c == Double.class
        || c == Float.class;
  }

  /** A literal for strings, primitives' boxes; null for anything else. */
  static String scalar(Object v) {
    if (v instanceof String s) {
      return quote(s);
    } else if (v instanceof Integer i) {
      return i == Integer.MIN_VALUE ? "Integer.MIN_VALUE" : i.toString();
    } else if (v instanceof Long l) {
      return l == Long.MIN_VALUE ? "Long.MIN_VALUE" : l + "L";
    } else if (v instanceof Short s) {
      return "(short) " + s;
    } else if (v instanceof Byte b) {
      return "(byte) " + b;
    } else if (v instanceof Character c) {
      return "'" + escape(String.valueOf(c), '\'') + "'";
    } else if (v instanceof Boolean b) {
      return b.toString();
    } else if (v instanceof Double d) {
      if (d.isNaN()) {
        return "Double.NaN";
      } else if (d.isInfinite()) {
        return d > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
      }
      return d.toString();
    } else if (v instanceof Float f) {
      if (f.isNaN()) {
        return "Float.NaN";
      } else if (f.isInfinite()) {
        return f > 0 ? "Float.POSITIVE_INFINITY" : "Float.NEGATIVE_INFINITY";
      }
      return f + "f";
    }
    return null;
  }

  /** A Java string literal for {@code s}. */
  public static String quote(String s) {
    return "\"" + escape(s, '"') + "\"";
  }

  private static String escape(String s, char quote) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c == quote) {
            out.append('\\').append(c);
          } else if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /**
   * How code in another package names a type: java.lang's by simple name, others by canonical name.
   */
  public static String typeName(Class<?> type) {
    String name = type.getCanonicalName();
    if (name == null) {
      return type.getName();
    }
    return type.getPackageName().equals("java.lang") && type.getEnclosingClass() == null
        ? type.getSimpleName()
        : name;
  }

  /**
   * The nearest public class of {@code type}'s hierarchy with a canonical name: what assertThrows
   * can name.
   */
  public static Class<?> nameable(Class<?> type) {
    Class<?> c = type;
    while (c != null
        && (!Modifier.isPublic(c.getModifiers())
            || c.getCanonicalName() == null
            || c.getEnclosingClass() != null
                && !Modifier.isPublic(c.getEnclosingClass().getModifiers()))) {
      c = c.getSuperclass();
    }
    return c == null ? Throwable.class : c;
  }

  /** A message on one line, without tabs, at most 200 characters. */
  public static String oneLine(String s) {
    if (s == null) {
      return "";
    }
    String flat = s.replaceAll("[\\t\\r\\n]+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
