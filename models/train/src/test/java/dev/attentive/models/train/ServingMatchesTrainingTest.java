package dev.attentive.models.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import dev.attentive.models.data.Example;
import dev.attentive.models.predict.BugFinder;
import dev.attentive.models.predict.Finding;
import dev.attentive.models.predict.Hyper;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Posting;
import dev.attentive.models.predict.Prediction;
import dev.attentive.models.predict.ReviewModel;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * What evaluation calibrates is what serving compares with the threshold, and the model is served
 * the attention bias it was trained with: training and serving go through the same code for both.
 */
class ServingMatchesTrainingTest {

  private static final String SOURCE =
      """
      package com.acme.shop;

      public final class Totals {

        private Totals() {}

        public static int sum(int[] prices) {
          int total = 0;
          for (int i = 0; i <= prices.length; i++) {
            total += prices[i];
          }
          return total;
        }
      }
      """;
  private static final int LINE = 9;

  private final RepairClasses classes = RepairClasses.withMethods(List.of());
  private final Vocabulary vocabulary =
      new Vocabulary(
          List.of(
              Vocabulary.PAD,
              Vocabulary.CLS,
              Vocabulary.UNKNOWN,
              "for",
              "int",
              "i",
              "<=",
              "prices",
              "##length"));
  private final ModelInfo info =
      new ModelInfo(
          ModelInfo.FORMAT_VERSION,
          "test",
          new Hyper(vocabulary.size(), classes.size(), 128, 8, 2, 8, 1),
          vocabulary.tokens(),
          classes.classes(),
          AttentionProgram.FORMAT_VERSION,
          AttentionProgram.DEFAULT.toJson(),
          0.5,
          Map.of(),
          Map.of(),
          false);

  @Test
  void evaluationScoresAndServingReportsTheSameConfidence() {
    Window window = windowAround(LINE);
    int bug = position(window, "<=");
    int repair = classes.id("<");
    Prediction prediction =
        new Prediction(
            peaked(window.length(), bug, 0.9f),
            peaked(classes.size() + window.length(), repair, 0.8f),
            new float[1][window.length()][window.length()]);
    ReviewModel model = new Answering(info, prediction);

    Finding finding =
        new BugFinder(model, 10).find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, 0.5).get(0);
    Example example =
        new Example(
            window.ids(), window.features(), bug, new int[] {repair}, "binary_operator", "test");
    Evaluator.Scored scored =
        Evaluator.score(model, List.of(example), AttentionProgram.DEFAULT).get(0);

