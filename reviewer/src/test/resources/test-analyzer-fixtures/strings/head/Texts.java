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

  /** {@code text} cut to at most {@code maxLength} characters, ending in "..." when it was cut. */
  public static String truncate(String text, int maxLength) {
    if (text == null) {
      return null;
    }
    if (text.length() <= maxLength) {
      return text;
    }
    if (maxLength < 3) {
      return text.substring(0, maxLength);
    }
    return text.substring(0, maxLength - 3) + "...";
  }
}
