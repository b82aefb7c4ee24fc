package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.Suggestion;
import dev.attentive.testkit.golden.Golden;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code attentive review} prints, as golden files in {@code src/test/resources/golden/cli/}:
 *
 * <ul>
 *   <li>{@code suggestions/}: {@code suggestions.json} (suggestions, notes and the {@code
 *       toolVersion} SARIF names) rendered by {@link SuggestionFormats} as {@code review.md},
 *       {@code review.json} and {@code review.sarif};
 *   <li>{@code patch/}: the whole command on {@code change.patch} against {@code checkout/} (whose
 *       files end in {@code .base}, so that no build or formatter takes them for sources; the
 *       suffix is dropped when the checkout is laid out), printing the same three files in each
 *       {@code --format}.
 * </ul>
 *
 * <p>Run with {@code -Dgolden.update=true} to rewrite the expected files after a deliberate change,
 * then read the change with {@code git diff}. See {@code golden/README.md}.
 */
class ReviewOutputGoldenTest {

  @TempDir Path tmp;

  @Test
  void suggestionsAsMarkdownJsonAndSarif() throws IOException {
    Golden golden = Golden.of("cli/suggestions");
    JsonNode input = EventJson.mapper().readTree(golden.read("suggestions.json"));
    List<Suggestion> suggestions =
        EventJson.mapper().convertValue(input.get("suggestions"), new TypeReference<>() {});
    List<String> notes =
        EventJson.mapper().convertValue(input.get("notes"), new TypeReference<>() {});

    golden.verify("review.md", SuggestionFormats.markdown(suggestions, notes));
    golden.verify("review.json", SuggestionFormats.json(suggestions, notes));
    golden.verify(
        "review.sarif", SuggestionFormats.sarif(suggestions, input.get("toolVersion").asText()));
  }

  @Test
  void theCommandOnAPatchInEachFormat() throws IOException {
    Golden golden = Golden.of("cli/patch");
    Path checkout = layOut(golden.directory().resolve("checkout"), tmp.resolve("checkout"));
    Path patch = Files.writeString(tmp.resolve("change.patch"), golden.read("change.patch"));

    for (String[] format :
        new String[][] {
          {"markdown", "review.md"}, {"json", "review.json"}, {"sarif", "review.sarif"}
        }) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      int code =
          ReviewCommand.run(
              new String[] {
                "--patch",
                patch.toString(),
                "--repo",
                checkout.toString(),
                "--format",
                format[0],
                // Google's rule set and formatter, as an operator enforces them on every repository
                "--analyzers",
                "style",
                "--checkstyle-config",
                "google_checks.xml",
                "--formatter"
              },
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(err, true, StandardCharsets.UTF_8));

      assertThat(err.toString(StandardCharsets.UTF_8)).as(format[0] + " errors").isEmpty();
      assertThat(code).as(format[0] + " exit code").isZero();
      golden.verify(format[1], out.toString(StandardCharsets.UTF_8));
    }
  }

  /** Copies the case's checkout, dropping the {@code .base} suffix of each file. */
  static Path layOut(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = from.relativize(file).toString().replaceFirst("\\.base$", "");
        Path target = to.resolve(relative);
        Files.createDirectories(target.getParent());
        Files.copy(file, target);
      }
    }
    return to;
  }
}
