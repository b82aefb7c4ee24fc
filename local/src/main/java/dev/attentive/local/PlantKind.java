package dev.attentive.local;

import dev.attentive.conventions.Changes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deviations the style benchmark plants, one at a time, each with the simple count that decides
 * whether a library's convention dominates (a few regular expressions over every file of the
 * release, independent of the conventions module) and the planting itself.
 */
enum PlantKind {
  TAB_INDENT("tab-indent", "style/indent", "a tab-indented line in a spaces repository") {
    @Override
    Measure measure(List<PlantSource> files) {
      Measure spaces = spaces(files);
      Measure width = widths(files);
      return spaces.withParameter(width.dominates() ? width.parameter() : 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      String indent = f.indent(i);
      if (m.parameter() <= 0
          || !f.startsStatement(i)
          || indent.isEmpty()
          || indent.contains("\t")
          || indent.length() % m.parameter() != 0) {
        return null;
      }
      String tabs = "\t".repeat(indent.length() / m.parameter());
      return plantLines(f, i, 1, List.of(tabs + f.line(i).substring(indent.length())));
    }
  },

  INDENT_WIDTH("indent-width", "style/indent", "a line indented by another width") {
    @Override
    Measure measure(List<PlantSource> files) {
      Measure spaces = spaces(files);
      Measure width = widths(files);
      return spaces.dominates() ? width : width.withParameter(0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      int width = m.parameter();
      String indent = f.indent(i);
      if (width <= 0
          || !f.startsStatement(i)
          || indent.isEmpty()
          || indent.contains("\t")
          || indent.length() % width != 0) {
        return null;
      }
      String other = " ".repeat(indent.length() / width * (width == 4 ? 2 : 4));
      return plantLines(f, i, 1, List.of(other + f.line(i).substring(indent.length())));
    }
  },

  BRACE_CONTROL(
      "brace-control", "style/brace/control", "a control statement's brace on its own line") {
    private static final Pattern EOL =
        Pattern.compile(
            "^(\\}\\s*)?(if|else|for|while|switch|try|catch|finally|do|synchronized)\\b.*\\{$");
    private static final Pattern HEAD =
        Pattern.compile(
            "^(\\}\\s*)?(if|else|for|while|switch|try|catch|finally|do|synchronized)\\b.*[^{;]$");
    private static final Pattern SITE =
        Pattern.compile("^((if|for|while|switch|synchronized)\\s*\\(.*\\)|try|do)\\s*\\{$");

    @Override
    Measure measure(List<PlantSource> files) {
      return braces(files, EOL, HEAD, MIN_LINES);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      return splitBrace(f, i, SITE);
    }
  },

  BRACE_METHOD("brace-method", "style/brace/method", "a method's brace on its own line") {
    @Override
    Measure measure(List<PlantSource> files) {
      return braces(files, METHOD_EOL, METHOD_HEAD, MIN_DECLARATIONS);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      return splitBrace(f, i, METHOD_EOL);
    }
  },

  BRACE_TYPE("brace-type", "style/brace/type", "a type's brace on its own line") {
    @Override
    Measure measure(List<PlantSource> files) {
      return braces(files, TYPE_EOL, TYPE_HEAD, MIN_DECLARATIONS);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      return splitBrace(f, i, TYPE_EOL);
    }
  },

  ELSE_SPLIT("else-split", "style/brace/cuddle", "'} else' split over two lines") {
    private static final Pattern CUDDLED = Pattern.compile("^\\}\\s*(else|catch|finally)\\b.*");
    private static final Pattern SPLIT = Pattern.compile("^(else|catch|finally)\\b.*");
    private static final Pattern SITE = Pattern.compile("^\\}\\s*else\\b.*");

    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        for (int i = 0; i < f.size(); i++) {
          String t = f.line(i).strip();
          if (!f.code(i)) {
            continue;
          }
          if (CUDDLED.matcher(t).matches()) {
            c.add(f, true);
          } else if (SPLIT.matcher(t).matches()
              && f.previousCode(i) >= 0
              && f.line(f.previousCode(i)).strip().equals("}")) {
            c.add(f, false);
          }
        }
      }
      return c.measure(MIN_DECLARATIONS, 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      String t = f.line(i).strip();
      if (!f.code(i) || !SITE.matcher(t).matches() || t.contains("//")) {
        return null;
      }
      String indent = f.indent(i);
      return plantLines(f, i, 1, List.of(indent + "}", indent + t.substring(1).strip()));
    }
  },

  CONSTANT_CAMEL(
      "constant-camel",
      "style/naming/constant",
      "a constant in camelCase in an UPPER_SNAKE repository") {
    private static final Pattern UPPER_SNAKE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");
    private static final Pattern PLANTABLE = Pattern.compile("[A-Z]+(_[A-Z]+)*");

    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        for (int i = 0; i < f.size(); i++) {
          Matcher d = CONSTANT.matcher(f.line(i));
          if (f.code(i) && d.find() && !d.group(1).equals("serialVersionUID")) {
            c.add(f, UPPER_SNAKE.matcher(d.group(1)).matches());
          }
        }
      }
      return c.measure(MIN_DECLARATIONS, 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      Matcher d = CONSTANT.matcher(f.line(i));
      if (!f.code(i) || !d.find() || !PLANTABLE.matcher(d.group(1)).matches()) {
        return null;
      }
      String camel = camel(d.group(1));
      if (KEYWORDS.contains(camel)
          || Pattern.compile("\\b" + camel + "\\b").matcher(String.join("\n", f.lines())).find()) {
        return null;
      }
      String line = f.line(i);
      return plantLines(
          f, i, 1, List.of(line.substring(0, d.start(1)) + camel + line.substring(d.end(1))));
    }
  },

