package dev.attentive.testkit.kafka;

import dev.attentive.events.TopicSetup;
import dev.attentive.events.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker (combined broker + controller) in this JVM, on a free loopback
 * port.
 *
 * <p>Built on Kafka's own test kit, which has no compatibility promise: this class is the only
 * place that touches it. Transactions work (replication factors are 1), so exactly-once Kafka
 * Streams apps run against it.
 */
public final class EmbeddedKafka implements AutoCloseable {

  private final KafkaClusterTestKit cluster;
  private final Admin admin;

  private EmbeddedKafka(KafkaClusterTestKit cluster) {
    this.cluster = cluster;
    this.admin =
        Admin.create(
            Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()));
  }

  /**
   * Formats, starts and waits for a broker, then creates Attentive's topics with the given
   * partition count.
   */
  public static EmbeddedKafka start(int partitions) {
    KafkaClusterTestKit cluster = null;
    try {
      cluster =
          new KafkaClusterTestKit.Builder(
                  new TestKitNodes.Builder()
                      .setCombined(true)
                      .setNumBrokerNodes(1)
                      .setNumControllerNodes(1)
                      .build())
              .setConfigProp("offsets.topic.replication.factor", "1")
              .setConfigProp("offsets.topic.num.partitions", "4")
              .setConfigProp("transaction.state.log.replication.factor", "1")
              .setConfigProp("transaction.state.log.min.isr", "1")
              .setConfigProp("transaction.state.log.num.partitions", "4")
              .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
              .setConfigProp("group.initial.rebalance.delay.ms", "0")
              .setConfigProp("auto.create.topics.enable", "false")
              .build();
      cluster.format();
      cluster.startup();
      cluster.waitForReadyBrokers();
      EmbeddedKafka kafka = new EmbeddedKafka(cluster);
      TopicSetup.ensureTopics(kafka.admin, partitions, (short) 1);
      return kafka;
    } catch (Exception e) {
      if (cluster != null) {
        try {
          cluster.close();
        } catch (Exception suppressed) {
          e.addSuppressed(suppressed);
        }
      }
      throw new IllegalStateException("embedded Kafka did not start: " + e, e);
    }
  }

  public static EmbeddedKafka start() {
    return start(Integer.getInteger("attentive.test.partitions", 3));
  }

  public String bootstrapServers() {
    return cluster.bootstrapServers();
  }

  public Admin admin() {
    return admin;
  }

  /** Writes raw bytes (e.g. a poison record) and waits for the broker's ack. */
  public void send(String topic, String key, byte[] value) {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write to " + topic + ": " + e, e);
    }
  }

  /**
   * Reads every committed record of a topic from the beginning, polling until {@code expected}
   * records were seen or {@code timeout} passed, whichever comes first (so a test can also prove
   * that nothing more arrives).
   */
  public <V> List<ConsumerRecord<String, V>> readCommitted(
      String topic, Deserializer<V> valueDeserializer, int expected, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> raw = readRaw(topic, expected, timeout);
    List<ConsumerRecord<String, V>> out = new ArrayList<>(raw.size());
    for (var r : raw) {
      out.add(
          new ConsumerRecord<>(
              r.topic(),
              r.partition(),
              r.offset(),
              r.key(),
              valueDeserializer.deserialize(topic, r.value())));
    }
    return out;
  }

  /**
   * Polls a topic from the beginning (committed records only) until {@code expected} values match,
   * or the timeout passes; returns the matching values in partition-offset order of arrival. Values
   * that do not deserialize are skipped (a test that wants them reads raw).
   */
  public <V> List<V> await(
      String topic,
      Deserializer<V> valueDeserializer,
      java.util.function.Predicate<V> match,
      int expected,
      Duration timeout) {
    List<V> matching = new ArrayList<>();
    try (var consumer = newConsumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (matching.size() < expected && System.nanoTime() < deadline) {
        for (var r : consumer.poll(Duration.ofMillis(100))) {
          V value;
          try {
            value = valueDeserializer.deserialize(topic, r.value());
          } catch (RuntimeException e) {
            continue;
          }
          if (value != null && match.test(value)) {
            matching.add(value);
          }
        }
      }
    }
    return matching;
  }

  private KafkaConsumer<String, byte[]> newConsumer() {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
    props.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
  }

  public List<ConsumerRecord<String, byte[]>> readRaw(
      String topic, int expected, Duration timeout) {
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (var consumer = newConsumer()) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long deadline = System.nanoTime() + timeout.toNanos();
      while (records.size() < expected && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
    }
    return records;
  }

  @Override
  public void close() {
    admin.close(Duration.ofSeconds(5));
    try {
      cluster.close();
    } catch (Exception e) {
      throw new IllegalStateException("embedded Kafka did not stop cleanly: " + e, e);
    }
  }

  /** The topics this project defines, for callers that want to check the layout. */
  public static List<String> attentiveTopics() {
    return Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
  }
}
