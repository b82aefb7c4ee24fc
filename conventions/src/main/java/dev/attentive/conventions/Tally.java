package dev.attentive.conventions;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What one rule observed over a sample: how often each value occurred and in how many files. A rule
 * records into it with {@link #add(String)} while {@link #startFile} has named the file.
 */
public final class Tally {

  private final Map<String, Long> counts = new TreeMap<>();
  private final Map<String, Set<String>> filesPerValue = new HashMap<>();
  private final Set<String> files = new HashSet<>();
  private String file = "";

  /** The file that the following {@link #add} calls are about. */
  public void startFile(String path) {
    this.file = path;
  }

  /** One occurrence of {@code value} in the current file. */
  public void add(String value) {
    add(value, 1);
  }

  /** {@code n} occurrences of {@code value} in the current file. */
  public void add(String value, long n) {
    if (n <= 0) {
      return;
    }
    counts.merge(value, n, Long::sum);
    filesPerValue.computeIfAbsent(value, v -> new HashSet<>()).add(file);
    files.add(file);
  }

  /** Occurrences per value, in value order. */
  public Map<String, Long> counts() {
    return counts;
  }

  public long count(String value) {
    return counts.getOrDefault(value, 0L);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Files in which anything was observed. */
  public int files() {
    return files.size();
  }

  /** Files in which {@code value} was observed. */
  public int files(String value) {
    return filesPerValue.getOrDefault(value, Set.of()).size();
  }

  /** The most frequent value (ties: the smallest in value order), or null when empty. */
  public String top() {
    String best = null;
    long bestCount = -1;
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      if (e.getValue() > bestCount) {
        best = e.getKey();
        bestCount = e.getValue();
      }
    }
    return best;
  }
}
