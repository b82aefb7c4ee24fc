package dev.attentive.models.predict;

import java.util.regex.Pattern;

/**
 * Lines that define a named constant: {@code static final} fields (and interface constants)
 * initialised with a literal. A constant's value is a decision, not a slip: no window around it can
 * tell {@code SCHEMA_VERSION = 1} from {@code = 2}, so literal repairs on such lines are never
 * offered (Attentive's own self-review flagged {@code SCHEMA_VERSION = 1} at 0.90).
 */
public final class ConstantDefinitions {

  private static final Pattern STATIC_FINAL_LITERAL =
      Pattern.compile(
          "^\\s*(?=[^=]*\\bstatic\\b)(?=[^=]*\\bfinal\\b)[^=(]*=\\s*[-+]?[\\w.]+\\s*;\\s*(?://.*)?$");

  private ConstantDefinitions() {}

  /** Whether {@code line} declares a {@code static final} field with a literal value. */
  public static boolean definesConstant(String line) {
    return line != null && STATIC_FINAL_LITERAL.matcher(line).matches();
  }
}
