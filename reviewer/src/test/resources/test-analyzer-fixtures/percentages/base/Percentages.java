package com.acme.billing;

/** Percentages for invoices and reports. */
public final class Percentages {

  private Percentages() {}

  /** {@code part} as a whole-number percentage of {@code whole}, rounded down. */
  public static int percentOf(int part, int whole) {
    return (int) (100L * part / whole);
  }
}
