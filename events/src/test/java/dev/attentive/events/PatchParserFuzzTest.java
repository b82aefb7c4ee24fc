package dev.attentive.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * GitHub's patch format fuzzed (issue 16): whatever the text, {@link PatchParser#parse} returns
 * hunks or throws {@link PatchParser.PatchParseException} naming the hunk and line — never another
 * exception, never a hang.
 */
class PatchParserFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);

  @Property(tries = 200)
  void aWellFormedPatchParsesIntoItsHunksWithLfOrCrlf(@ForAll("patches") String patch) {
    List<Hunk> hunks = parse(patch);
    long headers = patch.lines().filter(l -> l.startsWith("@@")).count();
    assertThat(hunks).hasSize((int) headers);
    for (Hunk hunk : hunks) {
      long old = hunk.lines().stream().filter(l -> l.kind() != DiffLine.Kind.ADDED).count();
      long added = hunk.lines().stream().filter(l -> l.kind() != DiffLine.Kind.REMOVED).count();
      assertThat(old).isEqualTo(hunk.oldLines());
      assertThat(added).isEqualTo(hunk.newLines());
    }
    assertThat(parse(patch.replace("\n", "\r\n"))).isEqualTo(hunks);
  }

  @Property(tries = 500)
  void aMutatedPatchGivesHunksOrAClearError(
      @ForAll("patches") String patch, @ForAll Random random) {
    hunksOrClearError(mutate(patch, random));
  }

  @Property(tries = 300)
  void patchLikeTextGivesHunksOrAClearError(@ForAll("patchLikeText") String text) {
    hunksOrClearError(text);
  }

  @Property(tries = 300)
  void anyTextGivesHunksOrAClearError(@ForAll String text) {
    hunksOrClearError(text);
  }

  private static void hunksOrClearError(String text) {
    try {
      parse(text);
    } catch (PatchParser.PatchParseException e) {
      assertThat(e.getMessage()).matches("(?s)hunk \\d+, line \\d+: .+");
    }
  }

  private static List<Hunk> parse(String text) {
    return assertTimeoutPreemptively(LIMIT, () -> PatchParser.parse(text));
  }

  /** Hunks whose headers count exactly the lines below them. */
  @Provide
  static Arbitrary<String> patches() {
    Arbitrary<String> line =
        Combinators.combine(
                Arbitraries.of(" ", "+", "-"),
                Arbitraries.strings().all().ofMaxLength(30).map(s -> s.replaceAll("[\r\n]", "")))
            .as(String::concat);
    return line.list()
        .ofMinSize(1)
        .ofMaxSize(20)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(
            hunks -> {
              StringBuilder patch = new StringBuilder();
              int oldStart = 1;
              int newStart = 1;
              for (List<String> body : hunks) {
                long old = body.stream().filter(l -> !l.startsWith("+")).count();
                long added = body.stream().filter(l -> !l.startsWith("-")).count();
                patch.append(
                    "@@ -%d,%d +%d,%d @@ section%n".formatted(oldStart, old, newStart, added));
                body.forEach(l -> patch.append(l).append('\n'));
                oldStart += old + 3;
                newStart += added + 3;
              }
              return patch.toString();
            });
  }

  /** Strings over the characters that matter to the parser, so that the odd cases are reached. */
  @Provide
  static Arbitrary<String> patchLikeText() {
    return Arbitraries.strings().withChars("@@ -+,\\\n\r0123456789\u0000").ofMaxLength(200);
  }

  /**
   * One to three edits of the kinds real damage does: truncation, lines duplicated, removed or
   * swapped, wrong or huge numbers in a hunk header, NUL bytes, CRLF, odd unicode.
   */
  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      switch (random.nextInt(8)) {
        case 0 -> {
          String joined = String.join("\n", lines);
          lines =
              new ArrayList<>(
                  List.of(
                      joined.substring(0, random.nextInt(joined.length() + 1)).split("\n", -1)));
        }
        case 1 -> lines.add(at, lines.get(at));
        case 2 -> lines.remove(at);
        case 3 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
        case 4 ->
            lines.set(
                at, lines.get(at).replaceFirst("\\d+", NUMBERS[random.nextInt(NUMBERS.length)]));
        case 5 -> lines.set(at, insert(lines.get(at), "\u0000", random));
        case 6 -> lines.set(at, lines.get(at) + "\r");
        default -> lines.set(at, insert(lines.get(at), ODD[random.nextInt(ODD.length)], random));
      }
    }
    return String.join("\n", lines);
  }

  private static final String[] NUMBERS = {
    "0", "-1", "2147483647", "2147483648", "99999999999999999999", "", "1,1,1", "٣"
  };
  private static final String[] ODD = {
    "\uFEFF", "\u202E", "\uD83D\uDE00", "\uD800", "\r", "\t", "@@"
  };

  private static String insert(String line, String what, Random random) {
    int at = random.nextInt(line.length() + 1);
    return line.substring(0, at) + what + line.substring(at);
  }
}
