package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.Changes;
import dev.attentive.events.Convention;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ImportOrderTest {

  private static final String SORTED =
      "import static org.junit.Assert.assertEquals;\n"
          + "import static org.junit.Assert.assertTrue;\n" // statics are their own group
          + "import java.util.List;\n"
          + "import java.util.Map;\n"
          + "import java.util.concurrent.Future;\n"
          + "\n"
          + "import org.junit.Test;\n"
          + "class A {}\n";
  private static final String UNSORTED =
      "import java.util.Map;\nimport java.util.List;\nclass B {}\n";
  private static final String HEADER = "package p;\n\n";
  private static final String KEPT =
      HEADER
          + "import java.io.File;\n" // 3
          + "import java.util.List;\n" // 4
          + "import java.util.Map;\n" // 5
          + "\n"
          + "import org.junit.Test;\n" // 7
          + "class A {}\n";

  private static final Convention ORDER = Learn.enforced(ImportOrder.ID, "sorted");

  @Test
  void learnsSortedFromFilesWhoseGroupsReadInOrder() {
    String single = "import java.util.List;\nclass C {}\n"; // no group of two: not counted
    Convention c = Learn.from(new ImportOrder(), 20, SORTED, single);
    assertThat(c.value()).isEqualTo("sorted");
    assertThat(c.follows()).isEqualTo(40 / 2);
    assertThat(c.breaks()).isZero();
    assertThat(c.enforced()).isTrue();
    assertThat(c.evidence()).contains("sorts imports by name within each group");
    Convention mixed = Learn.from(new ImportOrder(), 10, SORTED, UNSORTED);
    assertThat(mixed.enforced()).isFalse();
    assertThat(Learn.from(new ImportOrder(), 20, UNSORTED).value()).isEqualTo("unsorted");
  }

  @Test
  void anAddedImportInItsPlaceIsFine() {
    String text =
        KEPT.replace(
            "import java.util.List;\n", "import java.util.List;\nimport java.util.Locale;\n");
    assertThat(Learn.check(new ImportOrder(), ORDER, text, Learn.lines(5))).isEmpty();
    assertThat(Learn.check(new ImportOrder(), ORDER, SORTED, Learn.all(SORTED))).isEmpty();
  }

  @Test
  void aPlantedSwapOfTwoAddedLinesIsSortedBackExactly() {
    // the bench's plant: two adjacent lines swapped, both added; the suggestion is the original
    String swapped =
        KEPT.replace(
            "import java.util.List;\nimport java.util.Map;\n",
            "import java.util.Map;\nimport java.util.List;\n");
    assertThat(Learn.check(new ImportOrder(), ORDER, swapped, Learn.lines(4, 5)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.ruleId()).isEqualTo(ImportOrder.ID);
              assertThat(d.startLine()).isEqualTo(4);
              assertThat(d.endLine()).isEqualTo(5);
              assertThat(d.replacement())
                  .isEqualTo("import java.util.List;\nimport java.util.Map;");
              assertThat(d.message())
                  .contains(
                      "Import `java.util.Map` is out of order: it belongs after `java.util.List`")
                  .contains("this repository does it");
            });
  }

  @Test
  void anAddedLineBetweenKeptLinesGetsOnlyAMessage() {
    // java.util.Set added before java.util.List: moving it would edit unchanged lines
    String text =
        KEPT.replace("import java.util.List;\n", "import java.util.Set;\nimport java.util.List;\n");
    assertThat(Learn.check(new ImportOrder(), ORDER, text, Learn.lines(4)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(4);
              assertThat(d.endLine()).isEqualTo(4);
              assertThat(d.replacement()).isNull();
              assertThat(d.message())
                  .contains("`java.util.Set` is out of order: it belongs after `java.util.Map`");
            });
  }

  @Test
  void anAddedLineThatBelongsFirstSaysSo() {
    String text = HEADER + "import java.util.List;\nimport java.io.Closeable;\nclass A {}\n";
    assertThat(Learn.check(new ImportOrder(), ORDER, text, Learn.lines(4)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(4);
              assertThat(d.replacement()).isNull();
              assertThat(d.message())
                  .contains("`java.io.Closeable` is out of order: it belongs first in its group");
            });
  }

  @Test
  void aNewFileGetsItsWholeGroupSortedOnce() {
    String text =
        HEADER
            + "import java.util.Map;\n"
            + "import java.io.File;\n"
            + "import java.util.List;\n"
            + "\n"
            + "import org.b.B;\n"
            + "import org.a.A;\n"
            + "class A {}\n";
    assertThat(Learn.check(new ImportOrder(), ORDER, text, Learn.all(text)))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.startLine()).isEqualTo(3);
              assertThat(d.endLine()).isEqualTo(5);
              assertThat(d.replacement())
                  .isEqualTo("import java.io.File;\nimport java.util.List;\nimport java.util.Map;");
              assertThat(d.message())
                  .contains("`java.util.Map` is out of order: it belongs after `java.util.List`");
            });
  }

  @Test
  void silentWhenTheFileKeepsItsOwnOrderOrNothingWasAdded() {
    String own =
        HEADER
            + "import java.util.Map;\nimport java.util.List;\nimport java.io.File;\nclass A {}\n";
    String added =
        own.replace("import java.io.File;\n", "import java.io.File;\nimport java.io.Closeable;\n");
    assertThat(Learn.check(new ImportOrder(), ORDER, added, Learn.lines(6))).isEmpty();
    // the unsorted group is old, the change is elsewhere
    assertThat(Learn.check(new ImportOrder(), ORDER, own, Learn.lines(1))).isEmpty();
    // a mixed repository: nothing enforced
    Convention mixed = Learn.enforced(ImportOrder.ID, "unsorted");
    assertThat(Learn.check(new ImportOrder(), mixed, own, Learn.all(own))).isEmpty();
    // a file that does not parse
    String broken = "import java.util.Map;\nimport java.util.List;\nclass {\n";
    assertThat(Learn.check(new ImportOrder(), ORDER, broken, Learn.all(broken))).isEmpty();
  }

  @Test
  void aRunOfAddedLinesThatCannotBeSortedInPlaceGetsNoReplacement() {
    // added Set and Collection at the end of the group: sorting the run alone leaves Collection
    // after kept Map
    String text =
        KEPT.replace(
            "import java.util.Map;\n",
            "import java.util.Map;\nimport java.util.Set;\nimport java.util.Collection;\n");
    assertThat(
            Learn.check(
                new ImportOrder(),
                ORDER,
                text,
                new Changes(new TreeSet<>(Set.of(6, 7)), List.of())))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.replacement()).isNull();
              assertThat(d.startLine()).isEqualTo(6);
              assertThat(d.message()).contains("`java.util.Set`");
            });
  }
}
