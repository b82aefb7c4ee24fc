package dev.attentive.streams;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * The ids a processor has processed (id → when, epoch ms), in a changelogged store written in the
 * same exactly-once transaction as the processor's output: a replayed or redelivered record with a
 * known id is skipped. Ids older than the retention are forgotten once an hour, so the store does
 * not grow for ever.
 */
public final class ProcessedIds {

  static final Duration FORGET_EVERY = Duration.ofHours(1);

  private final KeyValueStore<String, Long> store;
  private final Clock clock;

  private ProcessedIds(KeyValueStore<String, Long> store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The store to add to the topology, connected to the processor that opens it. */
  public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
    return StateStores.keyValue(name, Serdes.String(), Serdes.Long());
  }

  /** Opens the store from a processor's {@code init} and schedules the forgetting. */
  public static ProcessedIds open(
      ProcessorContext<?, ?> context, String storeName, Duration retention, Clock clock) {
    ProcessedIds ids = new ProcessedIds(context.getStateStore(storeName), clock);
    context.schedule(
        FORGET_EVERY,
        PunctuationType.WALL_CLOCK_TIME,
        now -> ids.forgetOlderThan(clock.millis() - retention.toMillis()));
    return ids;
  }

  public boolean contains(String id) {
    return store.get(id) != null;
  }

  /** Whether some id starting with {@code prefix} was processed. */
  public boolean containsPrefix(String prefix) {
    try (KeyValueIterator<String, Long> found = store.prefixScan(prefix, new StringSerializer())) {
      return found.hasNext();
    }
  }

  /** Marks the id processed; call it only once the record's output has been sent. */
  public void add(String id) {
    store.put(id, clock.millis());
  }

  private void forgetOlderThan(long cutoffMillis) {
    List<String> expired = new ArrayList<>();
    try (KeyValueIterator<String, Long> all = store.all()) {
      all.forEachRemaining(
          kv -> {
            if (kv.value < cutoffMillis) {
              expired.add(kv.key);
            }
          });
    }
    expired.forEach(store::delete);
  }
}
