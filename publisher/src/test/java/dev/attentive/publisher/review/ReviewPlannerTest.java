package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.ANCHORS;
import static dev.attentive.publisher.review.Fixtures.PATH;
import static dev.attentive.publisher.review.Fixtures.at;
import static dev.attentive.publisher.review.Fixtures.review;
import static dev.attentive.publisher.review.Fixtures.suggestion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.LineRange;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Severity;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReviewPlannerTest {

  @Test
  void aSuggestionIsAnchoredOnlyWhenItsWholeRangeLiesInOneRange() {
    assertThat(ReviewPlanner.anchored(suggestion(1, 10, Severity.INFO, 0.5, "a"), ANCHORS))
        .isTrue();
    assertThat(ReviewPlanner.anchored(suggestion(20, 20, Severity.INFO, 0.5, "a"), ANCHORS))
        .isTrue();
    assertThat(ReviewPlanner.anchored(suggestion(25, 25, Severity.INFO, 0.5, "a"), ANCHORS))
        .isTrue();
    // past the end of a hunk, between hunks, across two hunks
    assertThat(ReviewPlanner.anchored(suggestion(9, 11, Severity.INFO, 0.5, "a"), ANCHORS))
        .isFalse();
    assertThat(ReviewPlanner.anchored(suggestion(11, 11, Severity.INFO, 0.5, "a"), ANCHORS))
        .isFalse();
    assertThat(ReviewPlanner.anchored(suggestion(10, 20, Severity.INFO, 0.5, "a"), ANCHORS))
        .isFalse();
    assertThat(ReviewPlanner.anchored(suggestion(5, 22, Severity.INFO, 0.5, "a"), ANCHORS))
        .isFalse();
    assertThat(ReviewPlanner.anchored(suggestion(26, 26, Severity.INFO, 0.5, "a"), ANCHORS))
        .isFalse();
    // a file without anchors (not in the diff, or no patch)
    Suggestion other =
        new Suggestion(
            Suggestion.Kind.TEST, "B.java", 1, 1, Severity.INFO, 0.5, "m", null, "t/r", "f");
    assertThat(ReviewPlanner.anchored(other, ANCHORS)).isFalse();
    assertThat(ReviewPlanner.anchored(other, Map.of("B.java", List.of()))).isFalse();
    // adjacent ranges are still two hunks
    assertThat(
            ReviewPlanner.anchored(
                suggestion(3, 4, Severity.INFO, 0.5, "a"),
                Map.of(PATH, List.of(new LineRange(1, 3), new LineRange(4, 6)))))
        .isFalse();
  }

  @Test
  void ordersBySeverityThenConfidenceAndCapsTheInlineComments() {
    List<Suggestion> suggestions =
        List.of(
            suggestion(1, 1, Severity.INFO, 0.99, "info"),
            suggestion(2, 2, Severity.WARNING, 0.6, "warn-60"),
            suggestion(3, 3, Severity.ERROR, 0.1, "error"),
            suggestion(4, 4, Severity.WARNING, 0.9, "warn-90"),
            suggestion(15, 15, Severity.ERROR, 0.9, "outside"));

    ReviewPlan plan = new ReviewPlanner(2).plan(review("d", suggestions), Set.of());

    assertThat(plan.inline())
        .extracting(Suggestion::fingerprint)
        .containsExactly("error", "warn-90");
    assertThat(plan.summary())
        .extracting(l -> l.suggestion().fingerprint(), ReviewPlan.Listed::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("outside", ReviewPlan.Why.OUTSIDE_DIFF),
            org.assertj.core.groups.Tuple.tuple("warn-60", ReviewPlan.Why.OVER_LIMIT),
            org.assertj.core.groups.Tuple.tuple("info", ReviewPlan.Why.OVER_LIMIT));
    assertThat(plan.all())
        .extracting(Suggestion::fingerprint)
        .containsExactly("error", "warn-90", "outside", "warn-60", "info");
    assertThat(plan.repeats()).isZero();
    assertThat(plan.duplicates()).isZero();
  }

  @Test
  void dropsFingerprintsAlreadyPostedAndDuplicatesKeepingTheMostSevere() {
    List<Suggestion> suggestions =
        List.of(
            at(1, "old"),
            suggestion(2, 2, Severity.INFO, 0.5, "twice"),
            suggestion(3, 3, Severity.ERROR, 0.5, "twice"),
            at(4, "new"),
            at(5, "old"));

    ReviewPlan plan =
        new ReviewPlanner(25).plan(review("d", suggestions), Set.of("old", "unrelated"));

    assertThat(plan.inline())
        .extracting(Suggestion::fingerprint, Suggestion::startLine)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("twice", 3),
            org.assertj.core.groups.Tuple.tuple("new", 4));
    assertThat(plan.summary()).isEmpty();
    assertThat(plan.repeats()).isEqualTo(2);
    assertThat(plan.duplicates()).isEqualTo(1);
  }

  @Test
  void nothingNewIsAnEmptyPlanAndAZeroCapPutsEverythingInTheSummary() {
    assertThat(
            new ReviewPlanner(25)
                .plan(review("d", List.of(at(1, "a"), at(2, "b"))), Set.of("a", "b"))
                .isEmpty())
        .isTrue();
    assertThat(new ReviewPlanner(25).plan(review("d", List.of()), Set.of()).isEmpty()).isTrue();

    ReviewPlan none = new ReviewPlanner(0).plan(review("d", List.of(at(1, "a"))), Set.of());
    assertThat(none.inline()).isEmpty();
    assertThat(none.summary())
        .extracting(ReviewPlan.Listed::why)
        .containsExactly(ReviewPlan.Why.OVER_LIMIT);
    assertThatThrownBy(() -> new ReviewPlanner(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void allInSummaryKeepsTheOrderAndMarksTheRefusedOnes() {
    ReviewPlan plan =
        new ReviewPlanner(1)
            .plan(review("d", List.of(at(1, "a"), at(2, "b"), at(15, "c"))), Set.of());
    ReviewPlan fallback = plan.allInSummary();
    assertThat(fallback.inline()).isEmpty();
    assertThat(fallback.summary())
        .extracting(l -> l.suggestion().fingerprint(), ReviewPlan.Listed::why)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", ReviewPlan.Why.REFUSED_INLINE),
            org.assertj.core.groups.Tuple.tuple("b", ReviewPlan.Why.OVER_LIMIT),
            org.assertj.core.groups.Tuple.tuple("c", ReviewPlan.Why.OUTSIDE_DIFF));
  }
}