    assertThat(prediction.confidence()).isEqualTo((double) (0.9f * 0.8f));
    assertThat(finding.confidence()).isEqualTo(prediction.confidence());
    assertThat(scored.confidence()).isEqualTo(prediction.confidence());
    assertThat(finding.replacement()).isEqualTo("    for (int i = 0; i < prices.length; i++) {");
    assertThat(scored.repairRight()).isTrue();
  }

  @Test
  void aCleanAnswerHasNoConfidenceInEvaluationAndNoFindingInServing() {
    Window window = windowAround(LINE);
    Prediction clean =
        new Prediction(
            peaked(window.length(), 0, 0.9f),
            peaked(classes.size() + window.length(), classes.id("<"), 0.8f),
            new float[1][window.length()][window.length()]);
    ReviewModel model = new Answering(info, clean);
    Example example = new Example(window.ids(), window.features(), 0, new int[0], "clean", "test");

    assertThat(clean.confidence()).isZero();
    assertThat(
            Evaluator.score(model, List.of(example), AttentionProgram.DEFAULT).get(0).confidence())
        .isZero();
    assertThat(new BugFinder(model, 10).find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, 0.0))
        .isEmpty();
  }

  @Test
  void trainingBatchesCarryTheBiasServingGivesAndNeverBiasTheNoBugSlot() {
    AttentionProgram everything =
        AttentionProgram.parse(
            "{\"version\": 1, \"rules\": [{\"tokens\": \"all\", "
                + "\"bias\": 2.0}, {\"tokens\": \"added\", \"bias\": 1.0}]}");
    Window near = windowAround(LINE);
    Window far = windowAround(12);
    List<Example> examples =
        List.of(
            new Example(near.ids(), near.features(), 0, new int[0], "clean", "test"),
            new Example(far.ids(), far.features(), 0, new int[0], "clean", "test"));

    Batches.Batch batch = Batches.pad(examples, classes.size(), everything);

    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      float[] served = ReviewModel.Input.of(e.ids(), e.features(), everything).bias();
      float[] trained =
          Arrays.copyOfRange(batch.bias(), i * batch.length(), i * batch.length() + e.ids().length);
      assertThat(trained).containsExactly(served);
      assertThat(served[0]).isZero();
      assertThat(served[1]).isGreaterThanOrEqualTo(2f);
    }
  }

  @Test
  void theRoundTripDropsARepairTheModelWouldRepairBackAndAMutedKindIsNeverPosted() {
    Window original = windowAround(LINE);
    String repairedSource = SOURCE.replace("i <= prices", "i < prices");
    Window repaired = windowAround(repairedSource, LINE);
    Prediction flags =
        new Prediction(
            peaked(original.length(), position(original, "<="), 0.9f),
            peaked(classes.size() + original.length(), classes.id("<"), 0.8f),
            new float[1][original.length()][original.length()]);
    // Reading the repaired line, the model wants the bug back (confidence 0.9 x 0.6 = 0.54).
    Prediction flipsBack =
        new Prediction(
            peaked(repaired.length(), position(repaired, "<"), 0.9f),
            peaked(classes.size() + repaired.length(), classes.id("<="), 0.6f),
            new float[1][repaired.length()][repaired.length()]);
    ReviewModel model =
        new ReviewModel() {
          @Override
          public ModelInfo info() {
            return info;
          }

          @Override
          public CompletableFuture<Prediction> predict(Input input) {
            return CompletableFuture.completedFuture(
                Arrays.equals(input.ids(), original.ids()) ? flags : flipsBack);
          }

          @Override
          public void close() {}
        };
    BugFinder finder = new BugFinder(model, 10);
    Posting single = Posting.single(0.5);

    assertThat(finder.find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, single))
        .singleElement()
        .extracting(Finding::replacement)
        .isEqualTo("    for (int i = 0; i < prices.length; i++) {");
    assertThat(
            finder.reread(
                SOURCE,
                finder.scan(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, 0),
                AttentionProgram.DEFAULT))
        .containsExactly((double) (0.9f * 0.6f));
    assertThat(
            finder.find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, single.withRoundTrip(true)))
        .isEmpty();
    // At a kind threshold above what the repaired line gets, the repaired line reads clean.
    Posting operator =
        new Posting(0.5, Map.of("binary_operator", new KindThreshold(0.53, true)), true);
    assertThat(finder.find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, operator)).isEmpty();
    operator = new Posting(0.5, Map.of("binary_operator", new KindThreshold(0.6, true)), true);
    assertThat(finder.find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, operator)).hasSize(1);
    Posting muted =
        new Posting(0.5, Map.of("binary_operator", new KindThreshold(0.1, false)), false);
    assertThat(finder.find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, muted)).isEmpty();
    Posting otherKindOnly =
        new Posting(0.5, Map.of("variable", new KindThreshold(0.99, true)), false);
    assertThat(finder.find(SOURCE, Set.of(LINE), AttentionProgram.DEFAULT, otherKindOnly))
        .hasSize(1);
  }

  private Window windowAround(int line) {
    return windowAround(SOURCE, line);
  }

  private Window windowAround(String source, int line) {
    LexedFile file = new JavaLexer().lex(source).orElseThrow();
    WindowCutter cutter = new WindowCutter(vocabulary, info.hyper().maxLength());
    List<CodeToken> tokens =
        cutter.select(file, file.tokensByLine(), line, 0).stream().map(file.tokens()::get).toList();
    return cutter.encode(tokens, Set.of(line), false);
  }

  private static int position(Window window, String text) {
    for (int t = 0; t < window.tokens().size(); t++) {
      if (window.tokens().get(t).text().equals(text)) {
        return window.firstPosition()[t];
      }
    }
    throw new AssertionError(text + " is not in the window");
  }

  /** A distribution with {@code p} at {@code index} and the rest spread evenly. */
  private static float[] peaked(int size, int index, float p) {
    float[] values = new float[size];
    Arrays.fill(values, (1 - p) / (size - 1));
    values[index] = p;
    return values;
  }

  /** A model that gives the same answer to every window. */
  private record Answering(ModelInfo info, Prediction answer) implements ReviewModel {

    @Override
    public CompletableFuture<Prediction> predict(Input input) {
      return CompletableFuture.completedFuture(answer);
    }

    @Override
    public void close() {}
  }
}
