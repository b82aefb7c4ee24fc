package dev.attentive.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackContractsTest {

  @Test
  void feedbackSurvivesTheSerdeAndSaysWhatItMeans() {
    Feedback thumbsDown =
        new Feedback(
            Feedback.SCHEMA_VERSION,
            Feedback.outcomeId("o/r", 7, "abc", Feedback.Type.THUMBS_DOWN, "ann"),
            "o/r",
            7,
            Feedback.Type.THUMBS_DOWN,
            "abc",
            "model/add_not",
            "model",
            "v1",
            0.8,
            Suggestion.Kind.REPAIR,
            "A.java",
            12,
            99L,
            null,
            "ann",
            null,
            Instant.parse("2026-11-01T10:00:00Z"));
    var serde = EventSerdes.feedback();
    Feedback back =
        serde.deserializer().deserialize("t", serde.serializer().serialize("t", thumbsDown));
    assertThat(back).isEqualTo(thumbsDown);
    assertThat(back.id()).isEqualTo("o/r#7/abc/THUMBS_DOWN/ann");
    assertThat(back.type().verdict()).isEqualTo(Feedback.Verdict.REJECTED);
    assertThat(Feedback.Type.APPLIED.verdict()).isEqualTo(Feedback.Verdict.ACCEPTED);
    assertThat(Feedback.Type.REPLY.verdict()).isEqualTo(Feedback.Verdict.NEUTRAL);
    assertThat(Feedback.outcomeId("o/r", 7, "abc", Feedback.Type.APPLIED, "ann"))
        .isEqualTo("o/r#7/abc/APPLIED");
  }

  @Test
  void learningSilencesMutedAndIgnoredRulesOnly() {
    var stats = new RepositoryLearning.RuleStats(0, 4, 1, true, null, false, null);
    var learning =
        new RepositoryLearning(
            RepositoryLearning.SCHEMA_VERSION,
            "o/r",
            Map.of("style/indent", stats),
            Map.of("model/variable", "ann"),
            Map.of("add_not", 0.6),
            List.of(),
            null);
    assertThat(learning.silenced("style/indent")).isTrue();
    assertThat(learning.silenced("model/variable")).isTrue();
    assertThat(learning.silenced("tests/verified")).isFalse();
    assertThat(stats.acceptance()).isEqualTo(1.0 / 6.0);
    var serde = EventSerdes.repositoryLearning();
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", learning)))
        .isEqualTo(learning);
  }

  @Test
  void anIncrementTouchesOnlyTheLinesChangedSince() {
    var increment =
        new PullRequestDiffChunk.Increment(
            "abc", List.of(new LineRange(10, 12), new LineRange(40, 40)));
    assertThat(increment.touches(12, 14)).isTrue();
    assertThat(increment.touches(13, 39)).isFalse();
    assertThat(increment.touches(40, 40)).isTrue();
    assertThat(new PullRequestDiffChunk.Increment("abc", null).touches(1, 1000)).isFalse();
  }

  @Test
  void reviewActivityCutsLongRepliesAndReadsOldShapes() {
    var activity =
        new ReviewActivity(
            ReviewActivity.SCHEMA_VERSION,
            "d1",
            "o/r",
            3,
            1L,
            ReviewActivity.Type.REPLY,
            Instant.EPOCH,
            "bob",
            "User",
            5L,
            6L,
            "x".repeat(ReviewActivity.MAX_TEXT_CHARS + 10),
            null,
            null,
            null,
            null,
            false,
            false,
            null);
    assertThat(activity.text()).hasSize(ReviewActivity.MAX_TEXT_CHARS);
    var serde = EventSerdes.reviewActivity();
    assertThat(serde.deserializer().deserialize("t", serde.serializer().serialize("t", activity)))
        .isEqualTo(activity);
  }
}
