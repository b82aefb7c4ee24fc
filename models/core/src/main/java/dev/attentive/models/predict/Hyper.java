package dev.attentive.models.predict;

/**
 * The model's sizes. Why these: see docs/model.md ("Architecture and sizes"). In short, d_model 128
 * / 4 heads / FFN 256 / 2 layers trains at several steps per second on 2 CPU cores at length 128
 * and ships as a few MB.
 */
/**
 * @param types whether the model also reads each token's declared type ({@code type_ids}, {@link
 *     dev.attentive.models.code.DeclaredTypes}); false in models written before it
 */
public record Hyper(
    int vocabulary,
    int repairClasses,
    int maxLength,
    int dModel,
    int heads,
    int ffn,
    int layers,
    boolean types) {

  public Hyper(
      int vocabulary,
      int repairClasses,
      int maxLength,
      int dModel,
      int heads,
      int ffn,
      int layers) {
    this(vocabulary, repairClasses, maxLength, dModel, heads, ffn, layers, false);
  }

  public int headSize() {
    return dModel / heads;
  }
}
