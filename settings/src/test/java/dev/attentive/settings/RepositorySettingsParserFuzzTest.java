package dev.attentive.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.attentive.events.AttentionProgram;
import dev.attentive.events.RepositorySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@code .attentive.yml} fuzzed (issue 16): the parser never throws; whatever the text, it returns
 * settings within their documented bounds, with what was wrong in {@code problems()}.
 */
class RepositorySettingsParserFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  private static final String VALID =
      """
      version: 1
      analyzers: [style, tests]
      style:
        checkstyle: config/checkstyle.xml
        formatter: false
      ignore: ["docs/**", "*.sql"]
      review:
        maxComments: 10
        minConfidence: 0.8
      tests:
        execute: true
      model:
        attention: {"version": 1, "rules": [{"tokens": "added", "bias": 1.0}]}
      """;

  @Property(tries = 300)
  void anyTextGivesBoundedSettings(@ForAll("yamlLike") String text) {
    bounded(parse(text));
  }

  @Property(tries = 400)
  void aMutatedFileGivesBoundedSettings(@ForAll Random random) {
    bounded(parse(mutate(VALID, random)));
  }

  @Property(tries = 30)
  void nestingAliasesAndSizeAreBounded(@ForAll("hostile") String text) {
    bounded(parse(text));
  }

  /** YAML's {@code .nan} never reaches the model: the YAML reader refuses it as a number. */
  @Test
  void aNanBiasNeverReachesTheModel() {
    RepositorySettings settings =
        parse(
            """
            model:
              attention: {version: 1, rules: [{tokens: added, bias: .nan}]}
            """);
    assertThat(settings.modelAttention()).isNull();
    assertThat(settings.problems()).singleElement().asString().contains("not valid YAML");
  }

  private static RepositorySettings parse(String text) {
    return assertTimeoutPreemptively(
        LIMIT, () -> RepositorySettingsParser.parse(text, "fuzz@0000000"));
  }

  private static void bounded(RepositorySettings s) {
    assertThat(s.version()).isEqualTo(RepositorySettings.VERSION);
    assertThat(s.source()).isEqualTo("fuzz@0000000");
    assertThat(s.problems()).allSatisfy(p -> assertThat(p).startsWith("`.attentive.yml`"));
    if (s.analyzers() != null) {
      assertThat(RepositorySettings.KNOWN_ANALYZERS).containsAll(s.analyzers());
    }
    assertThat(s.ignore()).hasSizeLessThanOrEqualTo(RepositorySettingsParser.MAX_IGNORE_PATTERNS);
    if (s.maxComments() != null) {
      assertThat(s.maxComments()).isBetween(1, RepositorySettings.MAX_COMMENTS_LIMIT);
    }
    if (s.minConfidence() != null) {
      assertThat(s.minConfidence()).isBetween(0.0, 1.0);
    }
    if (s.checkstyle() != null) {
      assertThat(s.checkstyle()).doesNotContain("..", "\\", "://");
    }
    if (s.modelAttention() != null) {
      AttentionProgram program = AttentionProgram.fromJson(s.modelAttention());
      program.rules().forEach(r -> assertThat(r.bias()).isBetween(-8f, 8f));
    }
  }

  @Provide
  static Arbitrary<String> yamlLike() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.strings().withChars("abc:-[]{}&*!|>'\"#\n \t.01%@`,?").ofMaxLength(200),
        Arbitraries.of(
            "version: 1\nreview: {minConfidence: .nan}",
            "review: {maxComments: 99999999999999999999999}",
            "model: {attention: {version: 1, rules: [{tokens: all, bias: .inf}]}}",
            "ignore: !!binary aGVsbG8=",
            "version: !!float 1",
            "analyzers: [*a]",
            "%YAML 9.9\n---\n",
            "--- 1\n--- 2\n",
            "? [a, b]\n: c",
            "\u0000: \u0000"));
  }

  /** Deep nesting, anchor/alias expansion ("billion laughs"), huge documents. */
  @Provide
  static Arbitrary<String> hostile() {
    Arbitrary<String> nesting =
        Arbitraries.integers()
            .between(10, 5000)
            .map(n -> "model:\n  attention: " + "[".repeat(n) + "]".repeat(n));
    Arbitrary<String> mappings =
        Arbitraries.integers()
            .between(10, 3000)
            .map(
                n -> {
                  StringBuilder b = new StringBuilder();
                  for (int i = 0; i < n; i++) {
                    b.append("  ".repeat(i % 200)).append("k").append(i).append(":\n");
                  }
                  return b.toString();
                });
    Arbitrary<String> laughs =
        Arbitraries.integers()
            .between(3, 12)
            .map(
                levels -> {
                  StringBuilder b =
                      new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
                  for (int i = 1; i <= levels; i++) {
                    b.append("a").append(i).append(": &a").append(i).append(" [");
                    b.append(String.join(", ", java.util.Collections.nCopies(9, "*a" + (i - 1))));
                    b.append("]\n");
                  }
                  return b.append("ignore: *a").append(levels).append('\n').toString();
                });
    Arbitrary<String> huge =
        Arbitraries.integers()
            .between(1, 3)
            .map(k -> "ignore:\n" + "  - \"src/**/*.java\"\n".repeat(k * 3000));
    return Arbitraries.oneOf(nesting, mappings, laughs, huge);
  }

  /** One to three edits: lines truncated, duplicated, removed, re-indented, NUL, CRLF, unicode. */
  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 1 -> lines.add(at, line);
        case 2 -> lines.remove(at);
        case 3 -> lines.set(at, " ".repeat(random.nextInt(5)) + line.strip());
        case 4 -> lines.set(at, line + "\u0000");
        case 5 -> lines.set(at, line + "\r");
        case 6 ->
            lines.set(
                at,
                line.replaceFirst(
                    "\\d+(\\.\\d+)?", ODD_NUMBERS[random.nextInt(ODD_NUMBERS.length)]));
        default -> lines.set(at, line.replaceFirst(": ", ": &x ") + "\n" + "alias: *x");
      }
    }
    return String.join("\n", lines);
  }

  private static final String[] ODD_NUMBERS = {
    "-1", "0", ".nan", "-.inf", "1e400", "99999999999999999999", "0x7fffffff", "\"10\"", "~", "[]"
  };
}
