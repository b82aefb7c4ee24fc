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

/** {@code attentive profile --repo DIR}: what the service would learn, readable and as JSON. */
class ProfileCommandTest {

  @TempDir Path dir;

  record Run(int code, String out, String err) {}

  Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        ProfileCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** A checkout of twelve 4-space classes. */
  Path checkout() throws Exception {
    for (int i = 0; i < 12; i++) {
      Path file = dir.resolve("repo/src/main/java/p/C" + i + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          "package p;\n\npublic class C"
              + i
              + " {\n    private static final int LIMIT = 3;\n\n    int f(int x) {\n"
              + "        if (x > LIMIT) {\n            return x;\n        }\n        return LIMIT;\n"
              + "    }\n}\n");
    }
    return dir.resolve("repo");
  }

  @Test
  void textListsTheEnforcedConventionsWithTheirEvidence() throws Exception {
    Run run = run("--repo", checkout().toString());

    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Conventions of repo: learned from 12 of 12 Java files")
        .contains("Declared tools: none")
        .containsPattern(
            "style/indent +4 +100\\.0 %  this repository indents with 4 spaces: \\d+ of \\d+");
  }

  @Test
  void jsonIsTheProfileEventTheServicePublishes() throws Exception {
    Run run = run("--repo", checkout().toString(), "--format", "json");

    JsonNode profile = EventJson.mapper().readTree(run.out());
    assertThat(profile.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(profile.path("sample").path("sampledFiles").asInt()).isEqualTo(12);
    boolean indent = false;
    for (JsonNode c : profile.path("conventions")) {
      if (c.path("ruleId").asText().equals("style/indent")) {
        indent = c.path("enforced").asBoolean() && c.path("value").asText().equals("4");
      }
    }
    assertThat(indent).as("style/indent = 4, enforced").isTrue();
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run().code()).isEqualTo(2);
    assertThat(run("--repo", dir.resolve("missing").toString()).err())
        .contains("is not a directory");
    assertThat(run("--repo", dir.toString(), "--format", "xml").code()).isEqualTo(2);
  }
}
