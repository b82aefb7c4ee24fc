package com.acme.inventory;

import java.util.ArrayList;
import java.util.List;

/** Stock levels of one warehouse shelf. */
public class Stock {

  private final List<Integer> levels = new ArrayList<>();

  /** Levels below this are reordered. */
  static final int REORDER_LEVEL = 5;

  public Stock() {}

  /** Adds a level reading. */
  public void record(int level) {
    levels.add(level);
  }

  /** The readings that need a reorder. */
  public static List<Integer> belowReorderLevel(int[] readings) {
    List<Integer> out = new ArrayList<>();
    for (int r : readings) {
      if (r < REORDER_LEVEL) {
        out.add(r);
      }
    }
    return out;
  }
}
