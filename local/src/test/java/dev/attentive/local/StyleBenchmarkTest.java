package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.ProfileBuilder;
import dev.attentive.conventions.TreeEntry;
import dev.attentive.conventions.rules.TrailingWhitespace;
import dev.attentive.events.RepositoryProfile;
import java.io.FileNotFoundException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The style benchmark's own logic on in-repository snippets: no network, no sources jars. */
class StyleBenchmarkTest {

  private static final List<String> IMPORTS =
      List.of(
          "java.util.List",
          "java.io.File",
          "java.net.URI",
          "java.nio.file.Path",
          "java.time.Instant",
          "java.math.BigDecimal",
          "java.util.concurrent.Executor",
          "java.util.function.Function",
          "java.util.regex.Pattern",
          "java.util.stream.Stream",
          "java.text.Format",
          "java.sql.Connection",
          "java.security.Key",
          "java.lang.reflect.Method",
          "java.nio.charset.Charset",
          "java.util.zip.ZipFile",
          "java.beans.Beans");

  /** A class in one consistent style (4 spaces, braces at line ends, UPPER_SNAKE constants). */
  private static String sample(String name, String indent) {
    StringBuilder s = new StringBuilder("package p;\n\n");
    // java.util.List alone, then the others as one group in name order (for the import-order
    // plant); a comment, not a blank line, between them keeps the blank-line count as it was
    s.append("import ").append(IMPORTS.get(0)).append(";\n// in name order\n");
    IMPORTS.stream().skip(1).sorted().forEach(i -> s.append("import ").append(i).append(";\n"));
    s.append("\npublic class ").append(name).append(" {\n\n");
    for (int i = 0; i < 10; i++) {
      char c = (char) ('A' + i);
      s.append("    static final int MAX_").append(c).append(" = ").append(i).append(";\n\n");
      s.append("    int method").append(c).append("(int x) {\n");
      s.append("        if (x > MAX_").append(c).append(") {\n");
      s.append("            return x;\n");
      s.append("        } else {\n");
      s.append("            int total = computeSomethingRatherLong(firstArgumentName, second,\n");
      s.append("                    thirdArgumentName);\n");
      s.append("            for (int i = 0; i < total; i++) {\n");
      s.append("                total--;\n");
      s.append("            }\n");
      s.append("            while (total > 0) {\n");
      s.append("                total--;\n");
      s.append("            }\n");
      s.append("            return total;\n");
      s.append("        }\n");
      s.append("    }\n\n");
      s.append("    static class Nested").append(c).append(" {\n");
      s.append("        int value;\n");
      s.append("    }\n\n");
    }
    s.append("}\n");
    return s.toString().replace("    ", indent);
  }

  private static List<PlantSource> sources(String indent) {
    List<PlantSource> out = new ArrayList<>();
    for (String name : List.of("A", "B", "C")) {
      out.add(PlantSource.of("p/" + name + ".java", sample(name, indent)));
    }
    return out;
  }

  @Test
  void everyKindDominatesInTheSampleAndPlantsARoundTripToTheOriginal() {
    List<PlantSource> files = sources("    ");
    PlantSource a = files.get(0);
    for (PlantKind kind : PlantKind.values()) {
      PlantKind.Measure m = kind.measure(files);
      assertThat(m.dominates()).as(kind.id + " " + m).isTrue();
      Plant plant = null;
      for (int i = 0; i < a.size() && plant == null; i++) {
        plant = kind.plantAt(a, i, m);
      }
      assertThat(plant).as(kind.id).isNotNull();
      assertThat(plant.kind()).isEqualTo(kind);
      assertThat(plant.planted()).as(kind.id).isNotEqualTo(plant.original());
      assertThat(plant.original()).isEqualTo(a.text());

      List<String> planted = plant.planted().lines().toList();
      assertThat(plant.changes().added())
          .as(kind.id)
          .containsExactlyElementsOf(range(plant.first(), plant.last()));
      // The suggestion a perfect rule makes: the planted lines written as they were.
      String original = String.join("\n", plant.changes().removed());
      Deviation perfect = new Deviation(kind.ruleId, plant.first(), plant.last(), "", original);
      assertThat(plant.covers(perfect)).isTrue();
      assertThat(plant.restoredBy(perfect)).as(kind.id).isTrue();
      String asPlanted = String.join("\n", planted.subList(plant.first() - 1, plant.last()));
      Deviation useless =
          new Deviation(kind.ruleId, plant.first(), plant.last(), "", asPlanted + "x");
      assertThat(plant.restoredBy(useless)).as(kind.id).isFalse();
      assertThat(plant.restoredBy(new Deviation(kind.ruleId, 1, 1, "", null))).isFalse();
    }
  }

