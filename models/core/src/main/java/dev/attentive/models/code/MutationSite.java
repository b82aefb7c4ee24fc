package dev.attentive.models.code;

/**
 * A place in a file where a single-statement bug of a known kind can be planted (for training) —
 * and therefore the kind of place where the model is asked to look for one.
 *
 * @param token index into the file's token list of the token the bug would change
 * @param other a second token index where the kind needs one (the next argument of a swap), else -1
 */
public record MutationSite(Kind kind, int token, int other) {

  public enum Kind {
    BINARY_OPERATOR,
    INT_LITERAL,
    BOOLEAN_LITERAL,
    VARIABLE,
    SWAP_ARGUMENTS,
    DROP_NOT,
    ADD_NOT,
    METHOD_NAME
  }
}
