package dev.attentive.ingest.webhook;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.ingest.IngestConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes deliveries with an idempotent, acks=all producer and waits for the acknowledgement,
 * bounded so that GitHub gets its answer within its 10 s window even when Kafka is down.
 */
@ApplicationScoped
public class KafkaDeliveryStore implements DeliveryStore {

  private final KafkaProducer<String, WebhookDelivery> producer;
  private final Duration timeout;

  public KafkaDeliveryStore(
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
      IngestConfig config) {
    this.timeout = config.webhook().storeTimeout();
    int millis = (int) Math.max(1000, timeout.toMillis());
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    props.put(ProducerConfig.CLIENT_ID_CONFIG, "attentive-ingest-webhooks");
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.MAX_MESSAGE_BYTES));
    // Every bound below is within the store timeout, so a dead broker surfaces as an exception,
    // never a hang.
    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(millis));
    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis));
    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(millis));
    JsonSerde<WebhookDelivery> serde = EventSerdes.webhookDelivery();
    this.producer = new KafkaProducer<>(props, new StringSerializer(), serde.serializer());
  }

  @Override
  public void store(WebhookDelivery delivery) throws StoreUnavailableException {
    try {
      producer
          .send(new ProducerRecord<>(Topics.WEBHOOK_DELIVERIES, delivery.key(), delivery))
          .get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new StoreUnavailableException(
          "Kafka did not store the delivery: " + e.getCause().getMessage(), e);
    } catch (TimeoutException e) {
      throw new StoreUnavailableException(
          "Kafka did not acknowledge the delivery within " + timeout, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException("interrupted while storing the delivery", e);
    } catch (org.apache.kafka.common.KafkaException e) {
      // send() itself throws when metadata cannot be had within max.block.ms.
      throw new StoreUnavailableException("Kafka is unavailable: " + e.getMessage(), e);
    }
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
