package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.Changes;
import dev.attentive.events.Convention;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class WildcardImportsTest {

  private static final String EXPLICIT =
      "package p;\n\nimport java.util.List;\nimport java.util.Map;\nimport static org.junit.Assert.*;\n\n"
          + "class A {}\n";

  @Test
  void filesWithoutTypeWildcardsMakeTheConventionStaticWildcardsAside() {
    Convention c = Learn.from(new WildcardImports(), 25, EXPLICIT);
    assertThat(c.value()).isEqualTo("none");
    assertThat(c.enforced()).isTrue();
    assertThat(c.evidence())
        .isEqualTo(
            "this repository imports without wildcards: 25 of 25 files with imports in 25 sampled"
                + " files");
  }

  @Test
  void aFewWildcardFilesLeaveItMixed() {
    String wildcard = "import java.util.*;\nclass B {}\n";
    Convention c = Learn.from(new WildcardImports(), 10, EXPLICIT, EXPLICIT, EXPLICIT, wildcard);
    assertThat(c.share()).isEqualTo(0.75);
    assertThat(c.enforced()).isFalse();
  }

  @Test
  void aWildcardThatReplacedExplicitImportsGetsThemBack() {
    String text =
        "package p;\n\nimport java.io.File;\nimport java.util.*;\n\n"
            + "class A {\n  List<File> files;\n  Map<String, Set<String>> m;\n}\n";
    Changes changes =
        new Changes(
            new TreeSet<>(List.of(4)),
            List.of(
                "import java.util.Set;",
                "import java.util.List;",
                "import java.util.Map;",
                "import java.util.Deque;",
                "import java.io.Reader;"));
    var found =
        Learn.check(
            new WildcardImports(), Learn.enforced(WildcardImports.ID, "none"), text, changes);
    assertThat(found)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(4);
              // Deque is no longer used; Reader is another package
              assertThat(d.replacement())
                  .isEqualTo(
                      "import java.util.List;\nimport java.util.Map;\nimport java.util.Set;");
              assertThat(d.message()).contains("java.util.*");
            });
  }

  @Test
  void noKnownImportsMeansNoSuggestionAndOldOrStaticWildcardsAreQuiet() {
    String text = "import java.util.*;\nimport static java.lang.Math.*;\nclass A {}\n";
    var c = Learn.enforced(WildcardImports.ID, "none");
    assertThat(Learn.check(new WildcardImports(), c, text, Learn.all(text)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(1);
              assertThat(d.replacement()).isNull();
            });
    // the wildcard was there before (the diff only moved it)
    assertThat(
            Learn.check(new WildcardImports(), c, text, Learn.replaced(1, "import java.util.*;")))
        .isEmpty();
    assertThat(
            Learn.check(
                new WildcardImports(),
                Learn.enforced(WildcardImports.ID, "used"),
                text,
                Learn.all(text)))
        .isEmpty();
  }
}
