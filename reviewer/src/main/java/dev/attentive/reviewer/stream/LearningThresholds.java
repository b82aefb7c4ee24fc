package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * Each repository's model kind thresholds, learned by the publisher from its team's outcomes
 * ({@link Topics#REPO_LEARNING}), as a global table like {@link ProfileTable}: learning that cannot
 * be read is treated as none (the global thresholds apply), never a failed chunk.
 */
final class LearningThresholds {

  static final String STORE = "repo-learning";
  private static final String SOURCE = "repo-learning-source";
  private static final String UPDATE = "repo-learning-update";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<RepositoryLearning> serde = EventSerdes.repositoryLearning();

  LearningThresholds(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** In memory: a repository's learning is a few KB, restored from the compacted topic. */
  static void addTo(Topology topology) {
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        Topics.REPO_LEARNING,
        UPDATE,
        Updater::new);
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

  /** Keeps the newest record per repository; a tombstone removes it. */
  private static final class Updater implements Processor<String, byte[], Void, Void> {
    private KeyValueStore<String, byte[]> store;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
      if (record.key() == null) {
        return;
      }
      if (record.value() == null) {
        store.delete(record.key());
      } else {
        store.put(record.key(), record.value());
      }
    }
  }
}
