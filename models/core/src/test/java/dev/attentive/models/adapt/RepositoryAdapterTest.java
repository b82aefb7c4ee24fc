package dev.attentive.models.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.ModelAdaptation;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.Posting;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class RepositoryAdapterTest {

  private static final BugKind OPERATOR = kind("binary_operator");
  private static final BugKind VARIABLE = kind("variable");
  private static final Posting BASE =
      new Posting(
          0.795,
          Map.of(
              "binary_operator", new KindThreshold(0.654, true),
              "variable", new KindThreshold(0.904, false)),
          true);

  private static BugKind kind(String id) {
    return BugKinds.ALL.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void thePerFilePostingLetsThroughExactlyWhatTheAdaptedConfidenceClears() {
    RepositoryAdapter adapter =
        new RepositoryAdapter(Map.of("operator", new double[] {-0.4, -2.5}));
    for (String path :
        new String[] {"src/main/java/a/Prices.java", "src/test/java/a/PricesTest.java"}) {
      Posting posting = adapter.posting(BASE, Map.of("binary_operator", 0.654), path);
      double threshold = posting.thresholdOf(OPERATOR).getAsDouble();
      for (double c = 0.50; c < 1.0; c += 0.01) {
        assertThat(c > threshold)
            .as("%s at %.2f", path, c)
            .isEqualTo(adapter.adapt("operator", c, path) > 0.654);
      }
      assertThat(posting.roundTrip()).isTrue();
    }
    assertThat(
            adapter
                .posting(BASE, Map.of(), "src/test/java/a/PricesTest.java")
                .thresholdOf(OPERATOR)
                .getAsDouble())
        .isGreaterThan(
            adapter
                .posting(BASE, Map.of(), "src/main/java/a/Prices.java")
                .thresholdOf(OPERATOR)
                .getAsDouble())
        .isGreaterThan(0.654);
  }

  @Test
  void withoutWeightsItIsTheGlobalModelAndAMutedKindStaysMuted() {
    Posting identity = RepositoryAdapter.identity().posting(BASE, Map.of(), "src/A.java");
    assertThat(identity.thresholdOf(OPERATOR).getAsDouble()).isCloseTo(0.654, within());
    RepositoryAdapter raising = new RepositoryAdapter(Map.of("variable", new double[] {5, 5}));
    assertThat(raising.posting(BASE, Map.of(), "src/A.java").thresholdOf(VARIABLE))
        .isEqualTo(OptionalDouble.empty());
  }

  @Test
  void readsItsOwnFormatFromAnAdaptationOnly() {
    ModelAdaptation mine =
        new ModelAdaptation(
            1,
            "o/r",
            "o/r@1",
            "attentive-v1",
            Instant.EPOCH,
            Map.of(),
            RepositoryAdapter.FORMAT,
            Map.of("operator", new double[] {0.5, -1}),
            Map.of());
    assertThat(RepositoryAdapter.of(mine)).isPresent();
    assertThat(RepositoryAdapter.of(mine).get().shift("operator", "x/FooTest.java"))
        .isCloseTo(-0.5, within());
    ModelAdaptation other =
        new ModelAdaptation(
            1, "o/r", "o/r@2", "attentive-v1", Instant.EPOCH, Map.of(), "lora", Map.of(), Map.of());
    assertThat(RepositoryAdapter.of(other)).isEmpty();
  }

  @Test
  void testCodeByMavenAndGradleConventions() {
    assertThat(RepositoryAdapter.isTestCode("src/test/java/a/B.java")).isTrue();
    assertThat(RepositoryAdapter.isTestCode("core/src/test/java/a/B.java")).isTrue();
    assertThat(RepositoryAdapter.isTestCode("core/src/main/java/a/BTest.java")).isTrue();
    assertThat(RepositoryAdapter.isTestCode("src/main/java/a/Testing.java")).isFalse();
    assertThat(RepositoryAdapter.isTestCode(null)).isFalse();
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-9);
  }
}
