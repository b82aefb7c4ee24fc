package dev.attentive.local;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A file as the planting sees it: its lines and, crudely, which of them are comment. Deliberately
 * not the conventions module's lexer: the counts that decide where to plant must not share code
 * with what is measured.
 */
record PlantSource(String path, List<String> lines, boolean[] comment) {

  private static final Pattern ANNOTATION = Pattern.compile("@[\\w.]+(\\(.*\\))?");

  static PlantSource of(String path, String text) {
    List<String> lines = text.lines().toList();
    boolean[] comment = new boolean[lines.size()];
    boolean open = false;
    for (int i = 0; i < lines.size(); i++) {
      String t = lines.get(i).strip();
      comment[i] = open || t.startsWith("/*") || t.startsWith("//") || t.startsWith("*");
      int opened = t.lastIndexOf("/*");
      int closed = t.lastIndexOf("*/");
      if (opened >= 0 && opened > closed) {
        open = true;
      } else if (closed >= 0) {
        open = false;
      }
    }
    return new PlantSource(path, lines, comment);
  }

  /** Line {@code i} (0-based). */
  String line(int i) {
    return lines.get(i);
  }

  int size() {
    return lines.size();
  }

  /** Whether line {@code i} holds code (not blank, not comment). */
  boolean code(int i) {
    return i >= 0 && i < lines.size() && !comment[i] && !lines.get(i).isBlank();
  }

  /** Whether the file has text blocks (their lines are content, never planted in). */
  boolean textBlocks() {
    return lines.stream().anyMatch(l -> l.contains("\"\"\""));
  }

  /** The nearest code line before {@code i}, or -1. */
  int previousCode(int i) {
    for (int j = i - 1; j >= 0; j--) {
      if (code(j)) {
        return j;
      }
    }
    return -1;
  }

  /**
   * Whether code line {@code i} starts a statement or declaration (not a continuation line): the
   * code before it ends one, or is an annotation.
   */
  boolean startsStatement(int i) {
    if (!code(i)) {
      return false;
    }
    String t = lines.get(i).strip();
    if (t.isEmpty() || ".+-*/&|?:)]".indexOf(t.charAt(0)) >= 0) {
      return false;
    }
    int p = previousCode(i);
    if (p < 0) {
      return true;
    }
    String prev = lines.get(p).strip();
    return prev.endsWith(";")
        || prev.endsWith("{")
        || prev.endsWith("}")
        || ANNOTATION.matcher(prev).matches();
  }

  /** The leading spaces and tabs of line {@code i}. */
  String indent(int i) {
    String l = lines.get(i);
    int n = 0;
    while (n < l.length() && (l.charAt(n) == ' ' || l.charAt(n) == '\t')) {
      n++;
    }
    return l.substring(0, n);
  }

  /** Line {@code i} replaced by {@code replacement} lines: the planted file's text. */
  String with(int i, int count, List<String> replacement) {
    StringBuilder out = new StringBuilder();
    for (int j = 0; j < lines.size(); j++) {
      if (j == i) {
        replacement.forEach(r -> out.append(r).append('\n'));
      }
      if (j < i || j >= i + count) {
        out.append(lines.get(j)).append('\n');
      }
    }
    return out.toString();
  }

  /** The text as planting sees it (lines joined with {@code \n}). */
  String text() {
    return with(0, 0, List.of());
  }
}
