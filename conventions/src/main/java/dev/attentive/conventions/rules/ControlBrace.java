package dev.attentive.conventions.rules;

import dev.attentive.conventions.Structure;

/**
 * {@code style/brace/control}: the opening brace of if, else, for, while, do, try, catch, finally,
 * switch and synchronized blocks, value {@code "end-of-line"} or {@code "next-line"} (see {@link
 * BracePlacement}).
 */
public final class ControlBrace extends BracePlacement {

  public static final String ID = "style/brace/control";

  public ControlBrace() {
    super(ID, Structure.Construct.CONTROL, "control statements");
  }
}
