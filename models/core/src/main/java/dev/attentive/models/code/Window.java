package dev.attentive.models.code;

import java.util.List;

/**
 * What the model reads: the "no bug" slot then the sub-tokens of some whole lines of a file.
 *
 * @param tokens the Java tokens of the window, in order
 * @param firstPosition for each token, the model position of its first sub-token
 * @param ids sub-token ids; ids[0] is the "no bug" slot
 * @param features per position, {@link dev.attentive.events.AttentionProgram} feature bits
 * @param tokenAt for each position, the index into {@code tokens} (-1 for the slot)
 * @param types per position, the {@link DeclaredTypes} id of its token's declared type (0: none)
 */
public record Window(
    List<CodeToken> tokens,
    int[] firstPosition,
    int[] ids,
    int[] features,
    int[] tokenAt,
    int[] types) {

  public int length() {
    return ids.length;
  }
}
