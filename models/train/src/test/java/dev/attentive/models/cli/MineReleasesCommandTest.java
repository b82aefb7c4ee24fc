package dev.attentive.models.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.corpus.Library;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command on jars made here: one file per library, a manifest line, and a resumed run. */
class MineReleasesCommandTest {

  @TempDir Path dir;

  private static final String LOOP =
      "package p;\n\nclass Loop {\n  int f(int n) {\n    int s = 0;\n"
          + "    for (int i = 0; i <= n; i++) {\n      s += i;\n    }\n    return s;\n  }\n}\n";

  @Test
  void minesEachLibraryOnceWithBothVersionsInTheManifest() throws Exception {
    Path older = jar("lib-1.0-sources.jar", LOOP);
    Path newer = jar("lib-1.1-sources.jar", LOOP.replace("i <= n", "i < n"));
    List<String> asked = new ArrayList<>();
    MineReleasesCommand command =
        new MineReleasesCommand(
            new MineReleasesCommand.Releases() {
              @Override
              public Optional<String> previous(Library library) {
                asked.add("previous " + library.version());
                return Optional.of("1.0");
              }

              @Override
              public Path sourcesJar(Library library) {
                asked.add("jar " + library.version());
                return library.version().equals("1.0") ? older : newer;
              }
            });
    Library lib = new Library("org.example", "lib", "1.1", Library.Split.TRAIN);
    Path out = dir.resolve("out");

    Map<String, String> licences = Map.of("org.example:lib", "Apache-2.0");

    command.mine(List.of(lib), licences, out, 300, 13);
    String manifest = Files.readString(out.resolve("manifest.txt"));
    command.mine(List.of(lib), licences, out, 300, 13);

    assertThat(out.resolve("org.example+lib.jsonl.gz")).exists();
    assertThat(manifest)
        .contains(
            "org.example:lib 1.0 1.1 files=1 hunks=1 single-statement=1 kept=1 cap=300 seed=13");
    assertThat(Files.readString(out.resolve("manifest.txt"))).isEqualTo(manifest);
    assertThat(asked)
        .as("the second run reads the older version from the manifest and resolves nothing")
        .containsExactly("previous 1.1", "jar 1.1", "jar 1.0");
  }

  @Test
  void aLibraryWithoutAPermissiveLicenceIsNotMined() throws Exception {
    Path out = dir.resolve("out");
    MineReleasesCommand command =
        new MineReleasesCommand(
            new MineReleasesCommand.Releases() {
              @Override
              public Optional<String> previous(Library library) {
                throw new AssertionError("asked for " + library);
              }

              @Override
              public Path sourcesJar(Library library) {
                throw new AssertionError("asked for " + library);
              }
            });
    List<Library> libraries =
        List.of(
            new Library("org.example", "copyleft", "2.0", Library.Split.TRAIN),
            new Library("org.example", "unlisted", "2.0", Library.Split.TRAIN));

    command.mine(libraries, Map.of("org.example:copyleft", "EPL-2.0"), out, 300, 13);

    assertThat(out.resolve("manifest.txt")).doesNotExist();
    assertThat(MineReleasesCommand.permissive("EPL-2.0 OR Apache-2.0")).isTrue();
    assertThat(MineReleasesCommand.permissive("MPL-2.0 OR EPL-1.0")).isFalse();
  }

  private Path jar(String name, String loop) throws IOException {
    Path jar = dir.resolve(name);
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new ZipEntry("p/Loop.java"));
      zip.write(loop.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return jar;
  }
}
