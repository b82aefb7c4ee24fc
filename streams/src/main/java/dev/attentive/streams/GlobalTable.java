package dev.attentive.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * A compacted topic read by every instance as a global store of the records' bytes, newest per key,
 * a tombstone removing its key. The bytes are kept as they are, so a record a reader cannot read
 * never stops the global thread: each table reads its values tolerantly when asked.
 */
public final class GlobalTable {

  private GlobalTable() {}

  /**
   * Adds the store {@code store} over {@code topic}, with its source and updater named after it.
   *
   * @param persistent on disk (RocksDB) rather than in memory, for tables larger than the heap
   *     should hold
   */
  public static void addTo(Topology topology, String store, String topic, boolean persistent) {
    topology.addGlobalStore(
        Stores.keyValueStoreBuilder(
                persistent
                    ? Stores.persistentKeyValueStore(store)
                    : Stores.inMemoryKeyValueStore(store),
                Serdes.String(),
                Serdes.ByteArray())
            .withLoggingDisabled(),
        store + "-source",
        Serdes.String().deserializer(),
        Serdes.ByteArray().deserializer(),
        topic,
        store + "-update",
        () -> new Updater(store));
  }

  /** Keeps the newest record per key; a tombstone removes it. */
  private static final class Updater implements Processor<String, byte[], Void, Void> {
    private final String name;
    private KeyValueStore<String, byte[]> store;

    Updater(String name) {
      this.name = name;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
      store = context.getStateStore(name);
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
