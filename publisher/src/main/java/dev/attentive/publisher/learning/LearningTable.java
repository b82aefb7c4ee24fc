package dev.attentive.publisher.learning;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import dev.attentive.streams.GlobalTable;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What every repository taught Attentive ({@link Topics#REPO_LEARNING}) as a global table: a review
 * is keyed by pull request, learning by repository. The store keeps the record's bytes and is read
 * tolerantly: learning that cannot be read is treated as none, never a failed review.
 */
public final class LearningTable {

  public static final String STORE = "repo-learning-global";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<RepositoryLearning> serde = EventSerdes.repositoryLearning();

  public LearningTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** Adds the global store and its updater; in memory, restored from the compacted topic. */
  public static void addTo(Topology topology) {
    GlobalTable.addTo(topology, STORE, Topics.REPO_LEARNING, false);
  }

  /** The repository's learning; null when there is none or it cannot be read. */
  public RepositoryLearning lookup(String repository) {
    byte[] bytes = repository == null ? null : store.get(repository);
    if (bytes == null) {
      return null;
    }
    try {
      RepositoryLearning learning = serde.deserializer().deserialize(Topics.REPO_LEARNING, bytes);
      return learning != null && repository.equals(learning.repository()) ? learning : null;
    } catch (RuntimeException e) {
      return null;
    }
  }
}
