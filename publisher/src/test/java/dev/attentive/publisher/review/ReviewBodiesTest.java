package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.MARKERS;
import static dev.attentive.publisher.review.Fixtures.PATH;
import static dev.attentive.publisher.review.Fixtures.at;
import static dev.attentive.publisher.review.Fixtures.review;
import static dev.attentive.publisher.review.SignedMarkers.unsigned;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ReviewBodiesTest {

  final ReviewBodies bodies = new ReviewBodies(65_536, 25, MARKERS);

  static Suggestion with(String message, String replacement) {
    return new Suggestion(
        Kind.REPAIR,
        PATH,
        3,
        4,
        Severity.ERROR,
        0.9,
        message,
        replacement,
        "repair/NullCheck",
        "0123456789abcdef0123");
  }

  @Test
  void aCommentHasKindRuleSeverityMessageSuggestionBlockAndTheMarkerLast() {
    assertThat(
            unsigned(
                bodies.comment(with("`x` may be null here.", "if (x != null) {\n  x.run();\n}\n"))))
        .isEqualTo(
            """
        **REPAIR** · `repair/NullCheck` · ERROR

        `x` may be null here.

        ```suggestion
        if (x != null) {
          x.run();
        }
        ```

        <!-- attentive:fp=0123456789abcdef0123 -->""");
    assertThat(unsigned(bodies.comment(with("No fix offered.", null))))
        .isEqualTo(
            """
        **REPAIR** · `repair/NullCheck` · ERROR

        No fix offered.

        <!-- attentive:fp=0123456789abcdef0123 -->""");
  }

  @Test
  void suggestionBlocksDeleteWithAnEmptyBlockAndOutFenceBackticks() {
    assertThat(ReviewBodies.suggestionBlock("")).isEqualTo("```suggestion\n```");
    assertThat(ReviewBodies.suggestionBlock("a\n")).isEqualTo("```suggestion\na\n```");
    assertThat(ReviewBodies.suggestionBlock("  // ```java\n  // ````"))
        .isEqualTo("`````suggestion\n  // ```java\n  // ````\n`````");
  }

  @Test
  void messagesCannotHideTextOrFakeMarkers() {
    String body =
        bodies.comment(
            with("Fine <!-- attentive:fp=fake --> really", "// <!-- attentive:fp=code -->"));
    assertThat(body).contains("Fine &lt;!-- attentive:fp=fake --> really");
    assertThat(MARKERS.fingerprints(body)).containsExactly("code", "0123456789abcdef0123");
    assertThat(MARKERS.trailingFingerprint(body)).hasValue("0123456789abcdef0123");
  }

  @Test
  void aLongMessageIsCutToTheLimitKeepingTheSuggestionAndTheMarker() {
    ReviewBodies small = new ReviewBodies(2_000, 25, MARKERS);
    String body = small.comment(with("m".repeat(5_000), "fixed();"));
    assertThat(body).hasSize(2_000);
    assertThat(unsigned(body))
        .startsWith("**REPAIR** · `repair/NullCheck` · ERROR\n\nmmm")
        .endsWith(
            "m…\n\n```suggestion\nfixed();\n```\n\n_(Truncated: GitHub limits a comment to 2,000 characters.)_"
                + "\n\n<!-- attentive:fp=0123456789abcdef0123 -->");
  }

  @Test
  void aReplacementTooLongForTheLimitIsLeftOutRatherThanCut() {
    ReviewBodies small = new ReviewBodies(2_000, 25, MARKERS);
    String body = small.comment(with("Reformat.", "r".repeat(3_000)));
    assertThat(unsigned(body))
        .isEqualTo(
            "**REPAIR** · `repair/NullCheck` · ERROR\n\nReformat.\n\n_(Truncated: GitHub limits a "
                + "comment to 2,000 characters; the suggested replacement did not fit.)_\n\n"
                + "<!-- attentive:fp=0123456789abcdef0123 -->");
  }

  @Test
  void cuttingNeverSplitsASurrogatePair() {
    String text = "ab\uD83D\uDE00cd"; // a, b, 😀 (two chars), c, d
    assertThat(ReviewBodies.cut(text, 4)).isEqualTo("ab…");
    assertThat(ReviewBodies.cut(text, 5)).isEqualTo("ab\uD83D\uDE00…");
    assertThat(ReviewBodies.cut(text, 6)).isEqualTo(text);
    assertThat(ReviewBodies.cut(text, 1)).isEqualTo("…");
  }

  @Test
  void theSummaryCountsByKindListsWhatIsNotInlineAndEndsWithTheDeliveryMarker() {
    Suggestion outside =
        new Suggestion(
            Kind.TEST,
            "src/B.java",
            7,
            9,
            Severity.WARNING,
            0.7,
            "Add a test\nfor the empty case.",
            null,
            "test/Missing",
            "fp-b");
    Review review =
        review(
            "delivery-1",
            List.of(at(1, "fp-a"), outside, at(2, "fp-old"), at(3, "fp-old2")),
            List.of("skipped logo.png: binary file", "analyzer repair failed on src/C.java"));
    ReviewPlan plan = new ReviewPlanner(25).plan(review, Set.of("fp-old", "fp-old2"));

    ReviewBodies.Summary summary = bodies.summary(review, plan);

    assertThat(unsigned(summary.body()))
        .isEqualTo(
            """
        ### Attentive reviewed 2 files at `abcdef0`

        **2 new suggestions**: REPAIR 0 · STYLE 1 · TEST 1 — 1 inline, 1 listed below.
        2 suggestions were already posted on this pull request and are not repeated.

        #### Not commented inline
        - `src/B.java:7-9` **TEST** `test/Missing` (WARNING): Add a test for the empty case. — not on lines of the \
        diff <!-- attentive:fp=fp-b -->

        #### Notes
        - skipped logo.png: binary file
        - analyzer repair failed on src/C.java

        <!-- attentive:delivery=delivery-1 -->""");
    assertThat(summary.listedFingerprints()).containsExactly("fp-b");
  }

  @Test
  void singularForms() {
    Review review =
        new Review(
            Review.SCHEMA_VERSION,
            "d",
            "o/r",
            1,
            "b",
            "abc",
            null,
            "t",
            1,
            List.of(at(1, "a"), at(2, "b")),
            Fixtures.ANCHORS,
            List.of(),
            java.time.Instant.EPOCH);
    ReviewBodies.Summary summary =
        bodies.summary(review, new ReviewPlanner(25).plan(review, Set.of("b")));
    assertThat(unsigned(summary.body()))
        .isEqualTo(
            """
        ### Attentive reviewed 1 file at `abc`

        **1 new suggestion**: REPAIR 0 · STYLE 1 · TEST 0 — 1 inline, 0 listed below.
        1 suggestion was already posted on this pull request and is not repeated.

        <!-- attentive:delivery=d -->""");
  }

  @Test
  void aSummaryOverTheLimitListsWhatFitsAndSaysHowManyMoreThereAre() {
    ReviewBodies small = new ReviewBodies(3_000, 0, MARKERS);
    List<Suggestion> many = new ArrayList<>();
    IntStream.range(0, 100).forEach(i -> many.add(at(i % 10 + 1, "fp-" + i)));
    Review review = review("d-many", many, List.of("one note", "another note"));

    ReviewBodies.Summary summary =
        small.summary(review, new ReviewPlanner(0).plan(review, Set.of()));

    String body = summary.body();
    assertThat(body.length()).isLessThanOrEqualTo(3_000);
    long shown = body.lines().filter(l -> l.startsWith("- `")).count();
    assertThat(shown).isBetween(10L, 99L);
    assertThat(summary.listedFingerprints()).hasSize((int) shown);
    assertThat(MARKERS.fingerprints(body)).containsExactlyElementsOf(summary.listedFingerprints());
    assertThat(unsigned(body))
        .contains(
            "\n- … and "
                + (100 - shown)
                + " more, not shown: GitHub limits a review body to "
                + "3,000 characters.\n\n#### Notes\n- one note\n- another note\n\n<!-- attentive:delivery=d-many -->");
  }

  @Test
  void longNotesAndMessagesStayOneLineOfAtMostAThousandCharacters() {
    Review review =
        review(
            "d",
            List.of(
                new Suggestion(
                    Kind.STYLE,
                    "X.java",
                    1,
                    1,
                    Severity.INFO,
                    0.5,
                    "z".repeat(2_000),
                    null,
                    "s/r",
                    "fp-x")),
            List.of("n".repeat(2_000) + "\nsecond line"));
    String body = bodies.summary(review, new ReviewPlanner(25).plan(review, Set.of())).body();
    assertThat(unsigned(body))
        .contains(
            "(INFO): "
                + "z".repeat(999)
                + "… — not on lines of the diff <!-- attentive:fp=fp-x -->");
    assertThat(unsigned(body))
        .contains("\n- " + "n".repeat(999) + "…\n\n<!-- attentive:delivery=d -->");
  }

  @Test
  void theLimitMustBeGitHubsOrLess() {
    assertThatThrownBy(() -> new ReviewBodies(65_537, 25, MARKERS))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ReviewBodies(100, 25, MARKERS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
