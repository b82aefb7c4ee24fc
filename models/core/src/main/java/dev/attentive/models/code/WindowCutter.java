package dev.attentive.models.code;

import dev.attentive.events.AttentionProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Cuts a window of whole lines around a line of interest, growing up and down alternately until the
 * sub-token budget is used. Training and serving both go through here.
 */
public final class WindowCutter {

  private final Vocabulary vocabulary;
  private final int maxLength;

  public WindowCutter(Vocabulary vocabulary, int maxLength) {
    this.vocabulary = vocabulary;
    this.maxLength = maxLength;
  }

  public int maxLength() {
    return maxLength;
  }

  /** The token indices of the window's lines, or null when the centre line alone does not fit. */
  public List<Integer> select(
      LexedFile file, Map<Integer, List<Integer>> byLine, int centreLine, int slack) {
    int budget = maxLength - 1 - slack;
    List<Integer> centre = byLine.get(centreLine);
    if (centre == null) {
      return null;
    }
    int used = cost(file, centre);
    if (used > budget) {
      return null;
    }
    int lastLine = file.tokens().get(file.tokens().size() - 1).line();
    int up = centreLine - 1;
    int down = centreLine + 1;
    int from = centreLine;
    int to = centreLine;
    boolean upOpen = true;
    boolean downOpen = true;
    while (upOpen || downOpen) {
      if (upOpen) {
        while (up >= 1 && !byLine.containsKey(up)) {
          up--;
        }
        if (up < 1 || used + cost(file, byLine.get(up)) > budget) {
          upOpen = false;
        } else {
          used += cost(file, byLine.get(up));
          from = up--;
        }
      }
      if (downOpen) {
        while (down <= lastLine && !byLine.containsKey(down)) {
          down++;
        }
        if (down > lastLine || used + cost(file, byLine.get(down)) > budget) {
          downOpen = false;
        } else {
          used += cost(file, byLine.get(down));
          to = down++;
        }
      }
    }
    List<Integer> indices = new ArrayList<>();
    for (int line = from; line <= to; line++) {
      List<Integer> tokens = byLine.get(line);
      if (tokens != null) {
        indices.addAll(tokens);
      }
    }
    return indices;
  }

  private static int cost(LexedFile file, List<Integer> tokens) {
    int total = 0;
    for (int i : tokens) {
      total += SubTokens.of(file.tokens().get(i)).size();
    }
    return total;
  }

  /**
   * Encodes window tokens; {@code addedLines} get the "added" feature, the whole window "generated"
   * if so.
   */
  public Window encode(List<CodeToken> tokens, Set<Integer> addedLines, boolean generated) {
    return encode(tokens, addedLines, generated, DeclaredTypes.NONE);
  }

  /** As {@link #encode(List, Set, boolean)}, each position carrying its token's declared type. */
  public Window encode(
      List<CodeToken> tokens, Set<Integer> addedLines, boolean generated, DeclaredTypes declared) {
    List<Integer> ids = new ArrayList<>();
    List<Integer> types = new ArrayList<>();
    List<Integer> features = new ArrayList<>();
    List<Integer> tokenAt = new ArrayList<>();
    int[] first = new int[tokens.size()];
    ids.add(1);
    features.add(0);
    tokenAt.add(-1);
    types.add(0);
    for (int t = 0; t < tokens.size() && ids.size() < maxLength; t++) {
      CodeToken token = tokens.get(t);
      int bits = featureBits(token, addedLines.contains(token.line()), generated);
      first[t] = ids.size();
      int type = declared.idOf(token);
      for (String piece : SubTokens.of(token)) {
        if (ids.size() >= maxLength) {
          break;
        }
        ids.add(vocabulary.id(piece));
        features.add(bits);
        tokenAt.add(t);
        types.add(type);
      }
    }
    for (int t = 0; t < tokens.size(); t++) {
      if (first[t] == 0) {
        first[t] = -1;
      }
    }
    return new Window(
        List.copyOf(tokens),
        first,
        ids.stream().mapToInt(Integer::intValue).toArray(),
        features.stream().mapToInt(Integer::intValue).toArray(),
        tokenAt.stream().mapToInt(Integer::intValue).toArray(),
        types.stream().mapToInt(Integer::intValue).toArray());
  }

  static int featureBits(CodeToken token, boolean added, boolean generated) {
    int bits = added ? AttentionProgram.ADDED : 0;
    if (generated) {
      bits |= AttentionProgram.GENERATED;
    }
    if (token.inImport()) {
      bits |= AttentionProgram.IMPORT;
    }
    switch (token.kind()) {
      case COMMENT -> bits |= AttentionProgram.COMMENT;
      case IDENTIFIER -> bits |= AttentionProgram.IDENTIFIER;
      case KEYWORD -> bits |= AttentionProgram.KEYWORD;
      case OPERATOR -> bits |= AttentionProgram.OPERATOR;
      case SEPARATOR -> bits |= AttentionProgram.SEPARATOR;
      default -> bits |= AttentionProgram.LITERAL;
    }
    return bits;
  }
}
