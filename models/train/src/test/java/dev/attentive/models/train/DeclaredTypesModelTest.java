package dev.attentive.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.Hyper;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Prediction;
import dev.attentive.models.predict.ReviewModel;
import dev.attentive.models.serve.DjlReviewModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The declared types reach the model in training and in serving: on a task only the types can solve
 * (the bug is the one token whose declared type is 7, its sub-token id is like any other), a model
 * with types learns it and one without cannot; exported, DJL feeds {@code type_ids} by name and the
 * served model finds the bug the types point at.
 */
class DeclaredTypesModelTest {

  private static final int VOCABULARY = 40;
  private static final int CLASSES = 6;
  private static final int TELLING_TYPE = 7;

  @TempDir Path dir;

  private static Example example(Random random, boolean buggy) {
    int length = 8 + random.nextInt(8);
    int[] ids = new int[length];
    int[] features = new int[length];
    int[] types = new int[length];
    Arrays.fill(features, AttentionProgram.ADDED);
    ids[0] = 1;
    for (int p = 1; p < length; p++) {
      ids[p] = 3 + random.nextInt(30);
      types[p] = random.nextBoolean() ? 0 : 3;
    }
    if (!buggy) {
      return new Example(ids, features, 0, new int[0], "clean", "test", types);
    }
    int at = 1 + random.nextInt(length - 1);
    types[at] = TELLING_TYPE;
    return new Example(ids, features, at, new int[] {2}, "planted", "test", types);
  }

  private static List<Example> examples(int n, long seed) {
    Random random = new Random(seed);
    List<Example> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(example(random, true));
    }
    return out;
  }

  private static Hyper hyper(boolean types) {
    return new Hyper(VOCABULARY, CLASSES, 24, 16, 2, 32, 1, types);
  }

  private static double heldOutLoss(Hyper hyper, List<Example> train, List<Example> test) {
    try (Trainer trainer = new Trainer(hyper, new Trainer.Options(300, 16, 0.01f, 5, 1000))) {
      trainer.train(train, AttentionProgram.DEFAULT);
      return trainer.loss(Batches.pad(test, CLASSES, AttentionProgram.DEFAULT));
    }
  }

  @Test
  void onlyAModelThatReadsTypesLearnsWhereTheTypesPoint() {
    List<Example> train = examples(320, 1);
    List<Example> test = examples(32, 2);

    double withTypes = heldOutLoss(hyper(true), train, test);
    double without = heldOutLoss(hyper(false), train, test);

    // Without types the location is a guess among ~11 positions (loss >= ln 8); with them it is
    // read off the window.
    assertThat(without).isGreaterThan(Math.log(8));
    assertThat(withTypes).isLessThan(without / 3);
  }

  @Test
  void theExportedModelIsServedTheTypesByName() throws Exception {
    Hyper hyper = hyper(true);
    Map<String, float[]> weights;
    try (Trainer trainer = new Trainer(hyper, new Trainer.Options(300, 16, 0.01f, 5, 1000))) {
      trainer.train(examples(320, 1), AttentionProgram.DEFAULT);
      weights = trainer.weights();
    }
    Exporter.export(hyper, weights, dir);
    new ModelInfo(
            ModelInfo.FORMAT_VERSION,
            "types-test",
            hyper,
            IntStream.range(0, VOCABULARY).mapToObj(i -> "t" + i).toList(),
            IntStream.range(0, CLASSES).mapToObj(i -> "c" + i).toList(),
            AttentionProgram.FORMAT_VERSION,
            AttentionProgram.DEFAULT.toJson(),
            0.5,
            Map.of(),
            Map.of(),
            false)
        .write(dir);

    List<Example> test = examples(16, 3);
    try (DjlReviewModel model = new DjlReviewModel(dir, DjlReviewModel.Options.defaults())) {
      assertThat(ModelInfo.read(dir).hyper().types()).isTrue();
      int found = 0;
      for (Example e : test) {
        Prediction p =
            model
                .predict(
                    ReviewModel.Input.of(
                        e.ids(), e.features(), e.types(), AttentionProgram.DEFAULT))
                .join();
        found += p.location() == e.location() ? 1 : 0;
        // Move the telling type elsewhere: the served model follows it.
        int[] moved = e.types().clone();
        int elsewhere = e.location() == 1 ? 2 : 1;
        moved[e.location()] = 0;
        moved[elsewhere] = TELLING_TYPE;
        Prediction followed =
            model
                .predict(
                    ReviewModel.Input.of(e.ids(), e.features(), moved, AttentionProgram.DEFAULT))
                .join();
        found += followed.location() == elsewhere ? 1 : 0;
      }
      assertThat(found).isGreaterThanOrEqualTo(28);
    }
  }
}
