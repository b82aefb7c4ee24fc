package dev.attentive.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventJson;
import dev.attentive.events.Feedback;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.events.Suggestion;
import dev.attentive.models.adapt.Guard;
import dev.attentive.models.adapt.Outcome;
import dev.attentive.models.adapt.RepositoryAdapter;
import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.ShippedModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/attentive model finetune} on JSON-lines outcomes, guarded on the committed real-fix
 * validation reads of the shipped model.
 */
class FinetuneCommandTest {

  static final Path READS = Path.of("corpus/real-fixes/reads/attentive-v1-validation.json.gz");

  @TempDir Path dir;

  /**
   * Outcomes of a team that rejects every model comment in its test code and accepts the others: 40
   * comments over rules the model posts, spread over time.
   */
  static List<Feedback> testCodeRejected(String repo, long seed) {
    Random random = new Random(seed);
    String[] rules = {"operator", "literal", "negation", "method"};
    List<Feedback> feedback = new ArrayList<>();
    Instant t = Instant.parse("2026-11-02T09:00:00Z");
    for (int i = 0; i < 40; i++) {
      boolean test = random.nextDouble() < 0.4;
      String path =
          test ? "src/test/java/a/Case" + i + "Test.java" : "src/main/java/a/Case" + i + ".java";
      feedback.add(
          outcome(
              repo,
              i,
              rules[i % rules.length],
              0.75 + 0.2 * random.nextDouble(),
              path,
              test ? Feedback.Type.THUMBS_DOWN : Feedback.Type.APPLIED,
              t.plusSeconds(3600L * i)));
    }
    return feedback;
  }

  static Feedback outcome(
      String repo,
      int pr,
      String rule,
      double confidence,
      String path,
      Feedback.Type type,
      Instant at) {
    String fingerprint = "fp" + pr;
    return new Feedback(
        Feedback.SCHEMA_VERSION,
        Feedback.outcomeId(repo, pr, fingerprint, type, "dev"),
        repo,
        pr,
        type,
        fingerprint,
        "model/" + rule,
        "model",
        "attentive-v1",
        confidence,
        Suggestion.Kind.REPAIR,
        path,
        10,
        100L + pr,
        null,
        "dev",
        null,
        at);
  }

  private Path jsonLines(List<Feedback> feedback) throws Exception {
    StringBuilder out = new StringBuilder();
    for (Feedback f : feedback) {
      out.append(EventJson.mapper().writeValueAsString(f)).append('\n');
    }
    Path file = dir.resolve("feedback.jsonl");
    Files.writeString(file, out);
    return file;
  }

  private boolean finetune(String repo, Path feedback, Path out) throws Exception {
    return FinetuneCommand.execute(
        Options.parse(
            "finetune",
            "--repo",
            repo,
            "--feedback",
            feedback.toString(),
            "--out",
            out.toString(),
            "--model",
            ShippedModel.directory().toString(),
            "--reads",
            READS.toString()));
  }

  @Test
  void aTeamThatRejectsTestCodeCommentsGetsAnAdaptationThatMutesThemVersionedPerRun()
      throws Exception {
    Path out = dir.resolve("adaptation.json");
    Path feedback = jsonLines(testCodeRejected("acme/shop", 7));

    assertThat(finetune("acme/shop", feedback, out)).isTrue();
    ModelAdaptation a = EventJson.mapper().readValue(out.toFile(), ModelAdaptation.class);
    assertThat(a.version()).isEqualTo("acme/shop@1");
    assertThat(a.baseModelVersion()).isEqualTo("attentive-v1");
    assertThat(a.adapterFormat()).isEqualTo(RepositoryAdapter.FORMAT);
    assertThat(a.kindThresholds()).containsKey("binary_operator");
    assertThat(a.metrics())
        .containsKeys("global.falseAlarmsAtRecall.adapted", "repo.recallAtFalseAlarms.adapted");
    RepositoryAdapter adapter = RepositoryAdapter.of(a).orElseThrow();
    assertThat(adapter.weights().get("operator")[RepositoryAdapter.TEST_CODE]).isNegative();
    assertThat(adapter.shift("operator", "src/test/java/a/XTest.java"))
        .isLessThan(adapter.shift("operator", "src/main/java/a/X.java"));
    assertThat(EventJson.mapper().writeValueAsBytes(a).length)
        .isLessThan(ModelAdaptation.MAX_ADAPTER_BYTES);

    assertThat(finetune("acme/shop", feedback, out)).isTrue();
    assertThat(EventJson.mapper().readValue(out.toFile(), ModelAdaptation.class).version())
        .isEqualTo("acme/shop@2");
  }

