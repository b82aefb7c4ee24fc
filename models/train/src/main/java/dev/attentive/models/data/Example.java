package dev.attentive.models.data;

import java.io.Serializable;

/**
 * One training or evaluation window.
 *
 * @param location the position of the bug's first sub-token, 0 for a clean window
 * @param repairs the accepted repair outputs: a class id, or {@code classes + position} for a
 *     pointer (several when the right identifier occurs more than once); empty for a clean window
 * @param kind the planted bug's kind, or "clean"
 */
public record Example(
    int[] ids, int[] features, int location, int[] repairs, String kind, String library)
    implements Serializable {

  public boolean buggy() {
    return location != 0;
  }
}
