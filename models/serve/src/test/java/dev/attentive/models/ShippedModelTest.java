package dev.attentive.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Prediction;
import dev.attentive.models.predict.ReviewModel;
import dev.attentive.models.serve.DjlReviewModel;
import dev.attentive.models.serve.ShippedModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped SavedModel, loaded through DJL's TensorFlow engine, gives the same numbers TF Java
 * computed for fixed inputs right after export — alone and inside a padded batch with other
 * windows.
 */
class ShippedModelTest {

  private static Path directory;
  private static DjlReviewModel model;
  private static JsonNode cases;

  @BeforeAll
  static void load() throws Exception {
    directory = ShippedModel.directory();
    model =
        new DjlReviewModel(
            directory, new DjlReviewModel.Options(1, 8, Duration.ofMillis(50), "cpu"));
    cases =
        new ObjectMapper()
            .readTree(directory.resolve("expected-outputs.json").toFile())
            .path("cases");
  }

  @AfterAll
  static void close() {
    model.close();
  }

  @Test
  void shipsVersionedVocabularyProgramFormatAndACalibratedThreshold() throws Exception {
    ModelInfo info = ModelInfo.read(directory);
    assertThat(info.formatVersion()).isEqualTo(ModelInfo.FORMAT_VERSION);
    assertThat(info.vocabulary())
        .hasSize(info.hyper().vocabulary())
        .startsWith("<pad>", "<nobug>", "<unk>");
    assertThat(info.repairClasses())
        .hasSize(info.hyper().repairClasses())
        .contains("<", "<=", "true");
    assertThat(info.programFormatVersion()).isEqualTo(1);
    assertThat(info.threshold()).isBetween(0.05, 0.999);
    assertThat(info.metrics())
        .containsKeys("test.jointAccuracy", "test.falseAlarmsPer200CleanAtThreshold");
  }

  @Test
  void djlGivesTheOutputsComputedAtExportTime() {
    assertThat(cases).hasSizeGreaterThanOrEqualTo(3);
    for (JsonNode c : cases) {
      Prediction p = model.predict(input(c)).join();
      assertClose(p.locationProbs(), c.path("location_probs"));
      assertClose(p.repairProbs(), c.path("repair_probs"));
    }
  }

  @Test
  void paddingInABatchDoesNotChangeAWindowsOutputs() throws Exception {
    List<ReviewModel.Input> inputs = new ArrayList<>();
    for (JsonNode c : cases) {
      inputs.add(input(c));
    }
    List<Prediction> batch = model.predictBatchDirect(inputs);
    for (int i = 0; i < inputs.size(); i++) {
      assertClose(batch.get(i).locationProbs(), cases.get(i).path("location_probs"));
      assertClose(batch.get(i).repairProbs(), cases.get(i).path("repair_probs"));
      float[][][] attention = batch.get(i).attention();
      assertThat(attention.length).isEqualTo(model.info().hyper().heads());
      assertThat(attention[0].length).isEqualTo(inputs.get(i).ids().length);
      float rowSum = 0;
      for (float w : attention[0][0]) {
        rowSum += w;
      }
      assertThat(rowSum).isCloseTo(1f, within(1e-4f));
    }
  }

  @Test
  void windowsFromManyCallersShareBatchesAndEachGetsItsOwnAnswer() throws Exception {
    // Several threads (stream tasks) submit at once; the 50 ms window lets their windows meet in
    // one batch.
    java.util.concurrent.ExecutorService callers =
        java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<Prediction>> futures = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (JsonNode c : cases) {
          futures.add(callers.submit(() -> model.predict(input(c)).join()));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        JsonNode expected = cases.get(i % cases.size());
        Prediction p = futures.get(i).get();
        assertClose(p.locationProbs(), expected.path("location_probs"));
        assertClose(p.repairProbs(), expected.path("repair_probs"));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  private static ReviewModel.Input input(JsonNode c) {
    int[] ids = new int[c.path("ids").size()];
    float[] bias = new float[ids.length];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = c.path("ids").get(i).asInt();
      bias[i] = (float) c.path("bias").get(i).asDouble();
    }
    return new ReviewModel.Input(ids, bias);
  }

  private static void assertClose(float[] actual, JsonNode expected) {
    assertThat(actual).hasSize(expected.size());
    for (int i = 0; i < actual.length; i++) {
      assertThat((double) actual[i])
          .as("value %d", i)
          .isCloseTo(expected.get(i).asDouble(), within(1e-5));
    }
  }
}
