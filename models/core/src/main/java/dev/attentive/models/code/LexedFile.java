package dev.attentive.models.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Java file as the model sees it: its tokens, the tokens starting each line, and the mutation
 * sites by line.
 *
 * @param receiverCalls {@code receiver name -> method names} called on it in this file (for
 *     wrong-method bugs)
 */
public record LexedFile(
    List<CodeToken> tokens,
    Map<Integer, List<MutationSite>> sitesByLine,
    Map<String, List<String>> receiverCalls,
    boolean generated) {

  /** Token indices grouped by the line they start on, in order. */
  public Map<Integer, List<Integer>> tokensByLine() {
    Map<Integer, List<Integer>> lines = new HashMap<>();
    for (int i = 0; i < tokens.size(); i++) {
      lines.computeIfAbsent(tokens.get(i).line(), l -> new ArrayList<>()).add(i);
    }
    return lines;
  }
}
