package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.events.Topics;
import dev.attentive.streams.GlobalTable;
import java.util.Optional;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The repositories' model adaptations ({@code bin/attentive model finetune}) as a global table,
 * like {@link ProfileTable}: every reviewer instance holds all of them (a few KB each). An
 * adaptation that cannot be read, or names another repository, is no adaptation: the global model
 * reviews.
 */
final class AdaptationTable {

  static final String STORE = "model-adaptations";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<ModelAdaptation> serde = EventSerdes.modelAdaptation();

  AdaptationTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  static void addTo(Topology topology) {
    GlobalTable.addTo(topology, STORE, Topics.MODEL_ADAPTATIONS, false);
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
}
