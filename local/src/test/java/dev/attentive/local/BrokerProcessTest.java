package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The chaos bench's broker: its own process, stopped or killed and started on the same log. */
class BrokerProcessTest {

  @Test
  void recordsSurviveAStopAndAKillOnTheSameLogAndPort() throws Exception {
    Path dir = Files.createTempDirectory("attentive-broker");
    try (BrokerProcess broker = BrokerProcess.start(dir, 1)) {
      String bootstrap = broker.bootstrapServers();
      try (var admin = broker.admin()) {
        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS))
            .containsAll(Topics.ALL.stream().map(Topics.TopicSpec::name).toList());
      }
      send(bootstrap, "before-stop");

      broker.stop();
      assertThat(broker.running()).isFalse();
      broker.start();
      send(bootstrap, "before-kill");

      broker.kill9();
      assertThat(broker.running()).isFalse();
      broker.start();

      assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
      assertThat(read(bootstrap)).containsExactly("before-stop", "before-kill");
    }
  }

  private static void send(String bootstrap, String value) throws Exception {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    try (var producer =
        new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
      producer
          .send(new ProducerRecord<>(Topics.DEAD_LETTERS, "k", value))
          .get(60, TimeUnit.SECONDS);
    }
  }

  private static List<String> read(String bootstrap) {
    List<String> values = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                "false"),
            new StringDeserializer(),
            new StringDeserializer())) {
      TopicPartition p = new TopicPartition(Topics.DEAD_LETTERS, 0);
      consumer.assign(List.of(p));
      consumer.seekToBeginning(List.of(p));
      long end = consumer.endOffsets(List.of(p), Duration.ofSeconds(60)).get(p);
      for (int i = 0; i < 300 && consumer.position(p) < end; i++) {
        consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
      }
    }
    return values;
  }
}
