package dev.attentive.conventions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.attentive.events.Convention;
import dev.attentive.events.ProfileSample;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.StyleTools;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The conventions module fuzzed (issue 16): {@link JavaSource}, its lexical view and structure,
 * every rule's observe and check, and the {@link ConventionChecker} never throw on any text, and
 * return within a bounded time.
 */
class ConventionsFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(10);
  private static final String JAVA = resource("/layout/Constructs.java.txt");

  /** Every convention learned from a real file, each made enforced so that every rule checks. */
  private static final RepositoryProfile PROFILE = profile();

  @Property(tries = 200)
  void aMutatedJavaFileIsReadAndCheckedWithoutThrowing(@ForAll Random random) {
    readAndCheck(mutate(JAVA, random), random);
  }

  @Property(tries = 200)
  void javaTokenSoupIsReadAndCheckedWithoutThrowing(
      @ForAll("tokenSoup") String text, @ForAll Random random) {
    readAndCheck(text, random);
  }

  @Property(tries = 100)
  void anyTextIsReadAndCheckedWithoutThrowing(@ForAll String text, @ForAll Random random) {
    readAndCheck(text, random);
  }

  private static void readAndCheck(String text, Random random) {
    assertTimeoutPreemptively(
        LIMIT,
        () -> {
          JavaSource source = JavaSource.of("src/main/java/A.java", text);
          source.generated();
          source.crlf();
          source.syntax();
          JavaLines lexical = source.lexical();
          Structure structure = lexical.structure();
          structure.clean();
          structure.braces();
          structure.cuddles();
          for (int n = 1; n <= source.lineCount(); n++) {
            source.line(n);
            lexical.line(n);
            structure.shape(n);
            structure.verbatim(n);
          }
          Changes changes = changes(source.lineCount(), text, random);
          for (ConventionRule rule : Rules.all()) {
            Tally tally = new Tally();
            tally.startFile(source.path());
            rule.observe(source, tally);
            rule.conclude(tally);
            PROFILE.convention(rule.id()).ifPresent(c -> rule.check(source, c, PROFILE, changes));
          }
          assertThat(ConventionChecker.standard().check(PROFILE, source.path(), text, changes))
              .allSatisfy(d -> assertThat(d.startLine()).isBetween(1, source.lineCount()));
        });
  }

  /** Some lines added (all, most of the time), and a few removed lines' text. */
  private static Changes changes(int lines, String text, Random random) {
    TreeSet<Integer> added = new TreeSet<>();
    IntStream.rangeClosed(1, lines).filter(i -> random.nextInt(4) != 0).forEach(added::add);
    List<String> removed = text.lines().filter(l -> random.nextInt(8) == 0).toList();
    return new Changes(added, removed);
  }

  @Provide
  static Arbitrary<String> tokenSoup() {
    return Arbitraries.of(
            "class A",
            "interface I",
            "record R(int x)",
            "enum E",
            "@interface N",
            "{",
            "}",
            "(",
            ")",
            ";",
            "\n",
            "\r\n",
            "\r",
            "  ",
            "\t",
            "//",
            "/*",
            "*/",
            "/**",
            "\"",
            "'",
            "\"\"\"",
            "\\",
            "\\u000a",
            "\\u007B",
            "@Override",
            "@A(",
            "if (x)",
            "else",
            "try",
            "catch (E e)",
            "finally",
            "switch (x)",
            "case 1 ->",
            "default:",
            "->",
            "import a.*;",
            "import static a.B.c;",
            "package p;",
            "public",
            "static",
            "final",
            "sealed",
            "non-sealed",
            "var",
            "x",
            "y = 1",
            "+",
            ",",
            "<T extends A<B>>",
            "\u0000",
            "\uFEFF",
            "\uD83D\uDE00",
            "\uD800",
            "@Generated",
            "// @generated",
            "lambda -> {")
        .list()
        .ofMaxSize(300)
        .map(tokens -> String.join(" ", tokens));
  }

  /** One to four line edits: truncated, duplicated, removed, swapped, re-indented, NUL, CR. */
  static String mutate(String text, Random random) {
    List<String> lines = new ArrayList<>(text.lines().toList());
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !lines.isEmpty(); e++) {
      int at = random.nextInt(lines.size());
      String line = lines.get(at);
      switch (random.nextInt(8)) {
        case 0 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
        case 1 -> lines.add(at, line);
        case 2 -> lines.remove(at);
        case 3 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
        case 4 ->
            lines.set(
                at, "\t".repeat(random.nextInt(3)) + " ".repeat(random.nextInt(9)) + line.strip());
        case 5 -> lines.set(at, line + "\u0000");
        case 6 -> lines.set(at, line + "\r");
        default -> lines.set(at, line + (random.nextBoolean() ? " /* " : " \"\"\""));
      }
    }
    return String.join(random.nextInt(5) == 0 ? "\r\n" : "\n", lines);
  }

  private static RepositoryProfile profile() {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      files.add(new SourceFile("src/F" + i + ".java", JAVA));
    }
    List<Convention> enforced =
        ProfileLearner.standard().learn(files).conventions().stream()
            .filter(c -> c.value() != null)
            .map(
                c ->
                    new Convention(
                        c.ruleId(),
                        c.value(),
                        c.follows(),
                        c.breaks(),
                        c.files(),
                        true,
                        c.evidence()))
            .toList();
    assertThat(enforced).hasSizeGreaterThan(10);
    return new RepositoryProfile(
        RepositoryProfile.SCHEMA_VERSION,
        "octo/repo",
        "main",
        "abc",
        Instant.parse("2026-11-30T00:00:00Z"),
        new ProfileSample(30, 30, 0, 1000, 1000, 0),
        enforced,
        StyleTools.NONE,
        List.of());
  }

  private static String resource(String name) {
    try (InputStream in = ConventionsFuzzTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
