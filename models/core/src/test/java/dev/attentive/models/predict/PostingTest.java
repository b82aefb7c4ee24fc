package dev.attentive.models.predict;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.MutationSite;
import dev.attentive.models.kinds.BugKinds;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A repository's learned thresholds move its kinds' thresholds and nothing else. */
class PostingTest {

  static final Posting CALIBRATED =
      new Posting(
          0.8,
          Map.of(
              "add_not", new KindThreshold(0.53, true),
              "variable", new KindThreshold(0.9, false)),
          true);

  @Test
  void aRepositorysThresholdReplacesItsKindsOwnAndKeepsWhetherItIsPosted() {
    Posting repository =
        CALIBRATED.withKindThresholds(
            Map.of("add_not", 0.61, "variable", 0.5, "binary_operator", 1.0, "no_such_kind", 0.1));
    assertThat(repository.thresholdOf(BugKinds.at(MutationSite.Kind.ADD_NOT))).hasValue(0.61);
    // a kind the calibration does not post stays unposted, whatever the repository says
    assertThat(repository.thresholdOf(BugKinds.at(MutationSite.Kind.VARIABLE))).isEmpty();
    // a kind without its own calibrated threshold (the single one applied) gets the repository's
    assertThat(repository.thresholdOf(BugKinds.at(MutationSite.Kind.BINARY_OPERATOR)))
        .hasValue(1.0);
    assertThat(repository.kinds()).doesNotContainKey("no_such_kind");
    assertThat(repository.roundTrip()).isTrue();
    assertThat(repository.threshold()).isEqualTo(0.8);
  }

  @Test
  void noRepositoryThresholdsIsTheSamePosting() {
    assertThat(CALIBRATED.withKindThresholds(Map.of())).isSameAs(CALIBRATED);
    assertThat(CALIBRATED.withKindThresholds(null)).isSameAs(CALIBRATED);
  }
}
