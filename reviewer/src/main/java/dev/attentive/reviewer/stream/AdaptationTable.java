package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.events.Topics;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The repositories' model adaptations ({@code bin/attentive model finetune}) as a global table,
 * like {@link ProfileTable}: every reviewer instance holds all of them (a few KB each). An
 * adaptation that cannot be read, or names another repository, is no adaptation: the global model
 * reviews.
 */
final class AdaptationTable {

  static final String STORE = "model-adaptations";
  private static final String SOURCE = "model-adaptations-source";
  private static final String UPDATE = "model-adaptations-update";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<ModelAdaptation> serde = EventSerdes.modelAdaptation();

  AdaptationTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  static void addTo(Topology topology) {
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.ByteArray())
            .withLoggingDisabled(),
        SOURCE,
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        Topics.MODEL_ADAPTATIONS,
        UPDATE,
        Updater::new);
  }

  Optional<ModelAdaptation> lookup(String repository) {
    byte[] bytes = repository == null ? null : store.get(repository);
    if (bytes == null) {
      return Optional.empty();
    }
    try {
      ModelAdaptation a = serde.deserializer().deserialize(Topics.MODEL_ADAPTATIONS, bytes);
      return a != null && repository.equals(a.repository()) ? Optional.of(a) : Optional.empty();
    } catch (RuntimeException e) {
      return Optional.empty();
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
