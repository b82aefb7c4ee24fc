package dev.attentive.models.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.corpus.Library;
import dev.attentive.models.corpus.PreviousRelease;
import dev.attentive.models.corpus.ReservedLibraries;
import dev.attentive.models.corpus.SourcesResolver;
import dev.attentive.models.mining.RealFix;
import dev.attentive.models.mining.ReleaseChanges;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Mines single-statement changes between each listed library's pinned release and the release
 * before it, one gzipped JSON-lines file per library plus a manifest line with both versions and
 * the counts; a library already mined with the same two versions is skipped, so an interrupted run
 * resumes. The release before is the manifest's when it names the same pinned version, so a rebuild
 * compares exactly the same releases.
 */
final class MineReleasesCommand implements Command {

  static final Path OUT = Path.of("models/train/corpus/release-changes");
  static final String MANIFEST = "manifest.txt";

  /** Each library's licence ({@code group:artifact SPDX-expression}), committed with the corpus. */
  static final Path LICENCES = OUT.resolve("licences.txt");

  /**
   * Licences whose code may be committed in the corpus; an {@code OR} expression qualifies when one
   * of its choices does.
   */
  static final Set<String> PERMISSIVE =
      Set.of("Apache-2.0", "MIT", "BSD-2-Clause", "BSD-3-Clause", "HSQLDB");

  /** Where the older version and the sources jars come from (Maven Central, or a test's jars). */
  interface Releases {
    Optional<String> previous(Library library) throws IOException, InterruptedException;

    Path sourcesJar(Library library) throws IOException, InterruptedException;
  }

  private final Releases releases;

  MineReleasesCommand() {
    this(
        new Releases() {
          private final SourcesResolver resolver = SourcesResolver.fromEnvironment();

          @Override
          public Optional<String> previous(Library library)
              throws IOException, InterruptedException {
            return PreviousRelease.of(library);
          }

          @Override
          public Path sourcesJar(Library library) throws IOException, InterruptedException {
            return resolver.sourcesJar(library);
          }
        });
  }

  MineReleasesCommand(Releases releases) {
    this.releases = releases;
  }

  @Override
  public String name() {
    return "mine-releases";
  }

  @Override
  public String usage() {
    return "mine-releases [--libraries "
        + ModelPaths.LIBRARIES
        + "] [--split train] [--out "
        + OUT
        + "] [--licences "
        + LICENCES
        + "] [--cap 300] [--seed 13]";
  }

  @Override
  public void run(Options options) throws Exception {
    // Validation and test libraries stay out of real-code training unless asked for by name.
    Library.Split split =
        Library.Split.valueOf(options.get("split", "train").toUpperCase(Locale.ROOT));
    List<Library> libraries =
        Library.readList(options.path("libraries", ModelPaths.LIBRARIES)).stream()
            .filter(l -> l.split() == split)
            .toList();
    mine(
        libraries,
        readLicences(options.path("licences", LICENCES)),
        options.path("out", OUT),
        options.integer("cap", 300),
        options.integer("seed", 13));
  }

