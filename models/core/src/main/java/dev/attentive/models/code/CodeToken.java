package dev.attentive.models.code;

/**
 * One Java token of a source file (whitespace dropped, a comment kept as one token).
 *
 * @param line 1-based line of its first character
 * @param column 1-based column of its first character
 * @param endLine line of its last character
 * @param endColumn 1-based column of its last character (inclusive)
 */
public record CodeToken(
    Kind kind, String text, int line, int column, int endLine, int endColumn, boolean inImport) {

  public enum Kind {
    IDENTIFIER,
    KEYWORD,
    NUMBER,
    STRING,
    CHAR,
    BOOLEAN,
    NULL,
    OPERATOR,
    SEPARATOR,
    COMMENT
  }

  public CodeToken withText(String replacement) {
    return new CodeToken(kind, replacement, line, column, endLine, endColumn, inImport);
  }
}
