package dev.attentive.local;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.Deviation;
import java.util.ArrayList;
import java.util.List;

/**
 * One deviation planted into a real file: the file before and after, which lines of the planted
 * file carry it, and the pull request that would add it.
 *
 * @param kind the {@link PlantKind} planted
 * @param path the file's path in the release
 * @param original the file before planting (lines joined with {@code \n})
 * @param planted the file after planting
 * @param first first planted line (1-based, in {@code planted})
 * @param last last planted line, {@code >= first}
 * @param changes the planted lines as added, the lines they replaced as removed
 */
record Plant(
    PlantKind kind,
    String path,
    String original,
    String planted,
    int first,
    int last,
    Changes changes) {

  Plant of(PlantKind planted) {
    return new Plant(planted, path, original, this.planted, first, last, changes);
  }

  /** Whether the deviation is on a planted line. */
  boolean covers(Deviation d) {
    return d.startLine() <= last && first <= d.endLine();
  }

  /**
   * Whether applying the deviation's suggestion to the planted file gives back the original file:
   * the suggestion is then exactly the line(s) as they were before planting. An empty suggestion
   * may mean one blank line or, as on GitHub, deleting the lines; either counts.
   */
  boolean restoredBy(Deviation d) {
    if (d.replacement() == null) {
      return false;
    }
    List<String> planted = planted().lines().toList();
    if (d.endLine() > planted.size()) {
      return false;
    }
    List<String> original = original().lines().toList();
    String text = d.replacement().replace("\r\n", "\n");
    List<List<String>> readings = new ArrayList<>();
    readings.add(List.of(text.split("\n", -1)));
    readings.add(text.lines().toList());
    for (List<String> replacement : readings) {
      List<String> restored = new ArrayList<>(planted.subList(0, d.startLine() - 1));
      restored.addAll(replacement);
      restored.addAll(planted.subList(d.endLine(), planted.size()));
      if (restored.equals(original)) {
        return true;
      }
    }
    return false;
  }
}
