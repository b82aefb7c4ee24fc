package dev.attentive.streams;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Where a processor sends values of one type: a topic (through its serializer) or the next
 * processor of the topology. The type lets a processor that feeds several sinks forward each value
 * without casts; the name is the topology node the value is forwarded to.
 *
 * @param topic null for a sink that is a processor
 * @param serializer null for a sink that is a processor
 */
public record Sink<V>(String name, String topic, Serializer<V> serializer) {

  /** A topic written by a sink node of the same name. */
  public static <V> Sink<V> toTopic(String topic, Serializer<V> serializer) {
    return new Sink<>(topic, topic, serializer);
  }

  /** The processor node of that name, which takes values of type {@code V}. */
  public static <V> Sink<V> toProcessor(String name) {
    return new Sink<>(name, null, null);
  }

  /**
   * The same topic through a sink node of another name: for a processor that must stay out of the
   * sub-topology of the others writing the topic (a shared sink node joins them into one task).
   */
  public Sink<V> viaNode(String nodeName) {
    return new Sink<>(nodeName, topic, serializer);
  }

  /** Forwards the record to this sink only. */
  public void send(ProcessorContext<String, ? super V> context, Record<String, V> record) {
    context.forward(record, name);
  }

  /**
   * Adds this topic's sink node to the topology, fed by the given processors (keys are strings).
   */
  public Topology addTo(Topology topology, String... parents) {
    if (topic == null) {
      throw new IllegalStateException(name + " is a processor, not a topic");
    }
    return topology.addSink(name, topic, Serdes.String().serializer(), serializer, parents);
  }
}
