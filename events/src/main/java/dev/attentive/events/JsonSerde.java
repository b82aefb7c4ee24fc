package dev.attentive.events;

import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Jackson serde for one event type, usable as a plain Kafka {@link Serializer}/{@link Deserializer}
 * and as a Kafka Streams {@link Serde}. A value that is not valid JSON for the type, or carries a
 * schema version newer than this code knows, fails with a {@link SerializationException} naming the
 * type and the reason, so that the consumer can dead-letter it.
 */
public class JsonSerde<T extends Versioned> implements Serde<T>, Serializer<T>, Deserializer<T> {

  private final Class<T> type;
  private final int supportedVersion;

  public JsonSerde(Class<T> type, int supportedVersion) {
    this.type = type;
    this.supportedVersion = supportedVersion;
  }

  public Class<T> type() {
    return type;
  }

  @Override
  public byte[] serialize(String topic, T data) {
    if (data == null) {
      return null;
    }
    try {
      return EventJson.mapper().writeValueAsBytes(data);
    } catch (IOException e) {
      throw new SerializationException(
          "cannot write " + type.getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public T deserialize(String topic, byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    T value;
    try {
      value = EventJson.mapper().readValue(bytes, type);
    } catch (IOException e) {
      throw new SerializationException(
          "not a valid " + type.getSimpleName() + " on " + topic + ": " + firstLine(e.getMessage()),
          e);
    }
    if (value == null) {
      throw new SerializationException(
          "not a valid " + type.getSimpleName() + " on " + topic + ": JSON null");
    }
    if (value.schemaVersion() < 1 || value.schemaVersion() > supportedVersion) {
      throw new SerializationException(
          type.getSimpleName()
              + " on "
              + topic
              + " has schema version "
              + value.schemaVersion()
              + "; this service reads 1.."
              + supportedVersion);
    }
    return value;
  }

  @Override
  public Serializer<T> serializer() {
    return this;
  }

  @Override
  public Deserializer<T> deserializer() {
    return this;
  }

  @Override
  public void configure(java.util.Map<String, ?> configs, boolean isKey) {
    // nothing to configure: the type is fixed at construction
  }

  @Override
  public void close() {
    // stateless
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
