package dev.attentive.local;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Two consecutive releases of one library: the style benchmark learns from the older and reviews
 * the newer as a pull request.
 *
 * @param set {@code tune} (the rule authors may look at it) or {@code report} (never tuned on)
 */
record ReleasePair(String set, String group, String artifact, String older, String newer) {

  static final String TUNE = "tune";
  static final String REPORT = "report";

  /** The committed list, {@code style-bench/libraries.txt}. */
  static List<ReleasePair> standard() {
    try (InputStream in = ReleasePair.class.getResourceAsStream("/style-bench/libraries.txt")) {
      if (in == null) {
        throw new IllegalStateException("style-bench/libraries.txt is missing from the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Lines {@code SET GROUP:ARTIFACT:OLDER:NEWER}; blank lines and {@code #} comments skipped. */
  static List<ReleasePair> parse(String text) {
    List<ReleasePair> out = new ArrayList<>();
    for (String raw : text.lines().toList()) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] words = line.split("\\s+");
      String[] gav = words.length == 2 ? words[1].split(":") : new String[0];
      if (gav.length != 4 || !(words[0].equals(TUNE) || words[0].equals(REPORT))) {
        throw new IllegalArgumentException("not 'tune|report group:artifact:older:newer': " + line);
      }
      out.add(new ReleasePair(words[0], gav[0], gav[1], gav[2], gav[3]));
    }
    return List.copyOf(out);
  }

  /** {@code group:artifact}, the benchmark's name for the "repository". */
  String name() {
    return group + ":" + artifact;
  }

  @Override
  public String toString() {
    return name() + " " + older + " -> " + newer;
  }
}
