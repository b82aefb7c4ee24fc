package com.acme.inventory;

import java.util.ArrayList;
import java.util.List;

/** Stock levels of one warehouse shelf. */
public class Stock {

  private final List<Integer> levels = new ArrayList<>();

  /** Levels at or below this are reordered. */
  static final int REORDER_LEVEL = 5;

  public Stock() {}

  /** Adds a level reading; negative readings are sensor errors. */
  public void record(int level) {
    if (level < 0) {
      throw new IllegalArgumentException("negative level " + level);
    }
    levels.add(level);
  }

  /** The readings that need a reorder. */
  public static List<Integer> belowReorderLevel(int[] readings) {
    List<Integer> out = new ArrayList<>();
    for (int r : readings) {
      if (r <= REORDER_LEVEL) {
        out.add(r);
      }
    }
    return out;
  }

  /** The average of the readings, 0 for none. */
  public static double average(int... readings) {
    if (readings.length == 0) {
      return 0.0;
    }
    long sum = 0;
    for (int r : readings) {
      sum += r;
    }
    return (double) sum / readings.length;
  }

  /** A shelf code such as "A-07": the aisle letter and a two-digit position. */
  public static String shelfCode(char aisle, int position) {
    if (aisle < 'A' || aisle > 'Z') {
      throw new IllegalArgumentException("aisle must be A..Z: " + aisle);
    }
    return aisle + "-" + String.format("%02d", position);
  }

  /** Whether any reading is over {@code limit}. */
  public boolean anyOver(double limit) {
    return levels.stream().anyMatch(l -> l > limit);
  }
}
