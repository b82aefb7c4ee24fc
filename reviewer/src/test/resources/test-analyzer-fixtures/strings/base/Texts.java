package com.acme.text;

import java.util.Locale;

/** Text helpers for the shop's product pages. */
public final class Texts {

  private Texts() {}

  /** {@code text} with its first letter in upper case. */
  public static String capitalize(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
