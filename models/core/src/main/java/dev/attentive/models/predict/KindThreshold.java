package dev.attentive.models.predict;

/**
 * One bug kind's calibrated threshold, from {@code attentive-model.json}.
 *
 * @param threshold the confidence a finding of the kind must exceed
 * @param posted false when the kind cannot keep to the false-alarm budget on real code with useful
 *     recall: its findings are never posted
 */
public record KindThreshold(double threshold, boolean posted) {}
