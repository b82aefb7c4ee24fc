package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attentive review} end to end on files: real analyzers, real patch handling, the three
 * formats.
 */
class ReviewCommandTest {

  static final String BASE =
      """
      package com.acme;

      import java.util.List;

      public class Parts {
        private List<String> names;
      }
      """;

  /** Adds a star import (line 4) and a badly formatted method (line 8). */
  static final String PATCH =
      """
      diff --git a/src/com/acme/Parts.java b/src/com/acme/Parts.java
      index 1111111..2222222 100644
      --- a/src/com/acme/Parts.java
      +++ b/src/com/acme/Parts.java
      @@ -1,7 +1,9 @@
       package com.acme;
      \s
       import java.util.List;
      +import java.util.*;
      \s
       public class Parts {
         private List<String> names;
      +  public int size(){ return names.size(); }
       }
      """;

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ReviewCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  Path checkout(String content) throws Exception {
    Path file = dir.resolve("repo/src/com/acme/Parts.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    return dir.resolve("repo");
  }

  Path patch() throws Exception {
    return Files.writeString(dir.resolve("change.patch"), PATCH);
  }

  @Test
  void markdownListsTheSuggestionsOnTheAddedLines() throws Exception {
    Run run =
        run(
            "--patch",
            patch().toString(),
            "--repo",
            checkout(BASE).toString(),
            "--checkstyle-config",
            "google_checks.xml",
            "--formatter");

    assertThat(run.code()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .startsWith("# Attentive review\n")
        .contains("## src/com/acme/Parts.java")
        .contains("**line 4** · `style/AvoidStarImport`")
        .contains("**line 8** · `style/google-java-format`")
        .contains("```suggestion\n\n  public int size() {\n    return names.size();\n  }\n```");
  }

  @Test
  void jsonAndSarifCarryTheSameFindings() throws Exception {
    Path repo = checkout(BASE);
    JsonNode json =
        EventJson.mapper()
            .readTree(
                run(
                        "--patch",
                        patch().toString(),
                        "--repo",
                        repo.toString(),
                        "--format",
                        "json",
                        "--checkstyle-config",
                        "google_checks.xml")
                    .out());
    JsonNode sarif =
        EventJson.mapper()
            .readTree(
                run(
                        "--patch",
                        patch().toString(),
                        "--repo",
                        repo.toString(),
                        "--format",
                        "sarif",
                        "--checkstyle-config",
                        "google_checks.xml")
                    .out());

    assertThat(json.path("suggestions").size()).isGreaterThanOrEqualTo(2);
    assertThat(sarif.path("version").asText()).isEqualTo("2.1.0");
    assertThat(sarif.path("$schema").asText()).isEqualTo(SuggestionFormats.SARIF_SCHEMA);
    JsonNode results = sarif.path("runs").get(0).path("results");
    assertThat(results.size()).isEqualTo(json.path("suggestions").size());
    for (int i = 0; i < results.size(); i++) {
      JsonNode s = json.path("suggestions").get(i);
      JsonNode r = results.get(i);
      assertThat(r.path("ruleId").asText()).isEqualTo(s.path("ruleId").asText());
      assertThat(
              r.path("locations")
                  .get(0)
                  .path("physicalLocation")
                  .path("region")
                  .path("startLine")
                  .asInt())
          .isEqualTo(s.path("startLine").asInt());
      assertThat(r.path("partialFingerprints").path("attentive/v1").asText())
          .isEqualTo(s.path("fingerprint").asText());
    }
  }

  @Test
  void aCheckoutThatAlreadyHasTheChangeGivesTheSameResult() throws Exception {
    String head =
        BASE.replace("import java.util.List;\n", "import java.util.List;\nimport java.util.*;\n")
            .replace(
                "  private List<String> names;\n",
                "  private List<String> names;\n  public int size(){ return names.size(); }\n");
    String before = run("--patch", patch().toString(), "--repo", checkout(BASE).toString()).out();
    String after = run("--patch", patch().toString(), "--repo", checkout(head).toString()).out();
    assertThat(after).isEqualTo(before);
  }

  @Test
  void aPatchThatDoesNotApplyNamesTheFileAndTheHunk() throws Exception {
    Run run =
        run(
            "--patch",
            patch().toString(),
            "--repo",
            checkout(BASE.replace("names", "titles")).toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .contains("patch does not apply to src/com/acme/Parts.java: hunk 1 (@@ -1,7 +1,9 @@)");
  }

  @Test
  void aDiffPathOutsideTheCheckoutIsAUsageError() throws Exception {
    Path repo = checkout(BASE);
    // Would apply cleanly: only the path keeps it from being read.
    Files.writeString(dir.resolve("Parts.java"), BASE);
    Path escaping =
        Files.writeString(
            dir.resolve("escaping.patch"),
            PATCH.replace("src/com/acme/Parts.java", "../Parts.java"));
    Run run = run("--patch", escaping.toString(), "--repo", repo.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err())
        .isEqualTo(
            "attentive review: the diff names ../Parts.java, which is outside --repo "
                + repo
                + "; refused\n");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aPatchThatDoesNotParseSaysWhere() throws Exception {
    Path broken =
        Files.writeString(
            dir.resolve("broken.patch"), PATCH.replace("@@ -1,7 +1,9 @@", "@@ -1,7 +1,12 @@"));
    Run run = run("--patch", broken.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err()).startsWith("attentive review: src/com/acme/Parts.java: hunk 1");
  }

  @Test
  void usageErrorsExitTwoAndFindingsDoNot() throws Exception {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("--patch").err()).contains("--patch needs a value");
    assertThat(run("--patch", patch().toString(), "--format", "xml").err())
        .contains("--format must be markdown, json or sarif");
    assertThat(run("--frobnicate").code()).isEqualTo(2);
    assertThat(run("--patch", dir.resolve("missing.patch").toString()).code()).isEqualTo(2);
    assertThat(run("--patch", patch().toString()).code()).as("findings are not an error").isZero();
  }

  @Test
  void nonJavaFilesAreReviewedWithoutComplaint() throws Exception {
    Path p =
        Files.writeString(
            dir.resolve("readme.patch"),
            "--- a/README.md\n+++ b/README.md\n@@ -1 +1,2 @@\n # Title\n+More text.\n");
    Run run = run("--patch", p.toString(), "--format", "json");
    assertThat(run.code()).isZero();
    assertThat(EventJson.mapper().readTree(run.out()).path("suggestions").size()).isZero();
  }
}
