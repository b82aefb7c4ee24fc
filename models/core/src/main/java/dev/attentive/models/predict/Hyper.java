package dev.attentive.models.predict;

/**
 * The model's sizes. Why these: see docs/model.md ("Architecture and sizes"). In short, d_model 128
 * / 4 heads / FFN 256 / 2 layers trains at several steps per second on 2 CPU cores at length 128
 * and ships as a few MB.
 */
public record Hyper(
    int vocabulary, int repairClasses, int maxLength, int dModel, int heads, int ffn, int layers) {

  public int headSize() {
    return dModel / heads;
  }
}
