package dev.attentive.models.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.models.corpus.ReservedLibraries;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes between two tiny sources jars made here. */
class ReleaseChangesTest {

  @TempDir Path dir;

  private static final String LOOP =
      """
      package p;

      public class Loop {
        public int sum(int[] a, int n) {
          int s = 0;
          for (int i = 0; i <= n; i++) {
            s += a[i];
          }
          return s;
        }
      }
      """;

  private static final String MULTI =
      """
      package p;

      public class Multi {
        public int f(int x) {
          int y = x + 1;
          int z = y * 2;
          return z;
        }
      }
      """;

  private static final String DOC =
      """
      package p;

      public class Doc {
        public int g(int x) {
          // twice x
          return x * 2;
        }
      }
      """;

  private static final ReleaseChanges.Releases RELEASES =
      new ReleaseChanges.Releases("org.example", "lib", "1.0", "1.1");

  @Test
  void onlyTheSingleStatementChangeOfAFileInBothReleasesIsKept() throws Exception {
    Path older =
        jar(
            "lib-1.0-sources.jar",
            Map.of("p/Loop.java", LOOP, "p/Multi.java", MULTI, "p/Doc.java", DOC));
    Path newer =
        jar(
            "lib-1.1-sources.jar",
            Map.of(
                "p/Loop.java",
                LOOP.replace("i <= n", "i < n"),
                "p/Multi.java",
                MULTI.replace("x + 1", "x + 2").replace("y * 2", "y * 3"),
                "p/Doc.java",
                DOC.replace("// twice x", "// x doubled"),
                "p/New.java",
                "package p;\n\nclass New {\n  int n() {\n    return 1;\n  }\n}\n"));

    List<RealFix> found = new ArrayList<>();
    ReleaseChanges.Counts counts = ReleaseChanges.mine(RELEASES, older, newer, 300, 13, found::add);

    assertThat(counts).isEqualTo(new ReleaseChanges.Counts(3, 3, 1, 1));
    assertThat(found).hasSize(1);
    RealFix change = found.get(0);
    assertThat(change.source()).isEqualTo("org.example:lib");
    assertThat(change.commit()).isEqualTo("1.1");
    assertThat(change.parent()).isEqualTo("1.0");
    assertThat(change.path()).isEqualTo("p/Loop.java");
    assertThat(change.message()).isEmpty();
    assertThat(change.before()).isEqualTo(LOOP);
    assertThat(change.line()).isEqualTo(6);
    assertThat(change.statementLine()).isEqualTo(6);
    assertThat(change.removedLines()).isEqualTo(1);
    assertThat(change.removed()).containsExactly("    for (int i = 0; i <= n; i++) {");
    assertThat(change.added()).containsExactly("    for (int i = 0; i < n; i++) {");
  }

  @Test
  void eachSingleStatementEditOfAFileIsAChangeOfTheOlderFileAlone() throws Exception {
    String older = LOOP;
    String newer = older.replace("i <= n", "i < n").replace("return s;", "return -s;");
    List<RealFix> found = new ArrayList<>();
    ReleaseChanges.Counts counts =
        ReleaseChanges.mine(
            RELEASES,
            jar("a.jar", Map.of("p/Loop.java", older)),
            jar("b.jar", Map.of("p/Loop.java", newer)),
            300,
            13,
            found::add);

    assertThat(counts).isEqualTo(new ReleaseChanges.Counts(1, 2, 2, 2));
    assertThat(found).extracting(RealFix::line).containsExactly(6, 9);
    assertThat(found.get(0).after()).isEqualTo(older.replace("i <= n", "i < n"));
    assertThat(found.get(1).after()).isEqualTo(older.replace("return s;", "return -s;"));
  }

  @Test
  void aCapKeepsASeededChoice() throws Exception {
    String older = LOOP;
    String newer = older.replace("i <= n", "i < n").replace("return s;", "return -s;");
    Path a = jar("a.jar", Map.of("p/Loop.java", older));
    Path b = jar("b.jar", Map.of("p/Loop.java", newer));
    List<RealFix> first = new ArrayList<>();
    List<RealFix> again = new ArrayList<>();

    ReleaseChanges.Counts counts = ReleaseChanges.mine(RELEASES, a, b, 1, 7, first::add);
    ReleaseChanges.mine(RELEASES, a, b, 1, 7, again::add);

    assertThat(counts.singleStatement()).isEqualTo(2);
    assertThat(counts.kept()).isEqualTo(1);
    assertThat(first).hasSize(1).isEqualTo(again);
  }

  @Test
  void testsModuleAndPackageInfoAreNotCompared() throws Exception {
    Map<String, String> files =
        Map.of(
            "p/LoopTest.java", LOOP,
            "module-info.java", "module p {\n  exports p;\n}\n",
            "p/package-info.java", "/** P. */\npackage p;\n");
    Path older = jar("a.jar", files);
    Path newer =
        jar(
            "b.jar",
            Map.of(
                "p/LoopTest.java", LOOP.replace("i <= n", "i < n"),
                "module-info.java", "module p {\n  exports p;\n  exports q;\n}\n",
                "p/package-info.java", "/** Pee. */\npackage p;\n"));

    assertThat(ReleaseChanges.mine(RELEASES, older, newer, 300, 13, fix -> {}))
        .isEqualTo(new ReleaseChanges.Counts(0, 0, 0, 0));
  }

  @Test
  void aReservedLibraryIsRefusedBeforeAnythingIsRead() {
    ReleaseChanges.Releases gson =
        new ReleaseChanges.Releases("com.google.code.gson", "gson", "2.10", "2.10.1");
    Path missing = dir.resolve("never-read.jar");

    assertThatThrownBy(() -> ReleaseChanges.mine(gson, missing, missing, 300, 13, fix -> {}))
        .isInstanceOf(ReservedLibraries.ReservedLibraryException.class)
        .hasMessageContaining("com.google.code.gson:gson");
  }

  @Test
  void aJarShadingAReservedLibraryIsRefused() throws Exception {
    Path shading =
        jar(
            "a.jar",
            Map.of("x/shaded/com/google/gson/Gson.java", "package x.shaded.com.google.gson;\n"));

    assertThatThrownBy(() -> ReleaseChanges.mine(RELEASES, shading, shading, 300, 13, f -> {}))
        .isInstanceOf(ReservedLibraries.ReservedLibraryException.class)
        .hasMessageContaining("com/google/gson/");
  }

  private Path jar(String name, Map<String, String> files) throws IOException {
    Path jar = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      for (Map.Entry<String, String> file : new java.util.TreeMap<>(files).entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
