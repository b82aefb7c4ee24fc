package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.Hunk;
import dev.attentive.events.PatchParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatchApplierTest {

  static final String BASE = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";
  static final List<Hunk> HUNKS =
      PatchParser.parse(
          "@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n@@ -6,2 +6,3 @@\n six\n seven\n+eight\n");
  static final String HEAD = "one\nTWO\nthree\nfour\nfive\nsix\nseven\neight\n";

  @TempDir Path dir;

  @Test
  void pathsInsideTheCheckoutResolveThere() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    assertThat(PatchApplier.inCheckout(repo, "src/f.txt"))
        .isEqualTo(repo.toAbsolutePath().resolve("src/f.txt"));
    assertThat(PatchApplier.inCheckout(repo, "src/../f.txt"))
        .isEqualTo(repo.toAbsolutePath().resolve("f.txt"));
  }

  @Test
  void pathsLeadingOutOfTheCheckoutAreRefused() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(dir.resolve("secret.txt"), "outside");
    for (String path : List.of("../secret.txt", "src/../../secret.txt", "/etc/passwd")) {
      assertThatThrownBy(() -> PatchApplier.inCheckout(repo, path))
          .isInstanceOf(UnifiedDiff.DiffException.class)
          .hasMessage("the diff names " + path + ", which is outside --repo " + repo + "; refused");
    }
  }

  @Test
  void aSymbolicLinkOutOfTheCheckoutIsRefused() throws Exception {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(dir.resolve("secret.txt"), "outside");
    Files.createSymbolicLink(repo.resolve("link.txt"), dir.resolve("secret.txt"));
    assertThatThrownBy(() -> PatchApplier.inCheckout(repo, "link.txt"))
        .hasMessageContaining("outside --repo");
  }

  @Test
  void appliesEveryHunkToTheBase() throws Exception {
    assertThat(PatchApplier.headVersion("f.txt", BASE, HUNKS)).isEqualTo(HEAD);
  }

  @Test
  void aCheckoutThatAlreadyHasThePatchIsUsedAsItIs() throws Exception {
    assertThat(PatchApplier.headVersion("f.txt", HEAD, HUNKS)).isEqualTo(HEAD);
  }

  @Test
  void aMismatchNamesTheFileTheHunkAndTheLine() {
    String drifted = BASE.replace("six", "SIX");
    assertThatThrownBy(() -> PatchApplier.headVersion("src/f.txt", drifted, HUNKS))
        .isInstanceOf(UnifiedDiff.DiffException.class)
        .hasMessage(
            "patch does not apply to src/f.txt: hunk 2 (@@ -6,2 +6,3 @@): line 6 should be 'six' but is"
                + " 'SIX'");
  }

  @Test
  void aNewFileFromNothing() throws Exception {
    assertThat(
            PatchApplier.headVersion("n.txt", "", PatchParser.parse("@@ -0,0 +1,2 @@\n+a\n+b\n")))
        .isEqualTo("a\nb\n");
  }
}
