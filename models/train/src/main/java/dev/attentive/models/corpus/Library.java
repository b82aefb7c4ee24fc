package dev.attentive.models.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One pinned Maven Central artifact of the corpus and the split its windows go to. */
public record Library(String groupId, String artifactId, String version, Split split) {

  public enum Split {
    TRAIN,
    VALIDATION,
    TEST
  }

  public String coordinates() {
    return groupId + ":" + artifactId + ":" + version;
  }

  public String groupArtifact() {
    return groupId + ":" + artifactId;
  }

  /** Parses {@code group:artifact:version split} lines; {@code #} starts a comment. */
  public static List<Library> readList(Path file) throws IOException {
    List<Library> libraries = new ArrayList<>();
    int lineNumber = 0;
    for (String raw : Files.readAllLines(file)) {
      lineNumber++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      String[] gav = words[0].split(":");
      if (words.length != 2 || gav.length != 3) {
        throw new IllegalArgumentException(
            file
                + ":"
                + lineNumber
                + ": expected 'groupId:artifactId:version split', got '"
                + line
                + "'");
      }
      libraries.add(new Library(gav[0], gav[1], gav[2], Split.valueOf(words[1].toUpperCase())));
    }
    return libraries;
  }
}
