package dev.attentive.reviewer.analysis.testgen;

import dev.attentive.events.DiffLine;
import dev.attentive.events.Hunk;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.reviewer.analysis.testgen.TargetMethod.Kind;
import dev.attentive.reviewer.analysis.testgen.TargetMethod.Param;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inputs a method is tried with, chosen from its own signature and body: for integers the
 * boundaries around the constants it contains and around the other integer parameters' values (c-1,
 * c, c+1), then 0, 1, -1, MIN and MAX; for strings its own literals, "", a blank and a word, and
 * null; empty and small arrays and collections, and null. One case holds every parameter at a
 * default value; each further case changes one parameter, taking the parameters' candidates in turn
 * so a cap keeps a share for each.
 *
 * <p>The behaviour probe ({@link #probes}) tries more, within a budget per method: those cases
 * first, then the literals on the method's changed lines on both sides of the diff and their
 * neighbours ({@link DiffValues}: what a changed constant or comparison was and is), boundary
 * values per type, and pairwise combinations across parameters (every pair of two parameters' first
 * values appears in some call, so a rewrite that differs only when two arguments interact, such as
 * {@code clamp(v, lo, hi)} with {@code lo > hi}, is found).
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
      out.add(new Case(args, label(method, args)));
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

  /** Calls the behaviour probe makes per method and version at most. */
  public static final int PROBE_BUDGET = 64;

  /** Values each parameter contributes to the pairwise combinations. */
  private static final int PAIRWISE_VALUES = 6;

  /**
   * The literals on a method's changed lines, on both sides of the diff (the head's added lines
   * inside the method, and the base's removed lines between them): what a changed constant or
   * comparison was and is.
   */
  public record DiffValues(
      Set<Long> ints, Set<Double> doubles, Set<String> strings, Set<Character> chars) {

    public static final DiffValues NONE = new DiffValues(Set.of(), Set.of(), Set.of(), Set.of());

    private static final Pattern LITERAL =
        Pattern.compile(
            "\"((?:\\\\.|[^\"\\\\])*)\"|'((?:\\\\.|[^'\\\\])+)'"
                + "|(?<![\\w.])(\\d+\\.\\d+|\\d+)([lLdDfF]?)(?![\\w.])");

    /** The literals of the chunk's changed lines that belong to {@code m}. */
    public static DiffValues of(PullRequestDiffChunk chunk, TargetMethod m) {
      List<String> lines = new ArrayList<>();
      for (Hunk h : chunk.hunks()) {
        int head = h.newStart() - 1; // the last head line seen
        for (DiffLine l : h.lines()) {
          if (l.newLine() != null) {
            head = l.newLine();
          }
          int at = l.kind() == DiffLine.Kind.REMOVED ? head + 1 : head;
          if (l.kind() != DiffLine.Kind.CONTEXT && at >= m.firstLine() && at <= m.lastLine()) {
            lines.add(l.text());
          }
        }
      }
      return of(lines);
    }

    /** The literals in these lines of Java (line comments left out). */
    public static DiffValues of(List<String> lines) {
      Set<Long> ints = new LinkedHashSet<>();
      Set<Double> doubles = new LinkedHashSet<>();
      Set<String> strings = new LinkedHashSet<>();
      Set<Character> chars = new LinkedHashSet<>();
      for (String line : lines) {
        String code = withoutComment(line.strip());
        if (code.startsWith("*") || code.startsWith("/*")) {
          continue;
        }
        Matcher m = LITERAL.matcher(code);
        while (m.find()) {
          if (m.group(1) != null) {
            if (m.group(1).length() <= 40) {
              strings.add(unescape(m.group(1)));
            }
          } else if (m.group(2) != null) {
            String c = unescape(m.group(2));
            if (c.length() == 1) {
              chars.add(c.charAt(0));
            }
          } else {
            boolean negative = negated(code, m.start());
            String digits = m.group(3);
            String suffix = m.group(4).toLowerCase(java.util.Locale.ROOT);
            try {
              if (digits.contains(".") || suffix.equals("d") || suffix.equals("f")) {
                double d = Double.parseDouble(digits);
                doubles.add(negative ? -d : d);
              } else {
                long v = Long.parseLong(digits);
                ints.add(negative ? -v : v);
              }
            } catch (NumberFormatException e) {
              // too long for a long: MIN and MAX are tried anyway
            }
          }
        }
      }
      return new DiffValues(ints, doubles, strings, chars);
    }

    /** The line up to a {@code //} comment that is not inside a string or char literal. */
    private static String withoutComment(String code) {
      char quote = 0;
      for (int i = 0; i < code.length(); i++) {
        char c = code.charAt(i);
        if (quote != 0) {
          if (c == '\\') {
            i++;
          } else if (c == quote) {
            quote = 0;
          }
        } else if (c == '"' || c == '\'') {
          quote = c;
        } else if (c == '/' && i + 1 < code.length() && code.charAt(i + 1) == '/') {
          return code.substring(0, i);
        }
      }
      return code;
    }

    /** A minus right before the literal that is a sign, not a subtraction. */
    private static boolean negated(String code, int at) {
      int i = at - 1;
      while (i >= 0 && code.charAt(i) == ' ') {
        i--;
      }
      if (i < 0 || code.charAt(i) != '-') {
        return false;
      }
      i--;
      while (i >= 0 && code.charAt(i) == ' ') {
        i--;
      }
      return i < 0
          || "=(,<>!&|?:+-*/%[{".indexOf(code.charAt(i)) >= 0
          || code.startsWith("return", i - 5);
    }

    private static String unescape(String s) {
      if (s.indexOf('\\') < 0) {
        return s;
      }
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '\\' && i + 1 < s.length()) {
          char n = s.charAt(++i);
          out.append(
              switch (n) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case '0' -> '\0';
                default -> n;
              });
        } else {
          out.append(c);
        }
      }
      return out.toString();
    }
  }

  /**
   * The inputs the behaviour probe tries on base and head: {@link #cases} first (so that case
   * {@code i} is the same call in both lists), then pairwise combinations across parameters and
   * more single-parameter values from the diff and the types' boundaries, {@code budget} calls at
   * most.
   */
  public static List<Case> probes(
      TargetMethod method, DiffValues diff, int max, int budget, boolean nulls) {
    return probes(method, diff, Map.of(), max, budget, nulls);
  }

  /**
   * As {@link #probes(TargetMethod, DiffValues, int, int, boolean)}, with objects of the file's own
   * classes built through their constructors and static factories ({@link MethodFinder#builders})
   * for parameters of those types.
   */
  public static List<Case> probes(
      TargetMethod method,
      DiffValues diff,
      Map<String, List<String>> builders,
      int max,
      int budget,
      boolean nulls) {
    List<Case> first = cases(method, max, nulls);
    List<Param> params = method.params();
    Set<List<String>> seen = new LinkedHashSet<>();
    first.forEach(c -> seen.add(c.args()));
    if (params.isEmpty() || seen.size() >= budget) {
      return first;
    }
    List<String> defaults = first.get(0).args();
    List<List<String>> values = new ArrayList<>();
    for (Param p : params) {
      Set<String> own = new LinkedHashSet<>(probeValues(method, diff, p));
      if (p.kind() == Kind.OTHER) {
        own.addAll(builders.getOrDefault(p.type(), List.of()));
      }
      // the tests' own values for this parameter come next, so combinations reach them too
      first.forEach(c -> own.add(c.args().get(params.indexOf(p))));
      if (!p.primitive() && (nulls || method.nullChecked().contains(p.name()))) {
        own.add(nullOf(p));
      }
      values.add(List.copyOf(own));
    }
    // Pairwise first (three quarters of the room left), then one parameter at a time, then
    // pairwise again.
    int pairwiseRoom = seen.size() + Math.max(0, (budget - seen.size()) * 3 / 4);
    if (params.size() >= 2) {
      pairwise(values, defaults, seen, Math.min(budget, pairwiseRoom));
    }
    int longest = values.stream().mapToInt(List::size).max().orElse(0);
    for (int k = 0; k < longest && seen.size() < budget; k++) {
      for (int i = 0; i < params.size() && seen.size() < budget; i++) {
        if (k < values.get(i).size()) {
          List<String> args = new ArrayList<>(defaults);
          args.set(i, values.get(i).get(k));
          seen.add(List.copyOf(args));
        }
      }
    }
    if (params.size() >= 2) {
      pairwise(values, defaults, seen, budget);
    }
    List<Case> out = new ArrayList<>(first);
    int n = 0;
    for (List<String> args : seen) {
      if (n++ >= first.size()) {
        out.add(new Case(args, label(method, args)));
      }
    }
    return List.copyOf(out);
  }

  /**
   * Adds calls (to {@code room} in all) until every pair of two parameters' first values appears in
   * some call: each call starts from a pair not covered yet and picks the other parameters' values
   * that cover most new pairs (a greedy all-pairs covering).
   */
  private static void pairwise(
      List<List<String>> values, List<String> defaults, Set<List<String>> seen, int room) {
    int n = values.size();
    List<List<String>> pool = new ArrayList<>();
    for (List<String> v : values) {
      // about k * k calls cover k values of every pair: 6 values for two parameters, 5 for three
      int k = n == 2 ? PAIRWISE_VALUES : n == 3 ? PAIRWISE_VALUES - 1 : PAIRWISE_VALUES - 2;
      pool.add(v.subList(0, Math.min(v.size(), k)));
    }
    Set<List<Integer>> uncovered = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        for (int a = 0; a < pool.get(i).size(); a++) {
          for (int b = 0; b < pool.get(j).size(); b++) {
            uncovered.add(List.of(i, a, j, b));
          }
        }
      }
    }
    for (List<String> args : seen) {
      uncovered.removeAll(pairsOf(pool, args));
    }
    while (!uncovered.isEmpty() && seen.size() < room) {
      List<Integer> start = uncovered.iterator().next();
      Integer[] chosen = new Integer[n];
      chosen[start.get(0)] = start.get(1);
      chosen[start.get(2)] = start.get(3);
      for (int k = 0; k < n; k++) {
        if (chosen[k] != null) {
          continue;
        }
        int best = -1;
        int bestGain = -1;
        for (int v = 0; v < pool.get(k).size(); v++) {
          int gain = 0;
          for (int other = 0; other < n; other++) {
            if (other != k && chosen[other] != null) {
              List<Integer> pair =
                  other < k
                      ? List.of(other, chosen[other], k, v)
                      : List.of(k, v, other, chosen[other]);
              if (uncovered.contains(pair)) {
                gain++;
              }
            }
          }
          if (gain > bestGain) {
            best = v;
            bestGain = gain;
          }
        }
        chosen[k] = best;
      }
      List<String> args = new ArrayList<>(defaults);
      for (int k = 0; k < n; k++) {
        if (chosen[k] >= 0) {
          args.set(k, pool.get(k).get(chosen[k]));
        }
      }
      uncovered.removeAll(pairsOf(pool, args));
      uncovered.remove(start); // even when a value list is empty
      seen.add(List.copyOf(args));
    }
  }

  private static Set<List<Integer>> pairsOf(List<List<String>> pool, List<String> args) {
    Set<List<Integer>> out = new LinkedHashSet<>();
    for (int i = 0; i < args.size(); i++) {
      int a = pool.get(i).indexOf(args.get(i));
      for (int j = i + 1; j < args.size() && a >= 0; j++) {
        int b = pool.get(j).indexOf(args.get(j));
        if (b >= 0) {
          out.add(List.of(i, a, j, b));
        }
      }
    }
    return out;
  }

  /**
   * A parameter's probe values, most telling first: the diff's literals and their neighbours, small
   * values, the method's other constants, then the type's boundaries.
   */
  private static List<String> probeValues(TargetMethod m, DiffValues diff, Param p) {
    Set<String> out = new LinkedHashSet<>();
    switch (p.kind()) {
      case INT, LONG, SHORT, BYTE -> {
        if (p.type().endsWith("]")) {
          return List.of();
        }
        for (long c : diff.ints()) {
          for (long d : new long[] {0, -1, 1}) {
            if (fits(p.kind(), c + d)) {
              out.add(intLiteral(p, c + d));
            }
          }
        }
        for (long v : new long[] {0, 1, -1, 2}) {
          out.add(intLiteral(p, v));
        }
        for (long c : m.intConstants()) {
          for (long d : new long[] {0, -1, 1}) {
            if (fits(p.kind(), c + d)) {
              out.add(intLiteral(p, c + d));
            }
          }
        }
        for (long v : new long[] {3, 7, -2, 100, -100}) {
          out.add(intLiteral(p, v));
        }
      }
      case DOUBLE, FLOAT -> {
        String suffix = p.kind() == Kind.FLOAT ? "f" : "";
        Set<Double> around = new LinkedHashSet<>();
        for (double c : diff.doubles()) {
          around.add(c);
          around.add(c - 0.5);
          around.add(c + 0.5);
        }
        for (long c : diff.ints()) {
          around.add((double) c);
          around.add(c - 0.5);
          around.add(c + 0.5);
        }
        for (double v : new double[] {0.0, 1.0, -1.0, 0.5, -0.5, 2.5}) {
          around.add(v);
        }
        m.doubleConstants().forEach(around::add);
        m.intConstants().forEach(c -> around.add((double) c));
        around.forEach(v -> out.add(Double.toString(v) + suffix));
        String box = p.kind() == Kind.FLOAT ? "Float" : "Double";
        out.add(box + ".NaN");
        out.add(box + ".POSITIVE_INFINITY");
        out.add(box + ".NEGATIVE_INFINITY");
        out.add(box + ".MAX_VALUE");
      }
      case BOOLEAN -> {
        out.add("true");
        out.add("false");
      }
      case CHAR -> {
        Set<Character> chars = new LinkedHashSet<>(diff.chars());
        chars.addAll(m.charConstants());
        for (char c : chars) {
          for (int d : new int[] {0, -1, 1}) {
            out.add(Render.scalar((char) (c + d)));
          }
        }
        for (char c : new char[] {'a', 'A', '0', ' ', 'z', '9', '_', '.', '\n', '\u00e9'}) {
          out.add(Render.scalar(c));
        }
      }
      case STRING -> {
        out.add(Render.quote(""));
        diff.strings().forEach(s -> out.add(Render.quote(s)));
        Set<Character> chars = new LinkedHashSet<>(diff.chars());
        chars.addAll(m.charConstants());
        for (char c : chars) {
          out.add(Render.quote(String.valueOf(c)));
          out.add(Render.quote("a" + c + "b"));
          out.add(Render.quote(c + "x" + c));
        }
        for (String lit : diff.strings()) {
          out.add(Render.quote("a" + lit + "b"));
          out.add(Render.quote(lit + lit));
        }
        diff.ints().forEach(c -> out.add(Render.quote(Long.toString(c))));
        m.stringLiterals().forEach(s -> out.add(Render.quote(s)));
        for (String v :
            new String[] {"a", "abc", " ", "A", "Hello, World", "123", "-1", "a b", "aaa"}) {
          out.add(Render.quote(v));
        }
      }
      case ARRAY -> {
        String element = p.elementType();
        List<String> single = element == null ? List.of() : elementValues(element);
        if (element != null && !element.contains("<") && !single.isEmpty()) {
          out.add("new " + element + "[0]");
          out.add("new " + element + "[] {" + single.get(0) + "}");
          out.add("new " + element + "[] {" + String.join(", ", single) + "}");
          out.add("new " + element + "[] {" + single.get(1) + ", " + single.get(0) + "}");
          out.add("new " + element + "[] {" + single.get(1) + ", " + single.get(1) + "}");
        }
      }
      default -> {
        return candidates(m, p, 0, false);
      }
    }
    return List.copyOf(out);
  }

  static String label(TargetMethod method, List<String> args) {
    return method.name()
        + "("
        + String.join(", ", args.stream().map(Inputs::display).toList())
        + ")";
  }

  /**
   * How large a call's arguments are, to report the smallest input whose result changed: the sum of
   * the numbers' magnitudes, the strings' and arrays' lengths (and their elements'), a boundary
   * constant as huge.
   */
  static double size(Case c) {
    double total = 0;
    for (String arg : c.args()) {
      total += sizeOf(arg);
    }
    return total;
  }

  private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

  private static double sizeOf(String arg) {
    String a = display(arg);
    if (a.equals("null") || a.equals("false")) {
      return 0;
    }
    if (a.equals("true")) {
      return 1;
    }
    if (a.contains("MIN_VALUE")
        || a.contains("MAX_VALUE")
        || a.contains("INFINITY")
        || a.contains("NaN")) {
      return 1e12;
    }
    if (a.startsWith("\"")) {
      return a.length() - 1;
    }
    if (a.startsWith("'")) {
      return 1;
    }
    if (a.startsWith("new ")) {
      double sum = 1;
      Matcher m = NUMBER.matcher(a.substring(a.indexOf(']') + 1));
      while (m.find()) {
        sum += 1 + Math.abs(Double.parseDouble(m.group()));
      }
      return sum;
    }
    Matcher m = NUMBER.matcher(a);
    return m.find() ? Math.abs(Double.parseDouble(m.group())) : 1;
  }

  /** Orders cases smallest first ({@link #size}), then in the order they were tried. */
  static Comparator<Integer> smallestFirst(List<Case> cases) {
    return Comparator.<Integer>comparingDouble(i -> size(cases.get(i))).thenComparing(i -> i);
  }
}
