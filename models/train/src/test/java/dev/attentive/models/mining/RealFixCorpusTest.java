package dev.attentive.models.mining;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * The committed real-fix corpus: its frozen test set unchanged, its splits apart, its records
 * whole.
 */
class RealFixCorpusTest {

  private static final Path DIR = Path.of("corpus/real-fixes");

  @Test
  void theFrozenTestSetIsUnchanged() throws Exception {
    List<String> lines = Files.readAllLines(DIR.resolve("test-set.sha256"));
    String listed =
        lines.stream()
            .filter(l -> !l.startsWith("#"))
            .map(l -> l + "\n")
            .collect(Collectors.joining());
    String declared =
        lines.stream()
            .filter(l -> l.startsWith("# Hash of the lines below: "))
            .findFirst()
            .orElseThrow()
            .substring("# Hash of the lines below: ".length());
    assertThat(sha256(listed.getBytes(StandardCharsets.UTF_8))).isEqualTo(declared);

    Set<String> testFiles =
        RepositoryList.read(DIR.resolve("repositories.txt")).entries().stream()
            .filter(e -> e.split().equals("test"))
            .map(e -> e.stem() + ".jsonl.gz")
            .collect(Collectors.toSet());
    Map<String, String> frozen = new HashMap<>();
    for (String line : listed.split("\n")) {
      String[] f = line.split("\\s+");
      frozen.put(f[1], f[0]);
    }
    assertThat(frozen.keySet()).as("every test repository is frozen").isEqualTo(testFiles);
    for (Map.Entry<String, String> e : frozen.entrySet()) {
      assertThat(sha256(decompressed(DIR.resolve(e.getKey()))))
          .as(e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void eachRepositoryIsInOneSplitAndEveryFileIsListed() throws Exception {
    List<RepositoryList.Entry> entries =
        RepositoryList.read(DIR.resolve("repositories.txt")).entries();
    Set<String> names = new HashSet<>();
    for (RepositoryList.Entry e : entries) {
      assertThat(names.add(e.name().toLowerCase())).as("listed once: " + e.name()).isTrue();
    }
    Set<String> stems =
        entries.stream().map(RepositoryList.Entry::stem).collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(DIR)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".jsonl.gz"))
                  .map(n -> n.substring(0, n.length() - ".jsonl.gz".length())))
          .allSatisfy(stem -> assertThat(stems).contains(stem));
    }
  }

  @Test
  void everyRecordRebuildsItsFixedFileAndComesFromItsRepository() throws Exception {
    ObjectMapper json = new ObjectMapper();
    int records = 0;
    for (RepositoryList.Entry e : RepositoryList.read(DIR.resolve("repositories.txt")).entries()) {
      Path file = DIR.resolve(e.stem() + ".jsonl.gz");
      if (!Files.exists(file)) {
        continue;
      }
      for (String line : new String(decompressed(file), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        RealFix fix = json.readValue(line, RealFix.class);
        records++;
        assertThat(fix.source()).isEqualTo(e.name());
        assertThat(fix.commit()).matches("[0-9a-f]{40}");
        assertThat(fix.removedLines()).isBetween(0, FixMiner.MAX_EDIT_LINES);
        assertThat(fix.added().size()).isBetween(0, FixMiner.MAX_EDIT_LINES);
        assertThat(fix.removed()).isNotEqualTo(fix.added());
        assertThat(fix.after()).isNotEqualTo(fix.before());
      }
    }
    assertThat(records).isGreaterThanOrEqualTo(500);
  }

  private static byte[] decompressed(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
      return in.readAllBytes();
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
