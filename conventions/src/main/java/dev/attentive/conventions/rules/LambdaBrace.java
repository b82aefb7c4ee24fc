package dev.attentive.conventions.rules;

import dev.attentive.conventions.Structure;

/**
 * {@code style/brace/lambda}: the opening brace of lambda bodies, value {@code "end-of-line"} or
 * {@code "next-line"} (see {@link BracePlacement}).
 */
public final class LambdaBrace extends BracePlacement {

  public static final String ID = "style/brace/lambda";

  public LambdaBrace() {
    super(ID, Structure.Construct.LAMBDA, "lambda bodies");
  }
}
