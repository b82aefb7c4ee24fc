package dev.attentive.publisher.learning;

import static dev.attentive.publisher.learning.FeedbackFixtures.REPO;
import static dev.attentive.publisher.learning.FeedbackFixtures.T0;
import static dev.attentive.publisher.learning.FeedbackFixtures.command;
import static dev.attentive.publisher.learning.FeedbackFixtures.outcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attentive.events.Feedback;
import dev.attentive.events.Feedback.Type;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnerTest {

  static final String RULE = "style/AvoidStarImport";
  static final Learner LEARNER = new Learner(3, 0.20, 0.02, 0.05, Map.of("add_not", 0.53));

  static RepositoryLearning fold(RepositoryLearning learning, Feedback... feedback) {
    for (Feedback f : feedback) {
      learning = LEARNER.fold(learning, f, T0).orElse(learning);
    }
    return learning;
  }

  @Test
  void countsEachOutcomeByItsVerdict() {
    RepositoryLearning learning =
        fold(
            null,
            outcome(RULE, Type.APPLIED, 1),
            outcome(RULE, Type.THUMBS_DOWN, 2),
            outcome(RULE, Type.REPLY, 3),
            outcome(RULE, Type.FIXED_OTHERWISE, 4));
    RuleStats stats = learning.rules().get(RULE);
    assertThat(stats.accepted()).isEqualTo(2);
    assertThat(stats.rejected()).isEqualTo(1);
    assertThat(stats.neutral()).isEqualTo(1);
    assertThat(stats.muted()).isFalse();
    assertThat(learning.repository()).isEqualTo(REPO);
    assertThat(learning.feedbackIds()).hasSize(4);
  }

  @Test
  void aRedeliveredFeedbackCountsOnceAndChangesNothing() {
    Feedback down = outcome(RULE, Type.THUMBS_DOWN, 1);
    RepositoryLearning once = fold(null, down);
    assertThat(LEARNER.fold(once, down, T0)).isEmpty();
    assertThat(once.rules().get(RULE).rejected()).isEqualTo(1);
  }

  @Test
  void theBarMutesAfterEnoughRejectionsWithLowAcceptance() {
    // 3 rejections, no acceptance: Beta mean 1/5 = 0.20, not below the bar yet
    RepositoryLearning three =
        fold(
            null,
            outcome(RULE, Type.THUMBS_DOWN, 1),
            outcome(RULE, Type.RESOLVED_WITHOUT_CHANGE, 2),
            outcome(RULE, Type.IGNORED, 3));
    assertThat(three.rules().get(RULE).acceptance()).isCloseTo(0.20, within(1e-9));
    assertThat(three.silenced(RULE)).isFalse();

    RepositoryLearning four = fold(three, outcome(RULE, Type.THUMBS_DOWN, 4));
    RuleStats stats = four.rules().get(RULE);
    assertThat(stats.muted()).isTrue();
    assertThat(stats.announced()).isFalse();
    assertThat(stats.mutedAt()).isEqualTo(outcome(RULE, Type.THUMBS_DOWN, 4).at());
    assertThat(four.silenced(RULE)).isTrue();

    // an acceptance later does not lift the mute: only the team's unignore does
    RepositoryLearning later = fold(four, outcome(RULE, Type.THUMBS_UP, 5));
    assertThat(later.silenced(RULE)).isTrue();
    assertThat(later.rules().get(RULE).mutedAt()).isEqualTo(stats.mutedAt());
  }

  @Test
  void acceptedRulesAreNotMutedHoweverOftenRejected() {
    RepositoryLearning learning = null;
    for (int i = 0; i < 5; i++) {
      learning = fold(learning, outcome(RULE, Type.THUMBS_DOWN, 2 * i));
      learning = fold(learning, outcome(RULE, Type.APPLIED, 2 * i + 1));
    }
    assertThat(learning.rules().get(RULE).rejected()).isEqualTo(5);
    assertThat(learning.silenced(RULE)).isFalse();
  }

  @Test
  void muteAnnouncedIsRemembered() {
    RepositoryLearning muted = fold(null, rejections(RULE, 4));
    Instant mutedAt = muted.rules().get(RULE).mutedAt();
    RepositoryLearning announced =
        fold(muted, command(RULE, Type.MUTE_ANNOUNCED, MuteAnnouncements.id(REPO, RULE, mutedAt)));
    assertThat(announced.rules().get(RULE).announced()).isTrue();
    assertThat(announced.rules().get(RULE).rejected()).isEqualTo(4);
  }

  @Test
  void ignoreAndUnignore() {
    RepositoryLearning ignored = fold(null, command(RULE, Type.RULE_IGNORED, "delivery-1"));
    assertThat(ignored.ignored()).containsEntry(RULE, "alice");
    assertThat(ignored.silenced(RULE)).isTrue();

    RepositoryLearning muted = fold(ignored, rejections(RULE, 4));
    RepositoryLearning back = fold(muted, command(RULE, Type.RULE_UNIGNORED, "delivery-2"));
    assertThat(back.ignored()).doesNotContainKey(RULE);
    // the counts are forgotten: one more rejection does not mute the rule again at once
    assertThat(back.rules()).doesNotContainKey(RULE);
    RepositoryLearning again = fold(back, outcome(RULE, Type.THUMBS_DOWN, 20));
    assertThat(again.silenced(RULE)).isFalse();
  }

  @Test
  void aKindsThresholdMovesWithinTheMarginAndStopsAtOne() {
    String rule = "model/negation"; // add_not and drop_not; only add_not is posted here
    RepositoryLearning rejected = fold(null, rejections(rule, 2));
    assertThat(rejected.kindThresholds().get("add_not")).isCloseTo(0.57, within(1e-9));

    RepositoryLearning manyRejected = fold(null, rejections(rule, 100));
    assertThat(manyRejected.kindThresholds().get("add_not")).isEqualTo(1.0);

    RepositoryLearning accepted = null;
    for (int i = 0; i < 10; i++) {
      accepted = fold(accepted, outcome(rule, Type.APPLIED, i));
    }
    assertThat(accepted.kindThresholds().get("add_not")).isCloseTo(0.53 - 0.05, within(1e-9));

    // back to even: the global threshold, nothing of its own
    RepositoryLearning even =
        fold(null, outcome(rule, Type.APPLIED, 1), outcome(rule, Type.THUMBS_DOWN, 2));
    assertThat(even.kindThresholds()).doesNotContainKey("add_not");
    // unignore forgets the kind's outcomes, and with them its threshold
    assertThat(fold(rejected, command(rule, Type.RULE_UNIGNORED, "d")).kindThresholds()).isEmpty();
  }

  @Test
  void aModelRuleMovesEveryKindItNames() {
    Learner learner = new Learner(3, 0.20, 0.02, 0.05, Map.of("add_not", 0.53, "drop_not", 0.50));
    RepositoryLearning learning =
        learner.fold(null, outcome("model/negation", Type.THUMBS_DOWN, 1), T0).orElseThrow();
    assertThat(learning.kindThresholds())
        .containsOnlyKeys("add_not", "drop_not")
        .hasEntrySatisfying("add_not", t -> assertThat(t).isCloseTo(0.55, within(1e-9)))
        .hasEntrySatisfying("drop_not", t -> assertThat(t).isCloseTo(0.52, within(1e-9)));
    assertThat(Learner.kindsOf("model/operator")).containsExactly("binary_operator");
    assertThat(Learner.kindsOf("style/LineLength")).isEmpty();
  }

  @Test
  void kindsWithoutAGlobalThresholdGetNone() {
    RepositoryLearning learning = fold(null, rejections("model/variable", 3));
    assertThat(learning.kindThresholds()).isEmpty();
    assertThat(learning.rules().get("model/variable").rejected()).isEqualTo(3);
  }

  @Test
  void theRememberedIdsAreBounded() {
    RepositoryLearning learning = null;
    int n = RepositoryLearning.REMEMBERED_FEEDBACK + 10;
    for (int i = 0; i < n; i++) {
      learning = fold(learning, outcome(RULE, Type.REPLY, i));
    }
    assertThat(learning.feedbackIds()).hasSize(RepositoryLearning.REMEMBERED_FEEDBACK);
    assertThat(learning.feedbackIds().get(learning.feedbackIds().size() - 1))
        .isEqualTo(outcome(RULE, Type.REPLY, n - 1).id());
    assertThat(learning.rules().get(RULE).neutral()).isEqualTo(n);
  }

  static Feedback[] rejections(String rule, int count) {
    Feedback[] out = new Feedback[count];
    for (int i = 0; i < count; i++) {
      out[i] = outcome(rule, Type.THUMBS_DOWN, 100 + i);
    }
    return out;
  }
}
