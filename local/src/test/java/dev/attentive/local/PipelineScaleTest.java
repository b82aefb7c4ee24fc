package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineScaleTest {

  @Test
  void instancesAreNamedAfterTheirService() {
    assertThat(Pipeline.serviceOf("reviewer")).isEqualTo("reviewer");
    assertThat(Pipeline.serviceOf("reviewer-2")).isEqualTo("reviewer");
    assertThat(Pipeline.serviceOf("publisher-13")).isEqualTo("publisher");
  }

  @Test
  void aServiceNotNamedGetsOneInstanceAndTheDefaultIsTheOldStack() {
    Pipeline.Scale scale = new Pipeline.Scale(4, Map.of("reviewer", 2), null, null);

    assertThat(scale.instancesOf("reviewer")).isEqualTo(2);
    assertThat(scale.instancesOf("ingest")).isEqualTo(1);
    assertThat(Pipeline.Scale.SINGLE.partitions()).isEqualTo(3);
    assertThatThrownBy(() -> new Pipeline.Scale(0, Map.of(), null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theReviewersSettingsReachTheReviewerOnly() {
    Map<String, String> stack = new HashMap<>(ServiceEnvironmentTest.STACK);
    stack.put("ATTENTIVE_REVIEWER_ANALYZERS", "style");
    stack.put("KAFKA_STREAMS_PRODUCER_TRANSACTION_TIMEOUT_MS", "45000");

    assertThat(ServiceEnvironment.of("reviewer", Map.of(), stack))
        .containsEntry("ATTENTIVE_REVIEWER_ANALYZERS", "style")
        .containsEntry("KAFKA_STREAMS_PRODUCER_TRANSACTION_TIMEOUT_MS", "45000");
    for (String service : new String[] {"ingest", "publisher"}) {
      assertThat(ServiceEnvironment.of(service, Map.of(), stack))
          .as(service)
          .doesNotContainKeys(
              "ATTENTIVE_REVIEWER_ANALYZERS", "KAFKA_STREAMS_PRODUCER_TRANSACTION_TIMEOUT_MS");
    }
  }
}
