package dev.attentive.ingest.activity;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import dev.attentive.streams.GlobalTable;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * What Attentive learned about each repository ({@link Topics#REPO_LEARNING}, written by the
 * publisher) as a global table, for {@code /attentive why}: commands are keyed by pull request,
 * learning by repository, so they are not co-partitioned. The record's bytes are kept as they are
 * and read tolerantly: a value that cannot be read answers as "nothing learned", never a failed
 * command.
 */
public final class LearningTable {

  public static final String STORE = "repo-learning";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<RepositoryLearning> serde = EventSerdes.repositoryLearning();

  public LearningTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** Adds the global store and its updater; in memory, restored from the compacted topic. */
  public static void addTo(Topology topology) {
    GlobalTable.addTo(topology, STORE, Topics.REPO_LEARNING, false);
  }

  /** What was learned about {@code repository}; empty when nothing (or nothing readable). */
  public RepositoryLearning lookup(String repository) {
    byte[] bytes = repository == null ? null : store.get(repository);
    if (bytes == null) {
      return RepositoryLearning.empty(repository);
    }
    try {
      RepositoryLearning learning = serde.deserializer().deserialize(Topics.REPO_LEARNING, bytes);
      return learning != null && repository.equals(learning.repository())
          ? learning
          : RepositoryLearning.empty(repository);
    } catch (RuntimeException e) {
      return RepositoryLearning.empty(repository);
    }
  }
}
