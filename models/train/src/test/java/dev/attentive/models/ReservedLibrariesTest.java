package dev.attentive.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.models.corpus.Library;
import dev.attentive.models.corpus.ReservedLibraries;
import dev.attentive.models.corpus.SourcesResolver;
import dev.attentive.models.data.DatasetBuilder;
import dev.attentive.models.mining.RepositoryList;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReservedLibrariesTest {

  @TempDir Path repo;

  @Test
  void everyReservedLibraryIsRefusedByGroupAndArtifact() {
    for (String ga :
        List.of(
            "org.apache.commons:commons-lang3",
            "commons-lang:commons-lang",
            "org.apache.commons:commons-math3",
            "commons-cli:commons-cli",
            "commons-codec:commons-codec",
            "org.apache.commons:commons-collections4",
            "org.apache.commons:commons-compress",
            "org.apache.commons:commons-csv",
            "commons-jxpath:commons-jxpath",
            "com.fasterxml.jackson.core:jackson-core",
            "com.fasterxml.jackson.core:jackson-databind",
            "com.fasterxml.jackson.dataformat:jackson-dataformat-xml",
            "com.google.code.gson:gson",
            "org.jsoup:jsoup",
            "joda-time:joda-time",
            "org.jfree:jfreechart",
            "com.google.javascript:closure-compiler",
            "org.mockito:mockito-core")) {
      String[] parts = ga.split(":");
      Library library = new Library(parts[0], parts[1], "1.0", Library.Split.TRAIN);
      assertThatThrownBy(() -> ReservedLibraries.refuseIfReserved(library))
          .isInstanceOf(ReservedLibraries.ReservedLibraryException.class)
          .hasMessageContaining(ga);
    }
  }

  @Test
  void theDatasetBuilderRefusesAListWithAReservedLibraryBeforeReadingAnything() {
    var builder = new DatasetBuilder(DatasetBuilder.Options.defaults(), new SourcesResolver(repo));
    List<Library> libraries =
        List.of(new Library("org.jsoup", "jsoup", "1.18.1", Library.Split.TEST));
    assertThatThrownBy(() -> builder.build(libraries))
        .isInstanceOf(ReservedLibraries.ReservedLibraryException.class)
        .hasMessageContaining("org.jsoup:jsoup is reserved");
  }

  @Test
  void aJarThatShadesAReservedLibraryIsRefused() throws Exception {
    Path jar =
        sourcesJar(
            "com.example",
            "fat",
            "1.0",
            List.of("com/example/Main.java", "com/example/shaded/com/google/gson/Gson.java"));
    var resolver = new SourcesResolver(repo);
    assertThatThrownBy(
            () ->
                resolver.sourcesJar(new Library("com.example", "fat", "1.0", Library.Split.TRAIN)))
        .isInstanceOf(ReservedLibraries.ReservedLibraryException.class)
        .hasMessageContaining("com/example/shaded/com/google/gson/Gson.java");
    assertThat(jar).exists();
  }

  @Test
  void aCleanJarIsAccepted() throws Exception {
    Path jar = sourcesJar("com.example", "clean", "1.0", List.of("com/example/Main.java"));
    assertThat(
            new SourcesResolver(repo)
                .sourcesJar(new Library("com.example", "clean", "1.0", Library.Split.TRAIN)))
        .isEqualTo(jar);
  }

  @Test
  void thePinnedCorpusHasAtLeastFiftyLibrariesNoneReservedAndSplitsShareNoProject()
      throws Exception {
    Path list = Path.of("corpus/libraries.txt");
    List<Library> libraries = Library.readList(list);
    assertThat(libraries).hasSizeGreaterThanOrEqualTo(50);
    assertThat(libraries).noneMatch(l -> ReservedLibraries.isReserved(l.groupId(), l.artifactId()));
    var trainGroups =
        libraries.stream()
            .filter(l -> l.split() == Library.Split.TRAIN)
            .map(Library::groupId)
            .toList();
    assertThat(
            libraries.stream().filter(l -> l.split() != Library.Split.TRAIN).map(Library::groupId))
        .doesNotContainAnyElementsOf(trainGroups);
  }

  private Path sourcesJar(String group, String artifact, String version, List<String> entries)
      throws Exception {
    Path jar =
        repo.resolve(group.replace('.', '/'))
            .resolve(artifact)
            .resolve(version)
            .resolve(artifact + "-" + version + "-sources.jar");
    Files.createDirectories(jar.getParent());
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write("class X {}".getBytes());
        zip.closeEntry();
      }
    }
    return jar;
  }

  @Test
  void reservedRepositoriesAndBenchmarksAreRefusedInAnySpelling() {
    for (String name :
        List.of(
            "apache/commons-lang",
            "FasterXML/jackson-databind",
            "https://github.com/google/gson.git",
            "git@github.com:jhy/jsoup.git",
            "https://github.com/mockito/mockito/",
            "rjust/defects4j",
            "jkoppel/QuixBugs",
            "bugs-dot-jar/wicket",
            "BugSwarm/bugswarm",
            "liuhuigmail/GrowingBugRepository")) {
      assertThat(ReservedLibraries.isReservedRepository(name)).as(name).isTrue();
      assertThatThrownBy(() -> ReservedLibraries.refuseIfReservedRepository(name))
          .isInstanceOf(ReservedLibraries.ReservedLibraryException.class);
    }
    assertThat(ReservedLibraries.isReservedRepository("apache/commons-io")).isFalse();
    assertThat(ReservedLibraries.isReservedRepository("apache/commons-lang-extras")).isFalse();
  }

  @Test
  void theRealFixRepositoryListHasNoReservedRepository() throws Exception {
    RepositoryList list =
        RepositoryList.read(
            java.nio.file.Path.of("corpus/real-fixes/repositories.txt").toAbsolutePath());
    assertThat(list.entries()).isNotEmpty();
    assertThat(list.entries())
        .allSatisfy(e -> assertThat(ReservedLibraries.isReservedRepository(e.name())).isFalse());
  }
}
