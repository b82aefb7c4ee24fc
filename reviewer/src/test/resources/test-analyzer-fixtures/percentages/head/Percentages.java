package com.acme.billing;

/** Percentages for invoices and reports. */
public final class Percentages {

  private Percentages() {}

  /**
   * {@code part} as a whole-number percentage of {@code whole}, rounded down.
   *
   * @throws IllegalArgumentException when {@code whole} is not positive or {@code part} is outside 0..whole
   */
  public static int percentOf(int part, int whole) {
    if (whole <= 0) {
      throw new IllegalArgumentException("whole must be positive: " + whole);
    }
    if (part < 0 || part > whole) {
      throw new IllegalArgumentException("part must be in 0.." + whole + ": " + part);
    }
    return (int) (100L * part / whole);
  }
}
