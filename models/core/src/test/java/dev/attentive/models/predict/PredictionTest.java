package dev.attentive.models.predict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PredictionTest {

  private static final float[][][] NO_ATTENTION = new float[1][3][3];

  @Test
  void confidenceIsTheProductOfTheTwoMostLikelyAnswers() {
    Prediction p =
        new Prediction(
            new float[] {0.1f, 0.7f, 0.2f},
            new float[] {0.05f, 0.6f, 0.1f, 0.2f, 0.05f},
            NO_ATTENTION);
    assertThat(p.location()).isEqualTo(1);
    assertThat(p.repair()).isEqualTo(1);
    assertThat(p.confidence()).isEqualTo((double) (0.7f * 0.6f));
  }

  @Test
  void noBugMeansNoConfidence() {
    Prediction p =
        new Prediction(
            new float[] {0.8f, 0.1f, 0.1f}, new float[] {0.9f, 0.1f, 0f, 0f, 0f}, NO_ATTENTION);
    assertThat(p.confidence()).isZero();
  }
}
