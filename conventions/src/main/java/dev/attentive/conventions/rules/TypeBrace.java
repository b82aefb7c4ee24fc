package dev.attentive.conventions.rules;

import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.Structure;

/**
 * {@code style/brace/type}: the opening brace of class, interface, enum, record and annotation
 * declarations, value {@code "end-of-line"} or {@code "next-line"} (see {@link BracePlacement}).
 */
public final class TypeBrace extends BracePlacement {

  public static final String ID = "style/brace/type";

  public TypeBrace() {
    super(ID, Structure.Construct.TYPE, "type declarations");
  }

  @Override
  Dominance bar() {
    return Dominance.DECLARATIONS;
  }
}
