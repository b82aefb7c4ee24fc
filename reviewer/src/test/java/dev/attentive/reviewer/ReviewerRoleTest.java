package dev.attentive.reviewer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.Topics;
import dev.attentive.reviewer.stream.TopologyProducer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * {@code attentive.reviewer.role=sandbox} makes the application a sandbox worker: its topology
 * reads sandbox jobs and nothing of the review, and no analyzer is created. The reviewer's own runs
 * stay local unless {@code tests.sandbox=kafka}.
 */
class ReviewerRoleTest {

  @Test
  void byDefaultTheReviewerRunsItsSandboxLocally() {
    ReviewerConfig config = ReviewerConfigDeadlinesTest.read(Map.of());
    assertThat(config.role()).isEqualTo("reviewer");
    assertThat(config.tests().sandbox()).isEqualTo("local");
    assertThat(config.tests().sandboxWait()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.sandbox().maxTimeout()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.sandbox().maxHeapMb()).isEqualTo(512);
  }

  @Test
  void theSandboxRoleReadsJobsAndNothingOfTheReview() {
    // "model" among the analyzers: were they created, the model would be loaded
    ReviewerConfig config =
        ReviewerConfigDeadlinesTest.read(
            Map.of(
                "attentive.reviewer.role", "sandbox",
                "attentive.reviewer.analyzers", "style,tests,model",
                "attentive.reviewer.sandbox.max-timeout", "30s"));
    Topology topology = new TopologyProducer().buildTopology(config, new SimpleMeterRegistry());

    assertThat(sources(topology)).containsExactly(Topics.SANDBOX_JOBS);
    assertThat(sinks(topology))
        .containsExactlyInAnyOrder(Topics.SANDBOX_RESULTS, Topics.DEAD_LETTERS);
  }

  @Test
  void anUnknownRoleOrSandboxIsRefused() {
    assertThatThrownBy(
            () ->
                new TopologyProducer()
                    .buildTopology(
                        ReviewerConfigDeadlinesTest.read(Map.of("attentive.reviewer.role", "both")),
                        new SimpleMeterRegistry()))
        .hasMessageContaining("attentive.reviewer.role must be reviewer or sandbox");
    assertThatThrownBy(
            () ->
                new TopologyProducer()
                    .buildTopology(
                        ReviewerConfigDeadlinesTest.read(
                            Map.of(
                                "attentive.reviewer.tests.sandbox", "remote",
                                "attentive.reviewer.analyzers", "style")),
                        new SimpleMeterRegistry()))
        .hasMessageContaining("attentive.reviewer.tests.sandbox must be local or kafka");
  }

  private static Set<String> sources(Topology topology) {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology s : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : s.nodes()) {
        if (node instanceof TopologyDescription.Source source) {
          topics.addAll(source.topicSet());
        }
      }
    }
    topology.describe().globalStores().forEach(g -> topics.addAll(g.source().topicSet()));
    return topics;
  }

  private static Set<String> sinks(Topology topology) {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology s : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : s.nodes()) {
        if (node instanceof TopologyDescription.Sink sink) {
          topics.add(sink.topic());
        }
      }
    }
    return topics;
  }
}
