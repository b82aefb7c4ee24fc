package dev.attentive.models.code;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a Java token into the sub-tokens the model reads: identifiers into lower-cased camelCase /
 * snake_case pieces (continuations marked {@code ##}), literals into classes, comments into one
 * marker. Small numbers stay themselves because off-by-one bugs live in them.
 */
public final class SubTokens {

  public static final String COMMENT = "<comment>";
  public static final String STRING = "<str>";
  public static final String EMPTY_STRING = "<emptystr>";
  public static final String CHAR = "<chr>";
  public static final String NUMBER = "<num>";

  private static final Pattern PIECES = Pattern.compile("[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+");

  private SubTokens() {}

  public static List<String> of(CodeToken token) {
    switch (token.kind()) {
      case COMMENT:
        return List.of(COMMENT);
      case STRING:
        return List.of(token.text().equals("\"\"") ? EMPTY_STRING : STRING);
      case CHAR:
        return List.of(CHAR);
      case NUMBER:
        return List.of(token.text().matches("[0-9]{1,2}") ? token.text() : NUMBER);
      case IDENTIFIER:
        return identifier(token.text());
      default:
        return List.of(token.text());
    }
  }

  static List<String> identifier(String text) {
    List<String> pieces = new ArrayList<>();
    Matcher m = PIECES.matcher(text);
    while (m.find() && pieces.size() < 6) {
      String piece = m.group().toLowerCase();
      pieces.add(pieces.isEmpty() ? piece : "##" + piece);
    }
    if (pieces.isEmpty()) {
      pieces.add(text.toLowerCase());
    }
    return pieces;
  }
}
