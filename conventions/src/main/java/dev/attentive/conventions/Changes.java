package dev.attentive.conventions;

import java.util.List;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a pull request changed in one file: the head-side lines it added (the only lines a rule may
 * report on) and the text of the lines it removed (e.g. the explicit imports a wildcard replaced).
 *
 * @param added 1-based head-side line numbers, ascending
 * @param removed removed lines' text, in diff order
 */
public record Changes(NavigableSet<Integer> added, List<String> removed) {

  public Changes {
    added = java.util.Collections.unmodifiableNavigableSet(new TreeSet<>(added));
    removed = List.copyOf(removed);
  }

  /** Only added lines, nothing removed (a new file, or a test). */
  public static Changes added(Set<Integer> lines) {
    return new Changes(new TreeSet<>(lines), List.of());
  }

  public boolean contains(int line) {
    return added.contains(line);
  }

  public boolean isEmpty() {
    return added.isEmpty();
  }
}
