package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code attentive review --analyzers tests}, with and without {@code --execute-tests}. */
class ReviewCommandTestsAnalyzerTest {

  static final String PATCH =
      """
      diff --git a/src/com/acme/Limits.java b/src/com/acme/Limits.java
      new file mode 100644
      index 0000000..2222222
      --- /dev/null
      +++ b/src/com/acme/Limits.java
      @@ -0,0 +1,7 @@
      +package com.acme;
      +
      +public final class Limits {
      +  public static boolean withinLimit(int n) {
      +    return n >= 0 && n < 100;
      +  }
      +}
      """;

  @TempDir Path dir;

  private String run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        ReviewCommand.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void noteOnlyByDefaultAndVerifiedWithExecuteTests() throws Exception {
    Path patch = Files.writeString(dir.resolve("new.patch"), PATCH);

    String compiled = run("--patch", patch.toString(), "--analyzers", "tests", "--format", "json");
    // compile-only tests pin nothing: not posted; the notes say why
    assertThat(compiled)
        .doesNotContain("tests/compiled", "tests/verified")
        .contains(
            "No tests proposed in Limits.java for `Limits.withinLimit(int)`: execution is off");

    String verified =
        run(
            "--patch",
            patch.toString(),
            "--analyzers",
            "tests",
            "--format",
            "json",
            "--execute-tests");
    assertThat(verified)
        .contains(
            "tests/verified",
            "assertTrue(Limits.withinLimit(99));",
            "assertFalse(Limits.withinLimit(100));");
  }
}
