package dev.attentive.testkit.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

class GoldenTest {

  @TempDir Path dir;

  @AfterEach
  void noUpdate() {
    System.clearProperty(Golden.UPDATE_PROPERTY);
  }

  @Test
  void matchingOutputPasses() throws Exception {
    Files.writeString(dir.resolve("out.md"), "# Title\n\nBody.\n");

    Golden.at(dir).verify("out.md", "# Title\n\nBody.\n");
  }

  @Test
  void aMismatchFailsWithAUnifiedDiffOfExpectedAgainstActual() throws Exception {
    Files.writeString(dir.resolve("out.md"), "one\ntwo\nthree\nfour\nfive\nsix\nseven\n");

    assertThatThrownBy(
            () -> Golden.at(dir).verify("out.md", "one\ntwo\nthree\nFOUR\nfive\nsix\nseven\n"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining(
            "out.md differs (run with -Dgolden.update=true to accept the new output)")
        .hasMessageEndingWith(
            """
            --- expected/%1$s/out.md
            +++ actual/%1$s/out.md
            @@ -1,7 +1,7 @@
             one
             two
             three
            -four
            +FOUR
             five
             six
             seven
            """
                .formatted(dir.getFileName()));
  }

  @Test
  void aMissingFinalNewlineIsADifferenceAndShowsInTheDiff() throws Exception {
    Files.writeString(dir.resolve("out.txt"), "a\n");

    assertThatThrownBy(() -> Golden.at(dir).verify("out.txt", "a"))
        .hasMessageContaining("-a\n+a  ⟵ no newline at end\n");
  }

  @Test
  void aMissingExpectedFileFailsAndSaysHowToWriteIt() {
    assertThatThrownBy(() -> Golden.at(dir).verify("new.json", "{}"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("has no new.json; run with -Dgolden.update=true");
  }

  @Test
  void theUpdateFlagRewritesAndCreatesExpectedFilesInsteadOfComparing() throws Exception {
    Files.writeString(dir.resolve("out.md"), "old\n");
    System.setProperty(Golden.UPDATE_PROPERTY, "true");

    Golden golden = Golden.at(dir);
    golden.verify("out.md", "new\n");
    golden.verify("created.md", "fresh\n");

    assertThat(Files.readString(dir.resolve("out.md"))).isEqualTo("new\n");
    assertThat(Files.readString(dir.resolve("created.md"))).isEqualTo("fresh\n");
    System.clearProperty(Golden.UPDATE_PROPERTY);
    golden.verify("out.md", "new\n");
  }
}
