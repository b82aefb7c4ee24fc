package dev.attentive.models.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.serve.ShippedModel;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The fine-tune's benefit on data it did not see ({@code bin/attentive model finetune-eval --seed
 * 1}): a team that rejects every model comment in its test code, on the real files of the frozen
 * real-fix test split, adapted on the first half and measured on the second.
 */
class SimulatedTeamTest {

  static final Path READS = Path.of("corpus/real-fixes/reads");

  @Test
  void adaptedOnTheFirstHalfItPostsFewerRejectedCommentsOnTheSecondAndNoWorseGlobally()
      throws Exception {
    ModelInfo model = ModelInfo.read(ShippedModel.directory());
    ScoredReads code = ScoredReads.read(ScoredReads.file(READS, model.modelVersion(), "test"));
    ScoredReads global =
        ScoredReads.read(ScoredReads.file(READS, model.modelVersion(), "validation"));

    SimulatedTeam.Result r =
        SimulatedTeam.run(code, global, model, 1, 0.3, Finetune.Options.defaults());

    assertThat(r.outcomes()).hasSizeGreaterThan(40);
    assertThat(r.finetune().adaptation()).isNotNull();
    assertThat(r.finetune().verdict().measures()).allMatch(Guard.Measure::noWorse);
    // Every rule's test-code weight learned the hidden rule's direction.
    assertThat(r.finetune().adapter().weights().values())
        .allSatisfy(w -> assertThat(w[RepositoryAdapter.TEST_CODE]).isNegative());
    assertThat(r.after().rejected()).isLessThan(r.before().rejected());
    assertThat(r.after().inTestCode()).isLessThan(r.before().inTestCode());
    assertThat(r.after().accepted()).isEqualTo(r.before().accepted());
    assertThat(r.after().precision()).isGreaterThan(r.before().precision());
  }

  @Test
  void theGuardRefusesWhatIsWorseOnTheHeldBackOutcomesAndThenNothingChanges() throws Exception {
    ModelInfo model = ModelInfo.read(ShippedModel.directory());
    ScoredReads code = ScoredReads.read(ScoredReads.file(READS, model.modelVersion(), "test"));
    ScoredReads global =
        ScoredReads.read(ScoredReads.file(READS, model.modelVersion(), "validation"));

    SimulatedTeam.Result r =
        SimulatedTeam.run(code, global, model, 3, 0.3, Finetune.Options.defaults());

    assertThat(r.finetune().adaptation()).isNull();
    assertThat(r.finetune().problems()).singleElement().asString().startsWith("repo:");
    assertThat(r.after()).isEqualTo(r.before());
  }
}
