package com.acme.calc;

/** Small numeric and text helpers: the mutation benchmark's own CI fixture. */
public final class Numbers {

  private static final int SECONDS_PER_MINUTE = 60;

  private Numbers() {}

  /** {@code value} limited to {@code min..max}. */
  public static int clamp(int value, int min, int max) {
    if (value < min) {
      return min;
    }
    if (value > max) {
      return max;
    }
    return value;
  }

  /** Whether {@code year} is a leap year of the Gregorian calendar. */
  public static boolean isLeapYear(int year) {
    return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
  }

  /** "m:ss" for a number of seconds. */
  public static String minutes(int seconds) {
    int m = seconds / SECONDS_PER_MINUTE;
    int s = Math.abs(seconds % SECONDS_PER_MINUTE);
    return m + ":" + (s < 10 ? "0" : "") + s;
  }

  /** How often {@code c} occurs in {@code text} (0 for null). */
  public static int count(String text, char c) {
    if (text == null) {
      return 0;
    }
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  /** The largest element, or {@code fallback} for an empty array. */
  public static int max(int[] values, int fallback) {
    if (values.length == 0) {
      return fallback;
    }
    int best = values[0];
    for (int i = 1; i < values.length; i++) {
      if (values[i] > best) {
        best = values[i];
      }
    }
    return best;
  }
}
