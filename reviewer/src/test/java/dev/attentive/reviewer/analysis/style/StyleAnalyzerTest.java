package dev.attentive.reviewer.analysis.style;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.attentive.events.FileStatus;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.Chunks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The style analyzer with real Checkstyle (google_checks.xml unless said otherwise) and real google-java-format, on a
 * modified class whose patch is in src/test/resources/analysis/Inventory.patch. What the pull request adds there:
 *
 * <pre>
 *   5  import java.util.*;                                   star import, out of order
 *  23  if(item == null){                                     no whitespace: google-java-format fixes it
 *  26  // Names are compared exactly: ... (116 characters)   google-java-format re-wraps the comment
 *  31  public void Do_Thing(String item) {                   bad method name
 *  33        items.trimToSize();                             indented 6 instead of 4
 *  38  return "The inventory is empty: ..."; (130 chars)     too long, and nothing for the formatter to do
 * </pre>
 *
 * and what it leaves alone: line 17 {@code Old_Count()} (bad name), line 18 (a 114-character line) and line 22
 * {@code has(String item){} (no whitespace before the brace), which is a context line of the second hunk.
 */
class StyleAnalyzerTest {

  static final String PATH = "src/main/java/com/acme/inventory/Inventory.java";
  static final String HEAD = Chunks.resource("Inventory.head.txt");
  static final String PATCH = Chunks.resource("Inventory.patch");
  static final String FORMATTED = "google-java-format would write these lines as suggested";

  /** A new file (status ADDED) for which ingest attached no content. */
  static final String COUNTER =
      """
      package com.acme.inventory;

      import java.util.*;

      /** Counts things. */
      public class Counter {
        private int count;

        /** Counts some more. */
        public void Do_Thing(int by){
          if(by > 0){ count += by; }
        }

        /** The count so far. */
        public int count() {
          return count;
        }
        /** Starts again. */
        public void reset() {
          count = 0;
        }
      }
      """;

  static final String COUNTER_PATH = "src/main/java/com/acme/inventory/Counter.java";

  static StyleAnalyzer google;

  @BeforeAll
  static void setUp() {
    google = new StyleAnalyzer(StyleConfig.defaults());
  }

  @AfterAll
  static void tearDown() {
    google = null;
  }

  static PullRequestDiffChunk inventory() {
    return Chunks.chunk(PATH, FileStatus.MODIFIED, PATCH, HEAD);
  }

  static Suggestion at(List<Suggestion> found, String ruleId, int line) {
    return found.stream()
        .filter(s -> s.ruleId().equals(ruleId) && s.startLine() == line)
        .findFirst()
        .orElseThrow(
            () -> new AssertionError("no " + ruleId + " at line " + line + " in " + found));
  }

  static String line(String content, int line) {
    return content.lines().skip(line - 1).findFirst().orElseThrow();
  }

  @Test
  void theFixtureIsWhatTheTestsSayItIs() {
    assertThat(ChangedLines.of(inventory()).lines())
        .containsExactly(5, 23, 24, 25, 26, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39);
    assertThat(line(HEAD, 38)).hasSize(130);
    assertThat(line(HEAD, 17)).isEqualTo("  public int Old_Count() {");
    assertThat(line(HEAD, 22)).isEqualTo("  public boolean has(String item){");
  }

  @Test
  void aModifiedClassGetsExactlyTheFindingsOnItsAddedLines() throws Exception {
    List<Suggestion> found = google.analyze(inventory());

    assertThat(found)
        .extracting(Suggestion::ruleId, Suggestion::startLine, Suggestion::endLine)
        .containsExactly(
            tuple("style/AvoidStarImport", 5, 5),
            tuple("style/CustomImportOrder", 5, 5),
            tuple("style/google-java-format", 23, 23),
            tuple("style/google-java-format", 26, 26),
            tuple("style/MethodName", 31, 31),
            tuple("style/google-java-format", 33, 33),
            tuple("style/LineLength", 38, 38));
    assertThat(found)
        .allSatisfy(
            s -> {
              assertThat(s.kind()).isEqualTo(Suggestion.Kind.STYLE);
              assertThat(s.path()).isEqualTo(PATH);
              assertThat(s.severity()).isEqualTo(Suggestion.Severity.WARNING);
            });
  }

  @Test
  void formatterSuggestionsCarryGoogleJavaFormatsTextAndFoldTheViolationsTheyFix()
      throws Exception {
    List<Suggestion> found = google.analyze(inventory());

    Suggestion ifLine = at(found, "style/google-java-format", 23);
    assertThat(ifLine.replacement()).isEqualTo("    if (item == null) {");
    assertThat(ifLine.message())
        .isEqualTo(
            FORMATTED
                + "\n- WhitespaceAround: 'if' is not followed by whitespace. "
                + "Empty blocks may only be represented as {} when not part of a multi-block statement (4.1.3)");
    assertThat(ifLine.confidence()).isEqualTo(0.95);

    Suggestion comment = at(found, "style/google-java-format", 26);
    assertThat(comment.replacement())
        .isEqualTo(
            """
            // Names are compared exactly: callers normalise case and whitespace before asking, so no
            // trimming happens here.\
        """);
    assertThat(comment.message())
        .isEqualTo(FORMATTED + "\n- LineLength: Line is longer than 100 characters (found 116).");

    Suggestion indent = at(found, "style/google-java-format", 33);
    assertThat(indent.replacement()).isEqualTo("    items.trimToSize();");
    assertThat(indent.message())
        .isEqualTo(
            FORMATTED
                + "\n- Indentation: 'method def' child has incorrect indentation level 6, expected level should be 4.");

    // Folded, so not reported on their own.
    assertThat(found)
        .extracting(Suggestion::ruleId)
        .doesNotContain("style/WhitespaceAround", "style/Indentation");
    assertThat(found)
        .filteredOn(s -> s.ruleId().equals("style/LineLength"))
        .extracting(Suggestion::startLine)
        .containsExactly(38);
  }

  @Test
  void checkstyleSuggestionsCarryCheckstylesMessageAndNoReplacement() throws Exception {
    List<Suggestion> found = google.analyze(inventory());

    Suggestion longLine = at(found, "style/LineLength", 38);
    assertThat(longLine.message()).isEqualTo("Line is longer than 100 characters (found 130).");
    assertThat(longLine.replacement()).isNull();
    assertThat(longLine.confidence()).isEqualTo(0.9);
    assertThat(at(found, "style/MethodName", 31).message())
        .startsWith("Method name 'Do_Thing' must match pattern");
    assertThat(at(found, "style/AvoidStarImport", 5).message())
        .isEqualTo("Using the '.*' form of import should be avoided - java.util.*.");
  }

  @Test
  void violationsOnLinesThePullRequestDidNotAddAreNotReported() throws Exception {
    List<Suggestion> found = google.analyze(inventory());
    ChangedLines added = ChangedLines.of(inventory());

    assertThat(found)
        .allSatisfy(s -> assertThat(added.containsAll(s.startLine(), s.endLine())).isTrue());
    assertThat(found).noneMatch(s -> s.startLine() <= 22 && s.endLine() >= 16);

    // The same file as a whole new file: the untouched lines do have findings, so the above is the
    // filtering.
    List<Suggestion> whole = google.analyze(Chunks.newFile(PATH, HEAD));
    assertThat(whole)
        .extracting(Suggestion::ruleId, Suggestion::startLine)
        .contains(
            tuple("style/MethodName", 17),
            tuple("style/google-java-format", 18),
            tuple("style/google-java-format", 22));
    assertThat(at(whole, "style/google-java-format", 18).message())
        .contains("- LineLength: Line is longer than 100 characters (found 114).");
  }

  @Test
  void aNewFileWithoutAttachedContentIsAnalyzedFromItsAddedLines() throws Exception {
    PullRequestDiffChunk chunk = Chunks.newFile(COUNTER_PATH, COUNTER);
    assertThat(chunk.newContent()).isNull();

    List<Suggestion> found = google.analyze(chunk);

    assertThat(found)
        .extracting(Suggestion::ruleId, Suggestion::startLine, Suggestion::endLine)
        .containsExactly(
            tuple("style/AvoidStarImport", 3, 3),
            tuple("style/google-java-format", 10, 11),
            tuple("style/google-java-format", 17, 17),
            tuple("style/EmptyLineSeparator", 19, 19));
    Suggestion method = at(found, "style/google-java-format", 10);
    assertThat(method.replacement())
        .isEqualTo(
            """
          public void Do_Thing(int by) {
            if (by > 0) {
              count += by;
            }\
        """);
    assertThat(method.message())
        .startsWith(FORMATTED + "\n- MethodName: Method name 'Do_Thing' must match")
        .contains("\n- WhitespaceAround: '{' is not preceded with whitespace.")
        .contains("\n- LeftCurlyEol: '{' at column 15 should have line break after.");
    // The missing blank line before reset(): the line before the gap, followed by an empty line.
    assertThat(at(found, "style/google-java-format", 17).replacement()).isEqualTo("  }\n");
  }

  @Test
  void fingerprintsSurviveUnrelatedLinesAbove() throws Exception {
    String header =
        "/*\n * Copyright 2025 Acme.\n * Licensed under the Apache License, Version 2.0.\n */\n\n";
    assertThat(header.lines()).hasSize(5);
    List<Suggestion> before = google.analyze(Chunks.newFile(COUNTER_PATH, COUNTER));
    List<Suggestion> after = google.analyze(Chunks.newFile(COUNTER_PATH, header + COUNTER));

    assertThat(before).isNotEmpty();
    assertThat(after)
        .extracting(
            Suggestion::ruleId,
            s -> s.startLine() - 5,
            s -> s.endLine() - 5,
            Suggestion::fingerprint,
            Suggestion::replacement)
        .containsExactlyElementsOf(
            before.stream()
                .map(
                    s ->
                        tuple(
                            s.ruleId(),
                            s.startLine(),
                            s.endLine(),
                            s.fingerprint(),
                            s.replacement()))
                .toList());
    Suggestion star = at(before, "style/AvoidStarImport", 3);
    assertThat(star.fingerprint())
        .isEqualTo(
            Suggestion.fingerprint(COUNTER_PATH, "style/AvoidStarImport", "import java.util.*;"));
    // Different findings, different fingerprints.
    assertThat(before).extracting(Suggestion::fingerprint).doesNotHaveDuplicates();
  }

  @Test
  void fingerprintsAreOverTheSuggestionsOwnLines() throws Exception {
    List<Suggestion> found = google.analyze(inventory());

    assertThat(found)
        .allSatisfy(
            s -> {
              String code =
                  String.join("\n", HEAD.lines().toList().subList(s.startLine() - 1, s.endLine()));
              assertThat(s.fingerprint()).isEqualTo(Suggestion.fingerprint(PATH, s.ruleId(), code));
            });
  }

  @Test
  void filesThatAreNotJavaAreLeftAlone() throws Exception {
    String kotlinPath = "src/main/kotlin/com/acme/Inventory.kt"; // Java text, but not a Java file
    PullRequestDiffChunk kotlin = Chunks.chunk(kotlinPath, FileStatus.MODIFIED, PATCH, HEAD);
    assertThat(kotlin.language()).isEqualTo("kotlin");
    PullRequestDiffChunk markdown =
        Chunks.newFile("README.md", "# Inventory\n\n" + "x".repeat(150) + "\n");

    assertThat(google.analyze(kotlin)).isEmpty();
    assertThat(google.analyze(markdown)).isEmpty();
  }

  @Test
  void aJavaFileWhoseContentCannotBeHadIsLeftAlone() throws Exception {
    PullRequestDiffChunk withoutContent = Chunks.chunk(PATH, FileStatus.MODIFIED, PATCH, null);

    assertThat(google.analyze(withoutContent)).isEmpty();
  }

  @Test
  void javaThatDoesNotParseGivesNoSuggestionsAndDoesNotThrow() throws Exception {
    String broken = "package com.acme;\n\npublic class Broken {\n  void f( {\n    int x = ;\n}\n";

    assertThat(google.analyze(Chunks.newFile("src/com/acme/Broken.java", broken))).isEmpty();
    // and the analyzer still works afterwards
    assertThat(google.analyze(inventory())).hasSize(7);
  }

  @Test
  void withoutTheFormatterTheViolationsItWouldHaveFoldedAreReportedOnTheirOwn() throws Exception {
    List<Suggestion> found =
        new StyleAnalyzer(new StyleConfig(StyleConfig.GOOGLE_CHECKS, false)).analyze(inventory());

    assertThat(found)
        .extracting(Suggestion::ruleId, Suggestion::startLine)
        .containsExactly(
            tuple("style/AvoidStarImport", 5),
            tuple("style/CustomImportOrder", 5),
            tuple("style/WhitespaceAround", 23),
            tuple("style/LineLength", 26),
            tuple("style/MethodName", 31),
            tuple("style/Indentation", 33),
            tuple("style/LineLength", 38));
    assertThat(found).allMatch(s -> s.replacement() == null);
  }

  @Test
  void aTeamsOwnConfigurationReplacesGoogleChecks() throws Exception {
    Path config =
        Path.of(StyleAnalyzerTest.class.getResource("/analysis/method-name-only.xml").toURI());
    StyleAnalyzer team = new StyleAnalyzer(new StyleConfig(config.toString(), true));

    List<Suggestion> found = team.analyze(inventory());

    assertThat(found)
        .extracting(Suggestion::ruleId, Suggestion::startLine)
        .containsExactly(
            tuple("style/google-java-format", 23),
            tuple("style/google-java-format", 26),
            tuple("style/MethodName", 31),
            tuple("style/google-java-format", 33));
    assertThat(at(found, "style/MethodName", 31).severity()).isEqualTo(Suggestion.Severity.ERROR);
    // No google_checks violation is folded into the formatter's suggestions either.
    assertThat(at(found, "style/google-java-format", 23).message()).isEqualTo(FORMATTED);
  }

  @Test
  void sunChecksIsBundledTooAndReportsErrors() throws Exception {
    List<Suggestion> found =
        new StyleAnalyzer(new StyleConfig(StyleConfig.SUN_CHECKS, false)).analyze(inventory());

    assertThat(found)
        .extracting(Suggestion::ruleId, Suggestion::startLine, Suggestion::severity)
        .contains(
            tuple("style/AvoidStarImport", 5, Suggestion.Severity.ERROR),
            tuple("style/MethodName", 31, Suggestion.Severity.ERROR));
    assertThat(found).allMatch(s -> s.severity() == Suggestion.Severity.ERROR);
  }

  @Test
  void aConfigurationThatDoesNotExistIsRejectedUpFront() {
    assertThatThrownBy(() -> new StyleAnalyzer(new StyleConfig("/no/such/checkstyle.xml", true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("/no/such/checkstyle.xml");
  }

  @Test
  void atMostOneSuggestionPerRuleAndLine() throws Exception {
    // Line 5 gets four WhitespaceAround violations (around each '=') and two MemberName ones from
    // Checkstyle.
    String source = "package a;\n\n/** A. */\npublic class A {\n  private int a=1, b=2;\n}\n";
    List<Suggestion> found =
        new StyleAnalyzer(new StyleConfig(null, false))
            .analyze(Chunks.newFile("src/a/A.java", source));

    assertThat(found)
        .extracting(Suggestion::ruleId, Suggestion::startLine)
        .containsExactly(
            tuple("style/MemberName", 5),
            tuple("style/MultipleVariableDeclarations", 5),
            tuple("style/WhitespaceAround", 5));
    assertThat(at(found, "style/MemberName", 5).message()).startsWith("Member name 'a' must match");
  }

  @Test
  void analyzeIsSafeFromSeveralThreads() throws Exception {
    List<PullRequestDiffChunk> chunks = List.of(inventory(), Chunks.newFile(COUNTER_PATH, COUNTER));
    List<List<Suggestion>> expected = new ArrayList<>();
    for (PullRequestDiffChunk chunk : chunks) {
      expected.add(google.analyze(chunk));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Boolean>> results = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        int which = i % chunks.size();
        results.add(
            pool.submit(() -> google.analyze(chunks.get(which)).equals(expected.get(which))));
      }
      for (Future<Boolean> result : results) {
        assertThat(result.get()).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aRepositoryFormattedTheAospWayGetsAospRewrites() throws Exception {
    String content = "package p;\n\nclass A {\n    int f(){ return 1; }\n}\n";
    PullRequestDiffChunk chunk =
        Chunks.chunk("src/p/A.java", FileStatus.ADDED, Chunks.newFilePatch(content), content);

    List<Suggestion> found = new StyleAnalyzer(StyleConfig.formatterOnly(true)).analyze(chunk);

    assertThat(found)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.ruleId()).isEqualTo("style/google-java-format");
              assertThat(s.message()).startsWith("google-java-format (AOSP) would write");
              assertThat(s.replacement()).isEqualTo("    int f() {\n        return 1;\n    }");
            });
  }
}
