package dev.attentive.publisher.learning;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * What every repository taught Attentive ({@link Topics#REPO_LEARNING}) as a global table: a review
 * is keyed by pull request, learning by repository. The store keeps the record's bytes and is read
 * tolerantly: learning that cannot be read is treated as none, never a failed review.
 */
public final class LearningTable {

  public static final String STORE = "repo-learning-global";
  private static final String SOURCE = "repo-learning-source";
  private static final String UPDATE = "repo-learning-update";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<RepositoryLearning> serde = EventSerdes.repositoryLearning();

  public LearningTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /** Adds the global store and its updater; in memory, restored from the compacted topic. */
  public static void addTo(Topology topology) {
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
