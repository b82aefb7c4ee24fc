package dev.attentive.conventions;

import java.util.ArrayList;
import java.util.List;

/**
 * A lexical view of a Java file, line by line: which text is code and which is comment, string or
 * text block. Rules that look at layout (indentation, braces, spacing) read {@link Line#code()},
 * where comments and literal contents are blanked, so a brace in a string never counts.
 */
public final class JavaLines {

  /** Where a line starts, lexically. */
  public enum Start {
    CODE,
    BLOCK_COMMENT,
    TEXT_BLOCK
  }

  /**
   * One line.
   *
   * @param number 1-based
   * @param text the line as written, without its terminator
   * @param code {@code text} with comments replaced by spaces and the contents of string, char and
   *     text-block literals replaced by {@code _} (delimiters kept), same length as {@code text}
   * @param start whether the line begins in code, inside a block comment, or inside a text block
   */
  public record Line(int number, String text, String code, Start start) {

    /** The leading spaces and tabs. */
    public String indent() {
      int i = 0;
      while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
        i++;
      }
      return text.substring(0, i);
    }

    /** Whether the line has no code at all (blank, or only comment). */
    public boolean noCode() {
      return code.isBlank();
    }

    public boolean blank() {
      return text.isBlank();
    }
  }

  private enum State {
    CODE,
    LINE_COMMENT,
    BLOCK_COMMENT,
    STRING,
    CHAR,
    TEXT_BLOCK
  }

  private final List<Line> lines;
  private Structure structure;

  private JavaLines(List<Line> lines) {
    this.lines = List.copyOf(lines);
  }

  /** The block structure (braces, parentheses, statements), computed once on first use. */
  public Structure structure() {
    if (structure == null) {
      structure = Structure.of(lines);
    }
    return structure;
  }

  public static JavaLines scan(List<String> textLines) {
    List<Line> out = new ArrayList<>(textLines.size());
    State state = State.CODE;
    for (int n = 0; n < textLines.size(); n++) {
      String text = textLines.get(n);
      Start start =
          switch (state) {
            case BLOCK_COMMENT -> Start.BLOCK_COMMENT;
            case TEXT_BLOCK -> Start.TEXT_BLOCK;
            default -> Start.CODE;
          };
      if (state == State.LINE_COMMENT || state == State.STRING || state == State.CHAR) {
        state = State.CODE; // neither survives a line end (an unterminated literal is an error)
      }
      StringBuilder code = new StringBuilder(text.length());
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        char next = i + 1 < text.length() ? text.charAt(i + 1) : '\0';
        switch (state) {
          case CODE -> {
            if (c == '/' && next == '/') {
              state = State.LINE_COMMENT;
              code.append("  ");
              i += 2;
              continue;
            }
            if (c == '/' && next == '*') {
              state = State.BLOCK_COMMENT;
              code.append("  ");
              i += 2;
              continue;
            }
            if (c == '"' && text.startsWith("\"\"\"", i)) {
              state = State.TEXT_BLOCK;
              code.append("\"\"\"");
              i += 3;
              continue;
            }
            if (c == '"') {
              state = State.STRING;
            } else if (c == '\'') {
              state = State.CHAR;
            }
            code.append(c);
          }
          case LINE_COMMENT -> code.append(' ');
          case BLOCK_COMMENT -> {
            if (c == '*' && next == '/') {
              state = State.CODE;
              code.append("  ");
              i += 2;
              continue;
            }
            code.append(c == '\t' ? '\t' : ' ');
          }
          case STRING, CHAR -> {
            char quote = state == State.STRING ? '"' : '\'';
            if (c == '\\' && i + 1 < text.length()) {
              code.append("__");
              i += 2;
              continue;
            }
            if (c == quote) {
              state = State.CODE;
              code.append(c);
            } else {
              code.append('_');
            }
          }
          case TEXT_BLOCK -> {
            if (c == '\\' && i + 1 < text.length()) {
              code.append("__");
              i += 2;
              continue;
            }
            if (c == '"' && text.startsWith("\"\"\"", i)) {
              state = State.CODE;
              code.append("\"\"\"");
              i += 3;
              continue;
            }
            code.append(c == ' ' || c == '\t' ? c : '_');
          }
        }
        i++;
      }
      out.add(new Line(n + 1, text, code.toString(), start));
    }
    return new JavaLines(out);
  }

  /** Line {@code number} (1-based). */
  public Line line(int number) {
    return lines.get(number - 1);
  }

  public List<Line> lines() {
    return lines;
  }

  public int size() {
    return lines.size();
  }
}
