package dev.attentive.models.predict;

/**
 * The model's answer for one window.
 *
 * @param locationProbs per position; index 0 is "no bug"
 * @param repairProbs the repair classes, then one per position (pointer)
 * @param attention the last layer's attention weights [head][query][key]
 */
public record Prediction(float[] locationProbs, float[] repairProbs, float[][][] attention) {

  public int location() {
    return argMax(locationProbs, 0, locationProbs.length);
  }

  public int repair() {
    return argMax(repairProbs, 0, repairProbs.length);
  }

  /**
   * How sure the model is of its report: p(location) x p(repair) at the two argmaxes, 0 when it
   * says "no bug". The one formula: evaluation calibrates the threshold on it and serving compares
   * against that threshold. The product is taken in float, as it was when the shipped threshold was
   * calibrated.
   */
  public double confidence() {
    int location = location();
    return location == 0 ? 0 : locationProbs[location] * repairProbs[repair()];
  }

  static int argMax(float[] values, int from, int to) {
    int best = from;
    for (int i = from + 1; i < to; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  /** Attention from a query position to every key, averaged over heads. */
  public float[] attentionFrom(int query) {
    float[] row = new float[attention[0][query].length];
    for (float[][] head : attention) {
      for (int k = 0; k < row.length; k++) {
        row[k] += head[query][k] / attention.length;
      }
    }
    return row;
  }
}