  /**
   * A run whose adaptation is worse on the global validation set is refused and writes nothing. The
   * committed validation set has 4 real bugs among the posted kinds, too few for a per-rule shift
   * to be worse on it, so this global set is made for the test: the operator findings are on buggy
   * lines, the method-name findings on correct code; the team rewards method names and rejects
   * operators (its held-back outcomes agree, so only the global set refuses).
   */
  @Test
  void anAdaptationWorseOnTheGlobalValidationSetIsRefusedAndNothingIsWritten() throws Exception {
    List<ScoredReads.Finding> reads = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      reads.add(
          new ScoredReads.Finding(
              "o/r src/A.java", i, "binary_operator", 0.70 + 0.01 * i, 0, true, true));
      reads.add(
          new ScoredReads.Finding(
              "o/r src/B.java", i, "method_name", 0.56 + 0.01 * i, 0, false, false));
    }
    Path global = dir.resolve("global.json.gz");
    new ScoredReads("attentive-v1", "validation", 100, 20, 1000, reads).write(global);
    List<Feedback> feedback = new ArrayList<>();
    Instant t = Instant.parse("2026-11-02T09:00:00Z");
    for (int i = 0; i < 40; i++) {
      boolean method = i % 2 == 0;
      feedback.add(
          outcome(
              "acme/shop",
              i,
              method ? "method" : "operator",
              method ? 0.6 : 0.8,
              "src/main/java/a/Case" + i + ".java",
              method ? Feedback.Type.THUMBS_UP : Feedback.Type.THUMBS_DOWN,
              t.plusSeconds(3600L * i)));
    }
    Path out = dir.resolve("adaptation.json");

    boolean shipped =
        FinetuneCommand.execute(
            Options.parse(
                "finetune",
                "--repo",
                "acme/shop",
                "--feedback",
                jsonLines(feedback).toString(),
                "--out",
                out.toString(),
                "--model",
                ShippedModel.directory().toString(),
                "--reads",
                global.toString()));

    assertThat(shipped).isFalse();
    assertThat(out).doesNotExist();
    ModelInfo model = ModelInfo.read(ShippedModel.directory());
    RepositoryAdapter fitted =
        dev.attentive.models.adapt.AdapterFit.fit(
            Outcome.of("acme/shop", feedback), model.posting(), 2.0);
    Guard.Verdict verdict =
        Guard.check(
            fitted,
            model.posting(),
            ScoredReads.read(global),
            Outcome.of("acme/shop", feedback).subList(30, 40));
    assertThat(verdict.measures().get(0).noWorse()).isFalse();
    assertThat(verdict.measures().get(1).noWorse()).isTrue();
  }

  @Test
  void tooFewOutcomesAreRefusedToo() throws Exception {
    Path out = dir.resolve("adaptation.json");
    List<Feedback> few = testCodeRejected("acme/shop", 7).subList(0, 6);
    assertThat(finetune("acme/shop", jsonLines(few), out)).isFalse();
    assertThat(out).doesNotExist();
    // Another repository's outcomes are not this one's.
    assertThat(finetune("acme/other", jsonLines(testCodeRejected("acme/shop", 7)), out)).isFalse();
    assertThat(out).doesNotExist();
  }
}
