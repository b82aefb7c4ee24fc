package dev.attentive.conventions.rules;

import dev.attentive.conventions.Structure;

/**
 * {@code style/brace/method}: the opening brace of method and constructor bodies, value {@code
 * "end-of-line"} or {@code "next-line"} (see {@link BracePlacement}).
 */
public final class MethodBrace extends BracePlacement {

  public static final String ID = "style/brace/method";

  public MethodBrace() {
    super(ID, Structure.Construct.METHOD, "methods and constructors");
  }
}
