package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Convention;
import org.junit.jupiter.api.Test;

class StaticImportsTest {

  private static final String BEFORE =
      "import static java.lang.Math.max;\n\nimport java.util.List;\nclass A {}\n";
  private static final String AFTER =
      "import java.util.List;\n\nimport static java.lang.Math.max;\nclass A {}\n";

  @Test
  void learnsTheSideFromFilesWithBothKinds() {
    Convention c =
        Learn.from(new StaticImports(), 20, BEFORE, "import java.util.Map;\nclass B {}\n");
    assertThat(c.value()).isEqualTo("before");
    assertThat(c.follows()).isEqualTo(20);
    assertThat(c.enforced()).isTrue();
    assertThat(Learn.from(new StaticImports(), 10, BEFORE, AFTER).enforced()).isFalse();
  }

  @Test
  void aNewStaticImportOnTheWrongSideIsNamedOncePerFile() {
    String text =
        "import java.util.List;\nimport static java.lang.Math.max;\nimport static java.lang.Math.min;\n"
            + "import java.util.Map;\nclass A {}\n";
    Convention before = Learn.enforced(StaticImports.ID, "before");
    assertThat(Learn.check(new StaticImports(), before, text, Learn.lines(2, 3)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(2);
              assertThat(d.replacement()).isNull();
              assertThat(d.message()).contains("belongs before the other imports");
            });
    // a file whose kept imports already put statics after: its own order
    String own =
        "import java.util.List;\n\nimport static java.lang.Math.max;\nimport static java.lang.Math.min;\n"
            + "class A {}\n";
    assertThat(Learn.check(new StaticImports(), before, own, Learn.lines(4))).isEmpty();
    // without kept static imports, the repository's side counts
    assertThat(Learn.check(new StaticImports(), before, AFTER, Learn.lines(3))).hasSize(1);
  }
}
