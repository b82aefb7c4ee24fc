package dev.attentive.events;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/** An already-serialized record and the topic it goes to: lets one processor feed several topics through one sink. */
public record Outbound(String topic, byte[] value) {

  public static Serde<Outbound> serde() {
    Serializer<Outbound> serializer = (topic, out) -> out == null ? null : out.value();
    return Serdes.serdeFrom(serializer, (topic, bytes) -> {
      throw new UnsupportedOperationException("Outbound is write-only");
    });
  }
}
