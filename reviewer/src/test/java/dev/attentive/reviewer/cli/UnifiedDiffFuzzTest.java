package dev.attentive.reviewer.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.attentive.events.Hunk;
import dev.attentive.events.PatchParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;

/**
 * {@code git diff} / {@code diff -ruN} input fuzzed (issue 16): {@link UnifiedDiff#parse} and
 * {@link PatchApplier} give a result or a {@link UnifiedDiff.DiffException} with a message — never
 * another exception, never a hang, never a path outside the checkout.
 */
class UnifiedDiffFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static Path repo;

  @BeforeContainer
  static void checkout() throws IOException {
    repo = Files.createTempDirectory("attentive-fuzz-repo");
    Files.writeString(repo.resolve("A.java"), "class A {}\n");
  }

  @AfterContainer
  static void removeCheckout() throws IOException {
    try (Stream<Path> files = Files.walk(repo)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Property(tries = 200)
  void aWellFormedDiffParsesIntoItsFiles(@ForAll("diffs") Diff diff) throws Exception {
    List<UnifiedDiff.FilePatch> files = assertTimeoutPreemptively(LIMIT, () -> parse(diff.text()));
    assertThat(files).extracting(UnifiedDiff.FilePatch::path).isEqualTo(diff.paths());
  }

  @Property(tries = 400)
  void aMutatedDiffGivesFilesOrAClearError(@ForAll("diffs") Diff diff, @ForAll Random random) {
    filesOrClearError(mutate(diff.text(), random));
  }

  @Property(tries = 300)
  void anyTextGivesFilesOrAClearError(@ForAll("diffLikeText") String text) {
    filesOrClearError(text);
  }

  @Property(tries = 400)
  void applyingAnyParsedPatchGivesAHeadVersionOrAClearError(
      @ForAll("hunkTexts") String patch, @ForAll("baseLines") List<String> base) {
    List<Hunk> hunks;
    try {
      hunks = PatchParser.parse(patch);
    } catch (PatchParser.PatchParseException e) {
      return;
    }
    String current = base.isEmpty() ? "" : String.join("\n", base) + "\n";
    clearError(() -> PatchApplier.headVersion("A.java", current, hunks));
  }

  @Property(tries = 300)
  void aNamedPathIsInsideTheCheckoutOrRefused(@ForAll("paths") String path) {
    try {
      Path file = PatchApplier.inCheckout(repo, path);
      assertThat(file.normalize().startsWith(repo.toAbsolutePath().normalize())).isTrue();
    } catch (UnifiedDiff.DiffException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  /** Found by the property applying patches: a hunk at old line 0 read line -1 of the file. */
  @Test
  void aHunkAtLineZeroIsAClearError() {
    List<Hunk> hunks = PatchParser.parse("@@ -0,1 +0,1 @@\n-a\n+b\n");

    assertThatThrownBy(() -> PatchApplier.headVersion("A.java", "a\n", hunks))
        .isInstanceOf(UnifiedDiff.DiffException.class)
        .hasMessageContaining("line 0 should be 'a' but is before the start of the file");
  }

  /**
   * Found by the property applying patches: a pure insertion past the end copied lines that do not
   * exist.
   */
  @Test
  void anInsertionPastTheEndIsAClearError() {
    List<Hunk> hunks = PatchParser.parse("@@ -5,0 +6,1 @@\n+x\n");

    assertThatThrownBy(() -> PatchApplier.headVersion("A.java", "a\n", hunks))
        .isInstanceOf(UnifiedDiff.DiffException.class)
        .hasMessageContaining("past the end of the file");
  }

  private static void filesOrClearError(String text) {
    clearError(() -> parse(text));
  }

  private interface Call {
    Object call() throws UnifiedDiff.DiffException;
  }

  private static void clearError(Call call) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          try {
            call.call();
          } catch (UnifiedDiff.DiffException e) {
            assertThat(e.getMessage()).isNotBlank();
          }
        });
  }

  private static List<UnifiedDiff.FilePatch> parse(String text) throws UnifiedDiff.DiffException {
    return UnifiedDiff.parse(text);
  }

  /** A generated multi-file git diff and the paths it names, in order. */
  record Diff(String text, List<String> paths, String firstPatch) {}

  @Provide
  static Arbitrary<Diff> diffs() {
    Arbitrary<String> path =
        Arbitraries.strings()
            .withCharRange('a', 'z')
            .ofMinLength(1)
            .ofMaxLength(8)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(parts -> String.join("/", parts) + ".java");
    Arbitrary<String> line =
        Combinators.combine(
                Arbitraries.of(" ", "+", "-"),
                Arbitraries.strings().ofMaxLength(30).map(s -> s.replaceAll("[\r\n]", "")))
            .as(String::concat);
    Arbitrary<String> patch =
        line.list()
            .ofMinSize(1)
            .ofMaxSize(12)
            .list()
            .ofMinSize(1)
            .ofMaxSize(3)
            .map(UnifiedDiffFuzzTest::patch);
    return Combinators.combine(path, patch)
        .as((p, h) -> List.of(p, h))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .uniqueElements(pair -> pair.get(0))
        .map(
            files -> {
              StringBuilder text =
                  new StringBuilder("From 1234 Mon Sep 17 00:00:00 2001\nSubject: x\n\n");
              for (List<String> f : files) {
                String p = f.get(0);
                text.append(
                        "diff --git a/%s b/%s%nindex 1111111..2222222 100644%n--- a/%s%n+++ b/%s%n"
                            .formatted(p, p, p, p))
                    .append(f.get(1));
              }
              return new Diff(
                  text.append("-- \n2.43.0\n").toString(),
                  files.stream().map(f -> f.get(0)).toList(),
                  files.get(0).get(1));
            });
  }

  private static String patch(List<List<String>> hunks) {
    StringBuilder patch = new StringBuilder();
    int oldStart = 1;
    int newStart = 1;
    for (List<String> body : hunks) {
      long old = body.stream().filter(l -> !l.startsWith("+")).count();
      long added = body.stream().filter(l -> !l.startsWith("-")).count();
      patch.append("@@ -%d,%d +%d,%d @@%n".formatted(oldStart, old, newStart, added));
      body.forEach(l -> patch.append(l).append('\n'));
      oldStart += old + 2;
      newStart += added + 2;
    }
    return patch.toString();
  }

  @Provide
  static Arbitrary<String> diffLikeText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(200),
        Arbitraries.of(
                "diff --git a/x b/x\n",
                "diff -ruN a/x b/x\n",
                "--- a/x\n",
                "+++ b/x\n",
                "--- \n",
                "+++ \n",
                "--- /dev/null\n",
                "+++ /dev/null\n",
                "@@ -1 +1 @@\n",
                "@@ -0,0 +1 @@\n",
                "rename from y\n",
                "rename to \n",
                "new file mode 100644\n",
                "deleted file mode 100644\n",
                "Binary files a and b differ\n",
                " x\n",
                "+x\n",
                "-x\n",
                "\\ No newline at end of file\n",
                "-- \n",
                "\u0000",
                "\r\n",
                "diff --git \n")
            .list()
            .ofMaxSize(40)
            .map(l -> String.join("", l)));
  }

  /** Few distinct line texts, so that hunks often match the file they are applied to. */
  @Provide
  static Arbitrary<List<String>> baseLines() {
    return Arbitraries.of("a", "b", "c", "").list().ofMaxSize(6);
  }

  /** Hunks at odd places (line 0, past the end, at the int limit) over the same few texts. */
  @Provide
  static Arbitrary<String> hunkTexts() {
    Arbitrary<String> line =
        Combinators.combine(Arbitraries.of(" ", "+", "-"), Arbitraries.of("a", "b", "c", ""))
            .as(String::concat);
    Arbitrary<Integer> start = Arbitraries.of(0, 1, 2, 3, 4, 7, Integer.MAX_VALUE);
    Arbitrary<String> hunk =
        Combinators.combine(start, start, line.list().ofMaxSize(5))
            .as(
                (oldStart, newStart, body) -> {
                  long old = body.stream().filter(l -> !l.startsWith("+")).count();
                  long added = body.stream().filter(l -> !l.startsWith("-")).count();
                  StringBuilder text =
                      new StringBuilder(
                          "@@ -%d,%d +%d,%d @@\n".formatted(oldStart, old, newStart, added));
                  body.forEach(l -> text.append(l).append('\n'));
                  return text.toString();
                });
    return hunk.list().ofMinSize(1).ofMaxSize(3).map(h -> String.join("", h));
  }

  @Provide
  static Arbitrary<String> paths() {
    return Arbitraries.of(
            "A.java",
            "..",
            "../",
            "/",
            "/etc/passwd",
            "a/../../b",
            "./A.java",
            "a//b",
            "\u0000",
            "C:\\x",
            "~",
            "a\\..\\..\\b",
            "%2e%2e/x",
            "\uD800",
            " ",
            "")
        .list()
        .ofMinSize(1)
        .ofMaxSize(5)
        .map(parts -> String.join("/", parts));
  }

  /** One to three edits: truncation, lines duplicated/removed/swapped, odd numbers, NUL, CR. */
  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 1 -> lines.add(at, line);
        case 2 -> lines.remove(at);
        case 3 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
        case 4 -> lines.set(at, line.replaceFirst("\\d+", NUMBERS[random.nextInt(NUMBERS.length)]));
        case 5 -> lines.set(at, line + "\u0000");
        case 6 -> lines.set(at, line + "\r");
        default -> lines.set(at, line.replace("a/", "a/../../"));
      }
    }
    return String.join("\n", lines);
  }

  private static final String[] NUMBERS = {
    "0", "2147483647", "2147483648", "99999999999999999999", "1000000", ""
  };
}
