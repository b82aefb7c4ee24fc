package dev.attentive.models.mining;

import dev.attentive.models.corpus.ReservedLibraries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The repositories real fixes are mined from, one per line: {@code owner/name licence split}
 * (split: train, validation or test; the split is by repository, so no project is in two). A
 * reserved repository in the list is refused when the list is read.
 */
public record RepositoryList(List<Entry> entries) {

  public record Entry(String name, String licence, String split) {
    public String cloneUrl() {
      return "https://github.com/" + name + ".git";
    }

    /** The file name stem of this repository's mined fixes. */
    public String stem() {
      return name.replace('/', '+');
    }
  }

  public static RepositoryList read(Path file) throws IOException {
    List<Entry> entries = new ArrayList<>();
    int n = 0;
    for (String raw : Files.readAllLines(file)) {
      n++;
      String line = raw.replaceFirst("#.*", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\\s+");
      if (f.length != 3 || !f[0].matches("[\\w.-]+/[\\w.-]+")) {
        throw new IllegalArgumentException(
            file + ":" + n + ": expected 'owner/name licence split', got '" + raw + "'");
      }
      String split = f[2].toLowerCase(Locale.ROOT);
      if (!List.of("train", "validation", "test").contains(split)) {
        throw new IllegalArgumentException(
            file + ":" + n + ": split must be train, validation or test: " + f[2]);
      }
      ReservedLibraries.refuseIfReservedRepository(f[0]);
      entries.add(new Entry(f[0], f[1], split));
    }
    return new RepositoryList(entries);
  }
}
