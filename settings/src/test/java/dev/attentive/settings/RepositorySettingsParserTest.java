package dev.attentive.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.AttentionProgram;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventJson;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepositorySettingsParserTest {

  @Test
  void aCompleteFileIsRead() {
    RepositorySettings s =
        RepositorySettingsParser.parse(
            """
        version: 1
        analyzers: [style, tests]
        style:
          checkstyle: config/checkstyle.xml
          formatter: false
        ignore:
          - "docs/**"
          - "*.sql"
        review:
          maxComments: 10
          minConfidence: 0.8
        tests:
          execute: true
        model:
          attention:
            version: 1
            rules:
              - {tokens: added, bias: 2}
              - {tokens: comment, mask: true}
        """,
            "o/r@main:.attentive.yml");

    assertThat(s.problems()).isEmpty();
    assertThat(s.analyzers()).containsExactly("style", "tests");
    assertThat(s.checkstyle()).isEqualTo("config/checkstyle.xml");
    assertThat(s.formatter()).isFalse();
    assertThat(s.ignore()).containsExactly("docs/**", "*.sql");
    assertThat(s.maxComments()).isEqualTo(10);
    assertThat(s.minConfidence()).isEqualTo(0.8);
    assertThat(s.testsExecute()).isTrue();
    assertThat(s.modelAttention().path("rules").get(1).path("tokens").asText())
        .isEqualTo("comment");
    assertThat(AttentionProgram.fromJson(s.modelAttention()).bias(AttentionProgram.COMMENT))
        .isEqualTo(AttentionProgram.MASK);
    assertThat(s.source()).isEqualTo("o/r@main:.attentive.yml");
    assertThat(s.selectAnalyzers(List.of("style", "model"))).containsExactly("style");
  }

  @Test
  void badPartsBecomeProblemsWithTheirLineAndStayAtTheirDefaults() {
    RepositorySettings s =
        RepositorySettingsParser.parse(
            """
        version: 1
        analyzers: [style, lint]
        review:
          maxComments: 500
          minConfidence: high
        style:
          formatter: "yes"
          checkstyle: ../../etc/passwd
        colour: blue
        """,
            null);

    assertThat(s.problems())
        .containsExactlyInAnyOrder(
            "`.attentive.yml` line 2: analyzers: unknown analyzer `lint` (known: style, tests, model); left out",
            "`.attentive.yml` line 4: review.maxComments must be between 1 and 100, was 500",
            "`.attentive.yml` line 5: review.minConfidence must be a number between 0 and 1, was \"high\"",
            "`.attentive.yml` line 7: style.formatter must be true or false, was \"yes\"",
            "`.attentive.yml` line 8: style.checkstyle must be google_checks.xml, sun_checks.xml or a relative path in"
                + " the repository (no `..`), was \"../../etc/passwd\"",
            "`.attentive.yml` line 9: unknown key `colour` (known: analyzers, ignore, model, review, style, tests,"
                + " version)");
    assertThat(s.analyzers()).containsExactly("style");
    assertThat(s.maxComments()).isNull();
    assertThat(s.minConfidence()).isNull();
    assertThat(s.formatter()).isNull();
    assertThat(s.checkstyle()).isNull();
  }

  @Test
  void ignoreGlobsOverTheLimitsAreLeftOutWithAProblem() {
    RepositorySettings s =
        RepositorySettingsParser.parse(
            """
        ignore:
          - "docs/**"
          - "**a**a**a**a**a**!"
          - "%s"
          - "{a,b"
        """
                .formatted("x".repeat(201)),
            null);

    assertThat(s.ignore()).containsExactly("docs/**");
    assertThat(s.problems())
        .containsExactly(
            "`.attentive.yml` line 1: ignore: `**a**a**a**a**a**!` is not a valid glob (more than 5"
                + " `*` or `**` wildcards); left out",
            "`.attentive.yml` line 1: ignore: `%s` is not a valid glob (longer than 200 characters);"
                    .formatted("x".repeat(201))
                + " left out",
            "`.attentive.yml` line 1: ignore: `{a,b` is not a valid glob (missing `}`); left out");
  }

  @Test
  void invalidYamlMeansDefaultsAndOneProblem() {
    RepositorySettings s = RepositorySettingsParser.parse("review:\n  maxComments: [1\n", null);
    assertThat(s.problems()).hasSize(1);
    assertThat(s.problems().get(0)).startsWith("`.attentive.yml` line ").contains("not valid YAML");
    assertThat(s.analyzers()).isNull();
    assertThat(RepositorySettingsParser.parse("", null).problems()).isEmpty();
    assertThat(RepositorySettingsParser.parse("- a\n- b\n", null).problems()).hasSize(1);
  }

  @Test
  void recordsWrittenWithoutSettingsStillRead() throws Exception {
    var chunk =
        new PullRequestDiffChunk(
            1,
            "d",
            "o/r",
            1,
            "b",
            "h",
            1L,
            "A.java",
            null,
            FileStatus.ADDED,
            "java",
            0,
            1,
            0,
            List.of(),
            null);
    String json = EventJson.mapper().writeValueAsString(chunk).replace(",\"settings\":null", "");
    assertThat(json).doesNotContain("settings");
    assertThat(EventJson.mapper().readValue(json, PullRequestDiffChunk.class)).isEqualTo(chunk);

    RepositorySettings settings =
        RepositorySettingsParser.parse(
                "analyzers: [tests]\nmodel:\n  attention: {version: 1, rules: []}\n", null)
            .withAnalyzerOverride(List.of("tests"));
    var withSettings = chunk.withSettings(settings);
    assertThat(
            EventJson.mapper()
                .readValue(
                    EventJson.mapper().writeValueAsString(withSettings),
                    PullRequestDiffChunk.class))
        .isEqualTo(withSettings);

    RepositorySettings plain = RepositorySettingsParser.parse("review:\n  maxComments: 3\n", null);
    RepositorySettings read =
        EventJson.mapper()
            .readValue(EventJson.mapper().writeValueAsString(plain), RepositorySettings.class);
    assertThat(read).isEqualTo(plain);
    assertThat(read.modelAttention()).isNull();

    var review =
        new Review(
            1, "d", "o/r", 1, "b", "h", 1L, "t", 0, List.of(), Map.of(), List.of(), Instant.now());
    String reviewJson =
        EventJson.mapper().writeValueAsString(review).replace(",\"settings\":null", "");
    assertThat(EventJson.mapper().readValue(reviewJson, Review.class)).isEqualTo(review);
    var manifest =
        new DiffManifest(
            1, "d", "o/r", 1, "b", "h", 1L, "t", 0, 0, false, List.of(), Instant.now());
    String manifestJson =
        EventJson.mapper().writeValueAsString(manifest).replace(",\"settings\":null", "");
    assertThat(EventJson.mapper().readValue(manifestJson, DiffManifest.class)).isEqualTo(manifest);
  }

  @Test
  void anInvalidAttentionProgramIsAProblemAndTheDefaultProgramIsUsed() {
    RepositorySettings s =
        RepositorySettingsParser.parse(
            """
        review:
          maxComments: 5
        model:
          attention:
            version: 1
            rules:
              - {tokens: lines, bias: 2}
        """,
            null);
    assertThat(s.modelAttention()).isNull();
    assertThat(s.maxComments()).isEqualTo(5);
    assertThat(s.problems())
        .singleElement()
        .asString()
        .contains("line 4")
        .contains("model.attention")
        .contains("rule 1: unknown tokens 'lines'")
        .contains("default attention program");
  }
}
