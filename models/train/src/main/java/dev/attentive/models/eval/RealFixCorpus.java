package dev.attentive.models.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attentive.models.mining.RealFix;
import dev.attentive.models.mining.RepositoryList;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** The committed real fixes of one split, read from {@code corpus/real-fixes/}. */
public final class RealFixCorpus {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RealFixCorpus() {}

  /** The fixes of the repositories {@code repositories.txt} puts in {@code split}, in its order. */
  public static List<RealFix> read(Path directory, String split) throws IOException {
    List<RealFix> fixes = new ArrayList<>();
    for (RepositoryList.Entry e :
        RepositoryList.read(directory.resolve("repositories.txt")).entries()) {
      Path file = directory.resolve(e.stem() + ".jsonl.gz");
      if (!e.split().equals(split) || !Files.isRegularFile(file)) {
        continue;
      }
      readFile(file, fixes);
    }
    return fixes;
  }

  /**
   * Every record of every {@code *.jsonl.gz} in {@code directory}, by file name (the release
   * changes: their directory holds the train split only).
   */
  public static List<RealFix> readAll(Path directory) throws IOException {
    List<RealFix> fixes = new ArrayList<>();
    try (java.util.stream.Stream<Path> files = Files.list(directory)) {
      for (Path file :
          files.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).sorted().toList()) {
        readFile(file, fixes);
      }
    }
    return fixes;
  }

  private static void readFile(Path file, List<RealFix> fixes) throws IOException {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) {
          fixes.add(JSON.readValue(line, RealFix.class));
        }
      }
    }
  }
}
