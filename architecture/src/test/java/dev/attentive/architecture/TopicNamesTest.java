package dev.attentive.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Topics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Topic names are written once, in {@code events/} ({@link Topics}). Java code elsewhere refers to
 * the constants; configuration (Quarkus' list of topics to wait for, the Helm chart) may name
 * topics, but only ones that exist.
 */
class TopicNamesTest {

  /** What a topic name of ours looks like: {@code attentive.<name>.v<version>}. */
  static final Pattern TOPIC = Pattern.compile("attentive\\.[a-z0-9-]+\\.v[0-9]+\\b");

  private static final Pattern JAVA_LITERAL = Pattern.compile("\"" + TOPIC.pattern() + "\"");

  @Test
  void noJavaCodeOutsideEventsSpellsATopicName() throws IOException {
    List<String> found = new ArrayList<>();
    for (Path module : CompiledModules.modulesWithSources()) {
      if (module.getFileName().toString().equals("events")) {
        continue;
      }
      found.addAll(matches(module.resolve("src/main/java"), ".java", JAVA_LITERAL));
    }
    assertThat(found)
        .as("topic names written outside events/ (use dev.attentive.events.Topics)")
        .isEmpty();
  }

  @Test
  void configurationNamesOnlyTopicsThatExist() throws IOException {
    Set<String> known = Topics.ALL.stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
    Path root = CompiledModules.repositoryRoot();
    List<String> unknown = new ArrayList<>();
    int named = 0;
    for (String ext : List.of(".properties", ".yaml", ".yml")) {
      for (String hit : matches(root, ext, TOPIC)) {
        named++;
        String topic = hit.substring(hit.lastIndexOf(' ') + 1);
        if (!known.contains(topic)) {
          unknown.add(hit);
        }
      }
    }
    assertThat(named)
        .as("topic names found in configuration (the scan itself works)")
        .isGreaterThan(3);
    assertThat(unknown)
        .as("configuration naming topics that events/Topics does not define")
        .isEmpty();
  }

  @Test
  void theScanFindsATopicLiteral() {
    assertThat(JAVA_LITERAL.matcher("String t = \"attentive.reviews.v1\";").find()).isTrue();
    assertThat(JAVA_LITERAL.matcher("String t = Topics.REVIEWS;").find()).isFalse();
  }

  /**
   * "path:line topic" for each match in the files under dir ending with ext (build output left
   * out).
   */
  static List<String> matches(Path dir, String ext, Pattern pattern) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    List<String> hits = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(ext))
              .filter(
                  f ->
                      !f.toString().contains("/target/")
                          && !f.toString().contains("/.git/")
                          && !f.toString().contains("/node_modules/"))
              .toList()) {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = pattern.matcher(lines.get(i));
          while (m.find()) {
            hits.add(file + ":" + (i + 1) + " " + m.group().replace("\"", ""));
          }
        }
      }
    }
    return hits;
  }
}
