package dev.attentive.models.predict;

/**
 * The SavedModel's contract, written by the exporter and read by the server: its tag, its signature
 * and the names of its tensors. Inputs are [batch, length]: int32 {@link #INPUT_IDS} and {@link
 * #ATTENTION_MASK} (1 = real token), float {@link #ATTENTION_BIAS}; outputs {@link #LOCATION_PROBS}
 * [b, l], {@link #REPAIR_PROBS} [b, classes + l] and the last layer's {@link #ATTENTION} [b, heads,
 * l, l].
 */
public final class ModelSignature {

  public static final String TAG = "serve";
  public static final String KEY = "serving_default";

  public static final String INPUT_IDS = "input_ids";
  public static final String ATTENTION_MASK = "attention_mask";
  public static final String ATTENTION_BIAS = "attention_bias";

  /** Per position, the declared type's id; only in models whose {@link Hyper#types()} is on. */
  public static final String TYPE_IDS = "type_ids";

  public static final String LOCATION_PROBS = "location_probs";
  public static final String REPAIR_PROBS = "repair_probs";
  public static final String ATTENTION = "attention";

  private ModelSignature() {}
}