  void mine(List<Library> libraries, Map<String, String> licences, Path out, int cap, long seed)
      throws Exception {
    Files.createDirectories(out);
    Path manifestFile = out.resolve(MANIFEST);
    Map<String, String> manifest = readManifest(manifestFile);
    ObjectMapper json = new ObjectMapper();
    for (Library library : libraries) {
      if (ReservedLibraries.isReserved(library.groupId(), library.artifactId())) {
        System.out.printf("%-55s reserved: never mined%n", library.groupArtifact());
        continue;
      }
      // The corpus is committed: only code under a permissive licence goes in.
      String licence = licences.getOrDefault(library.groupArtifact(), "");
      if (!permissive(licence)) {
        System.out.printf(
            "%-55s licence %s is not a permissive one: not mined%n",
            library.groupArtifact(), licence.isEmpty() ? "(not listed)" : licence);
        continue;
      }
      String[] recorded = manifest.getOrDefault(library.groupArtifact(), "").split("\\s+");
      boolean sameNewer = recorded.length >= 3 && recorded[2].equals(library.version());
      Optional<String> older = sameNewer ? Optional.of(recorded[1]) : releases.previous(library);
      if (older.isEmpty()) {
        System.out.printf(
            "%-55s no release before %s%n", library.groupArtifact(), library.version());
        continue;
      }
      ReleaseChanges.Releases pair =
          new ReleaseChanges.Releases(
              library.groupId(), library.artifactId(), older.get(), library.version());
      Path file = out.resolve(pair.stem() + ".jsonl.gz");
      if (sameNewer && Files.exists(file)) {
        System.out.printf(
            "%-55s already mined: %s -> %s%n", pair.source(), pair.older(), pair.newer());
        continue;
      }
      Path olderJar;
      Path newerJar;
      try {
        newerJar = releases.sourcesJar(library);
        olderJar =
            releases.sourcesJar(
                new Library(library.groupId(), library.artifactId(), older.get(), library.split()));
      } catch (IOException e) {
        System.out.printf("%-55s %s%n", pair.source(), e.getMessage());
        continue;
      }
      long start = System.nanoTime();
      Path part = out.resolve(pair.stem() + ".jsonl.gz.part");
      ReleaseChanges.Counts counts;
      try (BufferedWriter w =
          new BufferedWriter(
              new OutputStreamWriter(
                  new GZIPOutputStream(Files.newOutputStream(part)), StandardCharsets.UTF_8))) {
        counts =
            ReleaseChanges.mine(
                pair,
                olderJar,
                newerJar,
                cap,
                seed,
                (RealFix change) -> {
                  try {
                    w.write(json.writeValueAsString(change));
                    w.write('\n');
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (ReservedLibraries.ReservedLibraryException e) {
        Files.deleteIfExists(part);
        System.out.printf("%-55s %s%n", pair.source(), e.getMessage());
        continue;
      }
      Files.move(part, file, StandardCopyOption.REPLACE_EXISTING);
      manifest.put(
          pair.source(),
          String.format(
              "%s %s %s files=%d hunks=%d single-statement=%d kept=%d cap=%d seed=%d",
              pair.source(),
              pair.older(),
              pair.newer(),
              counts.filesCompared(),
              counts.hunks(),
              counts.singleStatement(),
              counts.kept(),
              cap,
              seed));
      writeManifest(manifestFile, manifest);
      System.out.printf(
          "%-55s %s -> %s: %,d files compared, %,d hunks, %,d single-statement, %,d kept (%.0f s)%n",
          pair.source(),
          pair.older(),
          pair.newer(),
          counts.filesCompared(),
          counts.hunks(),
          counts.singleStatement(),
          counts.kept(),
          (System.nanoTime() - start) / 1e9);
    }
  }

  static boolean permissive(String licence) {
    return Arrays.stream(licence.split("\\s+OR\\s+")).anyMatch(PERMISSIVE::contains);
  }

  /** {@code group:artifact licence} lines; {@code #} starts a comment. */
  static Map<String, String> readLicences(Path file) throws IOException {
    Map<String, String> licences = new LinkedHashMap<>();
    for (String raw : Files.readAllLines(file)) {
      String line = raw.replaceFirst("#.*", "").strip();
      if (!line.isEmpty()) {
        String[] words = line.split("\\s+", 2);
        licences.put(words[0], words.length > 1 ? words[1].strip() : "");
      }
    }
    return licences;
  }

  /** The manifest's lines by {@code group:artifact}, in file order. */
  static Map<String, String> readManifest(Path file) throws IOException {
    Map<String, String> lines = new LinkedHashMap<>();
    if (Files.exists(file)) {
      for (String line : Files.readAllLines(file)) {
        if (!line.isBlank() && !line.startsWith("#")) {
          lines.put(line.split("\\s+")[0], line.strip());
        }
      }
    }
    return lines;
  }

  private static void writeManifest(Path file, Map<String, String> lines) throws IOException {
    List<String> out = new ArrayList<>();
    out.add("# group:artifact older newer counts (bin/attentive model mine-releases)");
    out.addAll(lines.values());
    Files.write(file, out);
  }
}
