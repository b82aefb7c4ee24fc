package dev.attentive.reviewer.analysis.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.AttentionProgram;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.models.adapt.RepositoryAdapter;
import dev.attentive.reviewer.analysis.Chunks;
import dev.attentive.settings.RepositorySettingsParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model analyzer with the shipped SavedModel, served through DJL on this CPU. */
class ModelAnalyzerTest {

  static final String PATH = "src/main/java/com/acme/shop/Totals.java";
  static final String BASE =
      """
      package com.acme.shop;

      public final class Totals {

        private Totals() {}

        public static int sum(int[] prices) {
          int total = 0;
          for (int i = 0; i < prices.length; i++) {
            total += prices[i];
          }
          return total;
        }
      }
      """;
  static final String PLANTED = BASE.replace("i < prices.length", "i <= prices.length");

  static ModelAnalyzer analyzer;

  @BeforeAll
  static void load() {
    analyzer = ModelAnalyzer.load(ModelConfig.defaults());
  }

  @AfterAll
  static void close() {
    analyzer.model().close();
  }

  @Test
  void aPlantedOffByOneInALoopBoundBecomesARepairWithTheFixedLine() {
    List<Suggestion> suggestions = analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED));

    assertThat(suggestions)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(Suggestion.Kind.REPAIR);
              assertThat(s.startLine()).isEqualTo(9);
              assertThat(s.endLine()).isEqualTo(9);
              assertThat(s.replacement())
                  .isEqualTo("    for (int i = 0; i < prices.length; i++) {");
              assertThat(s.ruleId()).isEqualTo("model/operator");
              assertThat(s.confidence()).isGreaterThan(analyzer.model().info().threshold());
              assertThat(s.message())
                  .contains("`<=` here looks wrong; did you mean `<`?")
                  .contains("rested on");
            });
  }

  @Test
  void theSameChangeWithoutTheBugGetsNothing() {
    String renamed =
        BASE.replace("int total = 0;", "int sum = 0;")
            .replace("total += prices[i];", "sum += prices[i];")
            .replace("return total;", "return sum;");
    assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, renamed))).isEmpty();
  }

  @Test
  void onlyChangedLinesOfJavaFilesAreRead() {
    // The bug sits on an unchanged line: not this PR's doing, not reported.
    String elsewhere = PLANTED.replace("int total = 0;", "int total = 0; // running sum");
    assertThat(analyzer.analyze(Chunks.modified(PATH, PLANTED, elsewhere))).isEmpty();
    assertThat(analyzer.analyze(Chunks.modified("docs/Totals.md", BASE, PLANTED))).isEmpty();
    // A new file (content rebuilt from its patch): every line is changed, the bug is found.
    assertThat(analyzer.analyze(Chunks.newFile(PATH, PLANTED)))
        .extracting(Suggestion::startLine)
        .contains(9);
  }

  @Test
  void aRepositorysLearnedThresholdsApplyToItsChunksOnly() {
    // the publisher's learner raised model/operator's kind to 1.0 in acme/inventory: nothing posts
    analyzer.useRepositoryThresholds(
        repository ->
            "acme/inventory".equals(repository) ? Map.of("binary_operator", 1.0) : Map.of());
    try {
      assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED))).isEmpty();
      analyzer.useRepositoryThresholds(repository -> Map.of("binary_operator", 1.0));
      assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED))).isEmpty();
      analyzer.useRepositoryThresholds(repository -> Map.of());
      assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED))).hasSize(1);
      analyzer.useRepositoryThresholds(
          repository -> "someone/else".equals(repository) ? Map.of("binary_operator", 1.0) : null);
      assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED))).hasSize(1);
    } finally {
      analyzer.useRepositoryThresholds(repository -> Map.of());
    }
  }

  @Test
  void aRepositoryAttentionProgramIsUsedAndMaskingEverythingSilencesTheModel() {
    RepositorySettings maskAll =
        RepositorySettingsParser.parse(
            "model:\n  attention: {version: 1, rules: [{tokens: all, mask: true}]}\n", null);
    assertThat(maskAll.problems()).isEmpty();
    assertThat(AttentionProgram.fromJson(maskAll.modelAttention()).bias(AttentionProgram.ADDED))
        .isEqualTo(AttentionProgram.MASK);
    assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED), maskAll)).isEmpty();
  }

  @Test
  void aRepositoryAdaptationOfTheLoadedModelMovesItsThresholdsPerFile() {
    String testPath = "src/test/java/com/acme/shop/TotalsTest.java";
    // The team rejects the model's operator comments in its test code.
    ModelAdaptation adaptation =
        adaptation(analyzer.model().info().modelVersion(), new double[] {0, -20});
    analyzer.adaptWith(
        r -> r.equals("acme/inventory") ? Optional.of(adaptation) : Optional.empty());
    try {
      assertThat(analyzer.analyze(Chunks.modified(testPath, BASE, PLANTED))).isEmpty();
      assertThat(analyzer.analyze(Chunks.modified(PATH, BASE, PLANTED)))
          .singleElement()
          .satisfies(s -> assertThat(s.ruleId()).isEqualTo("model/operator"));
      // what made the suggestions travels with the review into the feedback on them
      assertThat(analyzer.version(Chunks.modified(PATH, BASE, PLANTED)))
          .isEqualTo("acme/inventory@1");
      // An adaptation of another model is not served: the global model reviews.
      ModelAdaptation stale = adaptation("attentive-v0", new double[] {0, -20});
      analyzer.adaptWith(r -> Optional.of(stale));
      assertThat(analyzer.analyze(Chunks.modified(testPath, BASE, PLANTED))).hasSize(1);
      assertThat(analyzer.version(Chunks.modified(PATH, BASE, PLANTED)))
          .isEqualTo(analyzer.model().info().modelVersion());
    } finally {
      analyzer.adaptWith(r -> Optional.empty());
    }
  }

  private static ModelAdaptation adaptation(String baseModel, double[] operator) {
    return new ModelAdaptation(
        ModelAdaptation.SCHEMA_VERSION,
        "acme/inventory",
        "acme/inventory@1",
        baseModel,
        Instant.EPOCH,
        Map.of(),
        RepositoryAdapter.FORMAT,
        Map.of("operator", operator),
        Map.of());
  }
}
