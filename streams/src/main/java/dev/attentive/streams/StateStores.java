package dev.attentive.streams;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * The state stores of our stream processors: changelogged and kept on disk (RocksDB) in the
 * service's state directory.
 *
 * <p>On disk, not in memory, for a reason beyond restore time: Kafka Streams keeps its process id
 * in the state directory only when the topology has a persistent store, and under exactly-once the
 * producers' transactional ids are made from that id. A service killed in the middle of a
 * transaction and started again on the same state directory (a container restart) then comes back
 * with the same transactional ids and fences the open transaction at once; with a fresh process id
 * every reader of those partitions waits for the broker to abort it ({@code
 * transaction.timeout.ms}, minutes). Measured by {@code bin/attentive bench chaos}.
 */
public final class StateStores {

  private StateStores() {}

  public static <K, V> StoreBuilder<KeyValueStore<K, V>> keyValue(
      String name, Serde<K> keys, Serde<V> values) {
    KeyValueBytesStoreSupplier supplier = Stores.persistentKeyValueStore(name);
    return Stores.keyValueStoreBuilder(supplier, keys, values);
  }
}
