package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import dev.attentive.streams.GlobalTable;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Each repository's model kind thresholds, learned by the publisher from its team's outcomes
 * ({@link Topics#REPO_LEARNING}), as a global table like {@link ProfileTable}: learning that cannot
 * be read is treated as none (the global thresholds apply), never a failed chunk.
 */
final class LearningThresholds {

  static final String STORE = "repo-learning";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<RepositoryLearning> serde = EventSerdes.repositoryLearning();

  LearningThresholds(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** In memory: a repository's learning is a few KB, restored from the compacted topic. */
  static void addTo(Topology topology) {
    GlobalTable.addTo(topology, STORE, Topics.REPO_LEARNING, false);
  }

  /** Kind → the repository's threshold; empty when it has none or its learning is unreadable. */
  Map<String, Double> of(String repository) {
    byte[] bytes = repository == null ? null : store.get(repository);
    if (bytes == null) {
      return Map.of();
    }
    try {
      RepositoryLearning learning = serde.deserializer().deserialize(Topics.REPO_LEARNING, bytes);
      return learning != null && repository.equals(learning.repository())
          ? learning.kindThresholds()
          : Map.of();
    } catch (RuntimeException e) {
      return Map.of();
    }
  }
}