  @Test
  void eachPlantChangesWhatItsKindSays() {
    List<PlantSource> files = sources("    ");
    PlantSource a = files.get(0);
    assertThat(first(PlantKind.TAB_INDENT, files).planted()).contains("\n\tstatic final int MAX_A");
    assertThat(first(PlantKind.INDENT_WIDTH, files).planted())
        .contains("\n  static final int MAX_A");
    assertThat(first(PlantKind.BRACE_CONTROL, files).planted())
        .contains("        if (x > MAX_A)\n        {\n");
    assertThat(first(PlantKind.BRACE_METHOD, files).planted())
        .contains("    int methodA(int x)\n    {\n");
    assertThat(first(PlantKind.BRACE_TYPE, files).planted()).contains("public class A\n{\n");
    assertThat(first(PlantKind.ELSE_SPLIT, files).planted())
        .contains("        }\n        else {\n");
    assertThat(first(PlantKind.CONSTANT_CAMEL, files).planted())
        .contains("    static final int maxA = 0;\n")
        .contains("if (x > MAX_A)"); // only the declaration changes
    Plant wildcard = first(PlantKind.WILDCARD_IMPORT, files);
    assertThat(wildcard.planted()).contains("\nimport java.util.*;\n");
    assertThat(wildcard.changes().removed()).containsExactly("import java.util.List;");
    Plant longLine = first(PlantKind.LONG_LINE, files);
    assertThat(longLine.planted())
        .contains(
            "int total = computeSomethingRatherLong(firstArgumentName, second,"
                + " thirdArgumentName);\n");
    assertThat(longLine.changes().removed()).hasSize(2);
    assertThat(first(PlantKind.TRAILING_SPACE, files).planted()).contains("package p; \n");
    assertThat(first(PlantKind.KEYWORD_PAREN, files).planted()).contains("if(x > MAX_A)");
    Plant blank = first(PlantKind.DOUBLE_BLANK, files);
    assertThat(blank.planted()).startsWith("package p;\n\n\nimport");
    assertThat(blank.changes().added()).containsExactly(3);
    assertThat(blank.changes().removed()).isEmpty();
    // Deleting the planted blank line (GitHub's empty suggestion) restores the file too.
    assertThat(blank.restoredBy(new Deviation("style/blank-lines/double", 3, 3, "", ""))).isTrue();
    Plant order = first(PlantKind.IMPORT_ORDER, files);
    assertThat(order.planted()).contains("\nimport java.io.File;\nimport java.beans.Beans;\n");
    assertThat(order.changes().added()).containsExactly(5, 6);
    assertThat(a.text()).isEqualTo(sample("A", "    "));
  }

  @Test
  void aTabIndentedLibraryIsNotASpacesLibrary() {
    List<PlantSource> files = sources("\t");
    assertThat(PlantKind.TAB_INDENT.measure(files).dominates()).isFalse();
    assertThat(PlantKind.INDENT_WIDTH.measure(files).parameter()).isZero();
    assertThat(PlantKind.BRACE_METHOD.measure(files).dominates()).isTrue();
  }

  @Test
  void theLineDiffCountsInsertedAndChangedLinesOnTheNewSide() {
    Changes changes = LineDiff.changes("a\nb\nc\nd\n", "a\nB\nc\nd\ne\nf\n");
    assertThat(changes.added()).containsExactly(2, 5, 6);
    assertThat(changes.removed()).containsExactly("b");

    Changes deleted = LineDiff.changes("a\nb\nc\n", "a\nc\n");
    assertThat(deleted.added()).isEmpty();
    assertThat(deleted.removed()).containsExactly("b");

    assertThat(LineDiff.changes("a\r\nb\r\n", "a\nb\n").isEmpty()).isTrue();
    assertThat(LineDiff.allAdded("x\ny\nz").added()).containsExactly(1, 2, 3);
  }

  @Test
  void theReviewCountsChangedNewMovedAndGeneratedFilesApart() throws Exception {
    Map<String, String> before = new LinkedHashMap<>();
    for (String name : List.of("A", "B", "C")) {
      before.put("p/" + name + ".java", sample(name, "    "));
    }
    before.put("p/old/Moved.java", "package p;\n\nclass Moved {\n    int a;\n}\n");
    RepositoryProfile profile = learn(before);
    assertThat(profile.convention(TrailingWhitespace.ID).orElseThrow().enforced()).isTrue();

    Map<String, String> after = new LinkedHashMap<>(before);
    after.remove("p/old/Moved.java");
    after.put("p/A.java", sample("A", "    ").replace("return x;", "return x + 1;  "));
    after.put("p/C.java", sample("C", "    ").replace("package p;\n", "package p;\n// why\n"));
    after.put("p/now/Moved.java", "package p;\n\nclass Moved {\n    int b;\n}\n");
    after.put("p/Fresh.java", "package p;\n\nclass Fresh {}  \n");
    after.put("p/Made.java", "// Generated by a tool. DO NOT EDIT.\nclass Made {  \n}\n");

    Map<String, StyleBenchmark.Bucket> buckets = StyleBenchmark.review(profile, before, after);

    StyleBenchmark.Bucket changed = buckets.get(StyleBenchmark.CHANGED);
    assertThat(changed.files).isEqualTo(2); // B did not change
    assertThat(changed.lines).isEqualTo(10 + 1); // ten returns in A, one comment line in C
    assertThat(changed.comments).isEqualTo(10);
    assertThat(changed.perRule).containsExactly(Map.entry(TrailingWhitespace.ID, 10L));
    assertThat(changed.per100()).isCloseTo(90.9, org.assertj.core.data.Offset.offset(0.1));
    StyleBenchmark.Bucket moved = buckets.get(StyleBenchmark.MOVED);
    assertThat(List.of(moved.files, moved.lines, moved.comments)).containsExactly(1L, 1L, 0L);
    StyleBenchmark.Bucket fresh = buckets.get(StyleBenchmark.NEW);
    assertThat(List.of(fresh.files, fresh.lines, fresh.comments)).containsExactly(1L, 3L, 1L);
    StyleBenchmark.Bucket generated = buckets.get(StyleBenchmark.GENERATED);
    assertThat(List.of(generated.files, generated.lines, generated.comments))
        .containsExactly(1L, 3L, 0L);
  }

