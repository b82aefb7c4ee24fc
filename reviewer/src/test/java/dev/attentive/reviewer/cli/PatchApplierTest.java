package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.Hunk;
import dev.attentive.events.PatchParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatchApplierTest {

  static final String BASE = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n";
  static final List<Hunk> HUNKS =
      PatchParser.parse(
          "@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n@@ -6,2 +6,3 @@\n six\n seven\n+eight\n");
  static final String HEAD = "one\nTWO\nthree\nfour\nfive\nsix\nseven\neight\n";

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