  WILDCARD_IMPORT(
      "wildcard-import", "style/import/wildcard", "a wildcard import where there are none") {
    private static final Pattern EXPLICIT =
        Pattern.compile("^import\\s+(static\\s+)?[\\w.]+\\s*;\\s*$");
    private static final Pattern WILDCARD =
        Pattern.compile("^import\\s+(static\\s+)?[\\w.]+\\.\\*\\s*;\\s*$");
    private static final Pattern SITE =
        Pattern.compile("^import\\s+([a-z]\\w*(?:\\.[a-z]\\w*)*)\\.[A-Z]\\w*\\s*;$");

    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        for (int i = 0; i < f.size(); i++) {
          String t = f.line(i).strip();
          if (EXPLICIT.matcher(t).matches()) {
            c.add(f, true);
          } else if (WILDCARD.matcher(t).matches()) {
            c.add(f, false);
          }
        }
      }
      return c.measure(MIN_LINES, 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      Matcher s = SITE.matcher(f.line(i));
      if (!s.matches()) {
        return null;
      }
      String pkg = s.group(1);
      // The only import from its package: a wildcard then stands for exactly the removed line.
      Pattern samePackage = Pattern.compile("^import\\s+" + Pattern.quote(pkg) + "\\.[A-Z*].*");
      long same = f.lines().stream().filter(l -> samePackage.matcher(l).matches()).count();
      return same == 1 ? plantLines(f, i, 1, List.of("import " + pkg + ".*;")) : null;
    }
  },

  LONG_LINE("long-line", "style/line-length", "a line past the repository's limit") {
    @Override
    Measure measure(List<PlantSource> files) {
      List<Integer> lengths = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (PlantSource f : files) {
        for (String l : f.lines()) {
          String t = l.strip();
          if (!t.isEmpty() && !t.startsWith("import ") && !t.startsWith("package ")) {
            lengths.add(l.length());
            seen.add(f.path());
          }
        }
      }
      for (int limit : LIMITS) {
        long fit = lengths.stream().filter(n -> n <= limit).count();
        if (fit >= LINE_LIMIT_SHARE * lengths.size()) {
          return new Measure(fit, lengths.size(), seen.size(), limit, MIN_LINES);
        }
      }
      return new Measure(0, lengths.size(), seen.size(), 0, MIN_LINES);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      if (m.parameter() <= 0 || !f.code(i) || !f.code(i + 1) || f.textBlocks()) {
        return null;
      }
      String first = f.line(i).stripTrailing();
      String t = first.strip();
      String next = f.line(i + 1).strip();
      if (t.startsWith("@")
          || t.endsWith(";")
          || t.endsWith("{")
          || t.endsWith("}")
          || t.endsWith(":")
          || first.contains("//")
          || next.contains("//")
          || !next.endsWith(";")
          || f.indent(i + 1).length() <= f.indent(i).length()) {
        return null;
      }
      boolean tight =
          t.endsWith("(")
              || t.endsWith("[")
              || t.endsWith(".")
              || next.startsWith(")")
              || next.startsWith(".")
              || next.startsWith("]");
      String joined = first + (tight ? "" : " ") + next;
      return joined.length() > m.parameter() ? plantLines(f, i, 2, List.of(joined)) : null;
    }
  },

  TRAILING_SPACE(
      "trailing-space", "style/whitespace/trailing", "trailing whitespace on a clean line") {
    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        if (f.textBlocks()) {
          continue;
        }
        for (String l : f.lines()) {
          if (!l.isBlank()) {
            c.add(f, !(l.endsWith(" ") || l.endsWith("\t")));
          }
        }
      }
      return c.measure(MIN_LINES, 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      String l = f.line(i);
      if (!f.code(i) || f.textBlocks() || l.endsWith(" ") || l.endsWith("\t")) {
        return null;
      }
      return plantLines(f, i, 1, List.of(l + " "));
    }
  },

  KEYWORD_PAREN("keyword-paren", "style/whitespace/keyword", "'if(' in an 'if (' repository") {
    private static final Pattern SPACED =
        Pattern.compile("\\b(if|for|while|switch|catch|synchronized) \\(");
    private static final Pattern ANY_SPACED =
        Pattern.compile("\\b(if|for|while|switch|catch|synchronized)\\s+\\(");
    private static final Pattern TIGHT =
        Pattern.compile("\\b(if|for|while|switch|catch|synchronized)\\(");

    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        for (int i = 0; i < f.size(); i++) {
          if (!f.code(i)) {
            continue;
          }
          String code = blankLiterals(f.line(i));
          c.add(f, true, count(ANY_SPACED, code));
          c.add(f, false, count(TIGHT, code));
        }
      }
      return c.measure(MIN_LINES, 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      if (!f.code(i) || f.textBlocks()) {
        return null;
      }
      String code = blankLiterals(f.line(i));
      Matcher s = SPACED.matcher(code);
      if (count(ANY_SPACED, code) != 1 || count(TIGHT, code) != 0 || !s.find()) {
        return null;
      }
      String l = f.line(i);
      int space = s.end() - 2;
      return plantLines(f, i, 1, List.of(l.substring(0, space) + l.substring(space + 1)));
    }
  },

  DOUBLE_BLANK("double-blank", "style/blank-lines/double", "a doubled blank line") {
    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        int run = 0;
        boolean started = false;
        for (String l : f.lines()) {
          if (l.isBlank()) {
            run++;
            continue;
          }
          if (started && run > 0) {
            c.add(f, run == 1);
          }
          started = true;
          run = 0;
        }
      }
      return c.measure(MIN_LINES, 0);
    }

    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      if (i == 0
          || i + 1 >= f.size()
          || !f.line(i).isBlank()
          || f.comment()[i]
          || f.textBlocks()
          || f.line(i - 1).isBlank()
          || f.line(i + 1).isBlank()) {
        return null;
      }
      // The blank line that follows line i is the planted one; nothing was removed.
      return plantLines(f, i + 1, 0, List.of(""));
    }
  },

  IMPORT_ORDER("import-order", "style/import/order", "two adjacent imports of a group swapped") {
    private static final Pattern IMPORT =
        Pattern.compile("^import\\s+(static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;\\s*$");

    /** Adjacent import pairs of a group (same kind, no line between) in name order (follow). */
    @Override
    Measure measure(List<PlantSource> files) {
      Counter c = new Counter();
      for (PlantSource f : files) {
        for (int i = 0; i + 1 < f.size(); i++) {
          Matcher a = IMPORT.matcher(f.line(i));
          Matcher b = IMPORT.matcher(f.line(i + 1));
          if (a.matches() && b.matches() && (a.group(1) == null) == (b.group(1) == null)) {
            c.add(f, a.group(2).compareTo(b.group(2)) <= 0);
          }
        }
      }
      return c.measure(MIN_DECLARATIONS, 0);
    }

    /** Lines i and i+1 swapped, in a file whose every group is in order (else the rule is mute). */
    @Override
    Plant plant(PlantSource f, int i, Measure m) {
      if (i + 1 >= f.size() || !sortedGroups(f)) {
        return null;
      }
      Matcher a = IMPORT.matcher(f.line(i));
      Matcher b = IMPORT.matcher(f.line(i + 1));
      if (!a.matches()
          || !b.matches()
          || (a.group(1) == null) != (b.group(1) == null)
          || a.group(2).compareTo(b.group(2)) >= 0) {
        return null;
      }
      return plantLines(f, i, 2, List.of(f.line(i + 1), f.line(i)));
    }

    private boolean sortedGroups(PlantSource f) {
      for (int i = 0; i + 1 < f.size(); i++) {
        Matcher a = IMPORT.matcher(f.line(i));
        Matcher b = IMPORT.matcher(f.line(i + 1));
        if (a.matches()
            && b.matches()
            && (a.group(1) == null) == (b.group(1) == null)
            && a.group(2).compareTo(b.group(2)) > 0) {
          return false;
        }
      }
      return true;
    }
  };

  /** Fewest lines a line convention is counted on before it can dominate. */
  static final int MIN_LINES = 50;

  /** Fewest declarations (and else/catch/finally) a declaration convention is counted on. */
  static final int MIN_DECLARATIONS = 20;

  /** Share of lines that must fit for a length to count as the limit. */
  static final double LINE_LIMIT_SHARE = 0.99;

  static final int[] LIMITS = {80, 100, 120, 150};

  private static final String MODIFIERS =
      "(?:(?:public|protected|private|static|final|synchronized|abstract|native|default|strictfp)"
          + "\\s+)*";
  private static final String NOT_A_STATEMENT =
      "(?!(?:if|for|while|switch|catch|synchronized|return|new|else|try|do|throw)\\b)";
  private static final String SIGNATURE =
      MODIFIERS
          + "(?:<[^>]+>\\s+)?"
          + NOT_A_STATEMENT
          + "(?:[\\w.]+(?:<[^()]*>)?(?:\\[\\])*\\s+)?"
          + NOT_A_STATEMENT
          + "\\w+\\s*\\([^()]*(?:\\([^()]*\\)[^()]*)*\\)\\s*(?:throws\\s+[\\w.,\\s]+?)?\\s*";
  static final Pattern METHOD_EOL = Pattern.compile("^" + SIGNATURE + "\\{$");
  static final Pattern METHOD_HEAD = Pattern.compile("^" + SIGNATURE + "$");
  private static final String TYPE =
      "(?:(?:public|protected|private|static|final|abstract|sealed|non-sealed|strictfp)\\s+)*"
          + "(?:class|interface|enum|record|@interface)\\s+\\w+[^{;=]*";
  static final Pattern TYPE_EOL = Pattern.compile("^" + TYPE + "\\{$");
  static final Pattern TYPE_HEAD = Pattern.compile("^" + TYPE + "$");

  /**
   * A constant as docs/style.md defines it for {@code style/naming/constant}: a {@code static
   * final} field of a primitive, boxed or String type (other static finals, e.g. loggers, are
   * static fields).
   */
  static final Pattern CONSTANT =
      Pattern.compile(
          "^\\s*(?:(?:public|protected|private)\\s+)?(?:static\\s+final|final\\s+static)\\s+"
              + "(?:byte|short|int|long|float|double|char|boolean|Byte|Short|Integer|Long|Float|Double"
              + "|Character|Boolean|String|java\\.lang\\.String)\\s+(\\w+)\\s*(?:=|;)");

  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern CHAR = Pattern.compile("'(?:[^'\\\\]|\\\\.)+'");
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "var",
          "record",
          "yield");

  final String id;
  final String ruleId;
  final String what;

  PlantKind(String id, String ruleId, String what) {
    this.id = id;
    this.ruleId = ruleId;
    this.what = what;
  }

  /** The simple count over a release's files: whether this kind's convention dominates. */
  abstract Measure measure(List<PlantSource> files);

  /**
   * The share that counts as dominant for this kind: the bar docs/style.md documents for its rule
   * (95 %; 99 % for trailing whitespace and doubled blank lines, which are slips even where a team
   * never means them).
   */
  double bar() {
    return this == TRAILING_SPACE || this == DOUBLE_BLANK ? 0.99 : 0.95;
  }

  /** The file with this deviation planted at line {@code i} (0-based), or null: no site there. */
  abstract Plant plant(PlantSource f, int i, Measure m);

  /** {@link #plant} with this kind on the plant. */
  Plant plantAt(PlantSource f, int i, Measure m) {
    Plant p = plant(f, i, m);
    return p == null ? null : p.of(this);
  }

  /**
   * What a count found.
   *
   * @param follows occurrences that follow the convention planting breaks
   * @param parameter what the count measured besides (the indent width, the line limit); 0 when it
   *     found none, and then nothing is planted
   */
  record Measure(long follows, long total, int files, int parameter, int minTotal) {

    boolean dominates() {
      return dominates(0.95);
    }

    boolean dominates(double bar) {
      return total >= minTotal && files >= 3 && follows >= bar * total;
    }

    Measure withParameter(int p) {
      return new Measure(follows, total, files, p, minTotal);
    }

    String share() {
      return total == 0 ? "-" : String.format("%.1f %% of %d", 100.0 * follows / total, total);
    }
  }

  /** Occurrences that follow or break a convention, and the files they were seen in. */
  private static final class Counter {
    private final Map<Boolean, Long> counts = new HashMap<>();
    private final Set<String> files = new HashSet<>();

    void add(PlantSource f, boolean follows) {
      add(f, follows, 1);
    }

    void add(PlantSource f, boolean follows, long n) {
      if (n > 0) {
        counts.merge(follows, n, Long::sum);
        files.add(f.path());
      }
    }

    Measure measure(int minTotal, int parameter) {
      long follows = counts.getOrDefault(true, 0L);
      return new Measure(
          follows, follows + counts.getOrDefault(false, 0L), files.size(), parameter, minTotal);
    }
  }

  /** Code lines indented with spaces (follow) or starting with a tab (break). */
  static Measure spaces(List<PlantSource> files) {
    Counter c = new Counter();
    for (PlantSource f : files) {
      for (int i = 0; i < f.size(); i++) {
        String indent = f.code(i) ? f.indent(i) : "";
        if (!indent.isEmpty()) {
          c.add(f, indent.charAt(0) == ' ');
        }
      }
    }
    return c.measure(MIN_LINES, 0);
  }

  /** How far a line after an opening brace is indented past it, in spaces; the top width. */
  static Measure widths(List<PlantSource> files) {
    Map<Integer, Long> widths = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (PlantSource f : files) {
      for (int i = 0; i < f.size(); i++) {
        int p = f.previousCode(i);
        if (!f.code(i) || p < 0 || !f.line(p).strip().endsWith("{")) {
          continue;
        }
        String indent = f.indent(i);
        String before = f.indent(p);
        if (indent.contains("\t") || before.contains("\t")) {
          continue;
        }
        int delta = indent.length() - before.length();
        if (delta > 0) {
          widths.merge(delta, 1L, Long::sum);
          seen.add(f.path());
        }
      }
    }
    long total = widths.values().stream().mapToLong(Long::longValue).sum();
    Map.Entry<Integer, Long> top =
        widths.entrySet().stream().max(Map.Entry.comparingByValue()).orElse(null);
    return top == null
        ? new Measure(0, 0, 0, 0, MIN_LINES)
        : new Measure(top.getValue(), total, seen.size(), top.getKey(), MIN_LINES);
  }

  /** Braces at the end of the line (follow) or on their own line after a header (break). */
  static Measure braces(List<PlantSource> files, Pattern eol, Pattern head, int minTotal) {
    Counter c = new Counter();
    for (PlantSource f : files) {
      for (int i = 0; i < f.size(); i++) {
        if (!f.code(i)) {
          continue;
        }
        String t = f.line(i).strip();
        if (eol.matcher(t).matches()) {
          c.add(f, true);
        } else if (t.equals("{")) {
          int p = f.previousCode(i);
          if (p >= 0 && head.matcher(f.line(p).strip()).matches()) {
            c.add(f, false);
          }
        }
      }
    }
    return c.measure(minTotal, 0);
  }

  /** {@code header {} becomes {@code header} and a {@code {} line with the same indent. */
  static Plant splitBrace(PlantSource f, int i, Pattern site) {
    String t = f.line(i).strip();
    if (!f.code(i) || t.contains("//") || t.contains("/*") || !site.matcher(t).matches()) {
      return null;
    }
    String indent = f.indent(i);
    String head = t.substring(0, t.length() - 1).stripTrailing();
    return plantLines(f, i, 1, List.of(indent + head, indent + "{"));
  }

  /** Lines {@code i .. i+count-1} (0-based) replaced by {@code planted}. */
  static Plant plantLines(PlantSource f, int i, int count, List<String> planted) {
    TreeSet<Integer> added = new TreeSet<>();
    for (int n = 0; n < planted.size(); n++) {
      added.add(i + 1 + n);
    }
    return new Plant(
        null,
        f.path(),
        f.text(),
        f.with(i, count, planted),
        i + 1,
        i + planted.size(),
        new Changes(added, f.lines().subList(i, i + count)));
  }

  static String camel(String upperSnake) {
    StringBuilder out = new StringBuilder();
    for (String part : upperSnake.toLowerCase(java.util.Locale.ROOT).split("_")) {
      if (out.isEmpty()) {
        out.append(part);
      } else if (!part.isEmpty()) {
        out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** The line with string and char literal contents blanked, same length. */
  static String blankLiterals(String line) {
    StringBuilder out = new StringBuilder(line);
    for (Pattern p : List.of(STRING, CHAR)) {
      Matcher m = p.matcher(out.toString());
      while (m.find()) {
        for (int k = m.start() + 1; k < m.end() - 1; k++) {
          out.setCharAt(k, '_');
        }
      }
    }
    return out.toString();
  }

  private static long count(Pattern p, String s) {
    return p.matcher(s).results().count();
  }
}