  @Test
  void recallCountsFlaggedPlantsAndSuggestionsEqualToTheOriginal() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : List.of("A", "B", "C")) {
      files.put("p/" + name + ".java", sample(name, "    "));
    }
    StyleBenchmark.Library library =
        new StyleBenchmark.Library(
            new ReleasePair(ReleasePair.REPORT, "bench", "sample", "1.0", "1.1"),
            learn(files),
            Map.of(),
            sources("    "),
            java.time.Duration.ZERO);

    Map<String, Object> trailing =
        StyleBenchmark.plant(
            PlantKind.TRAILING_SPACE, List.of(library), 5, 12, true, 0, new ArrayList<>());
    assertThat(trailing) // 5 asked for, one per file: the 3 files give 3
        .containsEntry("plants", 3L)
        .containsEntry("flagged", 3L)
        .containsEntry("suggestionEqualsOriginal", 3L)
        .containsEntry("filesWithOtherComments", 0L)
        .containsEntry("enforcedByProfile", List.of("sample"));

    // A second kind on the same library: each plant is judged on its own file.
    Map<String, Object> blank =
        StyleBenchmark.plant(
            PlantKind.DOUBLE_BLANK, List.of(library), 3, 12, true, 0, new ArrayList<>());
    assertThat(blank)
        .containsEntry("plants", 3L)
        .containsEntry("flagged", 3L)
        .containsEntry("suggestionEqualsOriginal", 3L)
        .containsEntry("filesWithOtherComments", 0L);
  }

  @Test
  void theLibraryListHasTheFixedTuningSetAndTenOthers() {
    List<ReleasePair> pairs = ReleasePair.standard();
    assertThat(
            pairs.stream().filter(p -> p.set().equals(ReleasePair.TUNE)).map(ReleasePair::artifact))
        .containsExactlyInAnyOrder(
            "commons-io",
            "commons-text",
            "commons-net",
            "commons-pool2",
            "commons-exec",
            "guava",
            "javapoet",
            "HikariCP",
            "org.eclipse.jgit",
            "slf4j-api");
    List<String> report =
        pairs.stream()
            .filter(p -> p.set().equals(ReleasePair.REPORT))
            .map(ReleasePair::artifact)
            .toList();
    assertThat(report).hasSizeGreaterThanOrEqualTo(10).doesNotHaveDuplicates();
    assertThat(report)
        .doesNotContainAnyElementsOf(
            List.of(
                "commons-lang",
                "commons-lang3",
                "commons-math3",
                "commons-cli",
                "commons-codec",
                "commons-collections4",
                "commons-compress",
                "commons-csv",
                "commons-jxpath",
                "jackson-core",
                "jackson-databind",
                "jackson-dataformat-xml",
                "gson",
                "jsoup",
                "joda-time",
                "jfreechart",
                "closure-compiler",
                "mockito-core"));
  }

  private static Plant first(PlantKind kind, List<PlantSource> files) {
    PlantKind.Measure m = kind.measure(files);
    for (int i = 0; i < files.get(0).size(); i++) {
      Plant p = kind.plantAt(files.get(0), i, m);
      if (p != null) {
        return p;
      }
    }
    throw new AssertionError("no site for " + kind.id);
  }

  private static List<Integer> range(int first, int last) {
    List<Integer> out = new ArrayList<>();
    for (int i = first; i <= last; i++) {
      out.add(i);
    }
    return out;
  }

  private static RepositoryProfile learn(Map<String, String> files) throws Exception {
    List<TreeEntry> tree = new ArrayList<>();
    files.forEach((p, t) -> tree.add(new TreeEntry(p, t.length(), null)));
    return ProfileBuilder.standard()
        .build(
            "bench:sample",
            "1.0",
            "1.0",
            tree,
            e -> {
              String t = files.get(e.path());
              if (t == null) {
                throw new FileNotFoundException(e.path());
              }
              return t.getBytes(StandardCharsets.UTF_8);
            },
            Instant.parse("2026-01-01T00:00:00Z"),
            () -> 0);
  }
}
