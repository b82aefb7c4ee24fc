package dev.attentive.models.code;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sub-token ids. 0 is padding, 1 the leading "no bug" slot, 2 unknown. Built from the training
 * split only.
 */
public final class Vocabulary {

  public static final String PAD = "<pad>";
  public static final String CLS = "<nobug>";
  public static final String UNKNOWN = "<unk>";

  private final List<String> tokens;
  private final Map<String, Integer> ids = new HashMap<>();

  public Vocabulary(List<String> tokens) {
    if (tokens.size() < 3
        || !tokens.get(0).equals(PAD)
        || !tokens.get(1).equals(CLS)
        || !tokens.get(2).equals(UNKNOWN)) {
      throw new IllegalArgumentException(
          "a vocabulary starts with " + PAD + ", " + CLS + ", " + UNKNOWN);
    }
    this.tokens = List.copyOf(tokens);
    for (int i = 0; i < tokens.size(); i++) {
      ids.putIfAbsent(tokens.get(i), i);
    }
  }

  /**
   * The most frequent sub-tokens (count at least {@code minCount}), at most {@code size} in all.
   */
  public static Vocabulary fromCounts(Map<String, Integer> counts, int size, int minCount) {
    List<Map.Entry<String, Integer>> entries = new ArrayList<>(counts.entrySet());
    entries.sort(
        Map.Entry.<String, Integer>comparingByValue(Collections.reverseOrder())
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> tokens = new ArrayList<>(List.of(PAD, CLS, UNKNOWN));
    for (Map.Entry<String, Integer> e : entries) {
      if (tokens.size() >= size || e.getValue() < minCount) {
        break;
      }
      tokens.add(e.getKey());
    }
    return new Vocabulary(tokens);
  }

  public int id(String subToken) {
    return ids.getOrDefault(subToken, 2);
  }

  public String token(int id) {
    return tokens.get(id);
  }

  public int size() {
    return tokens.size();
  }

  public List<String> tokens() {
    return tokens;
  }
}
