package dev.attentive.models.data;

import java.io.Serializable;

/**
 * One training or evaluation window.
 *
 * @param location the position of the bug's first sub-token, 0 for a clean window
 * @param repairs the accepted repair outputs: a class id, or {@code classes + position} for a
 *     pointer (several when the right identifier occurs more than once); empty for a clean window
 * @param kind the planted bug's kind, or "clean"
 * @param types per position, the {@link dev.attentive.models.code.DeclaredTypes} id (null in
 *     datasets cached before types were read)
 */
public record Example(
    int[] ids,
    int[] features,
    int location,
    int[] repairs,
    String kind,
    String library,
    int[] types)
    implements Serializable {

  public Example(
      int[] ids, int[] features, int location, int[] repairs, String kind, String library) {
    this(ids, features, location, repairs, kind, library, null);
  }

  /** Per position, the declared type's id; all 0 for datasets built before types were read. */
  public int[] typesOrNone() {
    return types != null ? types : new int[ids.length];
  }

  public boolean buggy() {
    return location != 0;
  }
}
