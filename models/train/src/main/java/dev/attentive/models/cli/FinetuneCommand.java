package dev.attentive.models.cli;

import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.ModelAdaptation;
import dev.attentive.events.Topics;
import dev.attentive.models.adapt.Finetune;
import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.predict.ModelInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * {@code finetune --repo OWNER/NAME}: a repository's adaptation of the model from its outcomes
 * (docs/model.md, "Per-repository fine-tune"). Outcomes come from the broker's feedback topic or a
 * JSON-lines file; the adaptation goes to the compacted adaptations topic or a file, and only when
 * the guard ships it. Nothing but the broker is contacted.
 */
final class FinetuneCommand implements Command {

  @Override
  public String name() {
    return "finetune";
  }

  @Override
  public String usage() {
    return "finetune --repo OWNER/NAME (--bootstrap HOST:PORT | --feedback FILE.jsonl) [--out FILE]"
        + " [--model "
        + ModelPaths.SHIPPED
        + "] [--reads FILE] [--l2 2.0] [--holdBack 0.25]";
  }

  @Override
  public void run(Options options) throws Exception {
    if (!execute(options)) {
      System.exit(1);
    }
  }

  /** True when an adaptation was shipped. */
  static boolean execute(Options options) throws Exception {
    String repository = options.get("repo", null);
    String bootstrap = options.get("bootstrap", null);
    String feedbackFile = options.get("feedback", null);
    String out = options.get("out", null);
    if (repository == null || (bootstrap == null) == (feedbackFile == null)) {
      throw new IllegalArgumentException(
          "finetune needs --repo and one of --bootstrap or --feedback");
    }
    if (out == null && bootstrap == null) {
      throw new IllegalArgumentException("without a broker, --out FILE says where to write");
    }
    ModelInfo model = ModelInfo.read(options.path("model", ModelPaths.SHIPPED));
    Path readsFile =
        options.path(
            "reads", ScoredReads.file(ScoredReads.DIRECTORY, model.modelVersion(), "validation"));
    ScoredReads global = ScoredReads.read(readsFile);
    List<Feedback> feedback =
        feedbackFile != null
            ? readJsonLines(Path.of(feedbackFile))
            : readTopic(bootstrap, repository);
    ModelAdaptation previous =
        out != null ? previousFile(Path.of(out)) : previousOnTopic(bootstrap, repository);
    int version = nextVersion(previous, repository);
    Finetune.Options defaults = Finetune.Options.defaults();
    Finetune.Options o =
        new Finetune.Options(
            Double.parseDouble(options.get("l2", Double.toString(defaults.l2()))),
            Double.parseDouble(options.get("holdBack", Double.toString(defaults.holdBack()))),
            options.integer("minOutcomes", defaults.minOutcomes()));
    Finetune.Result result =
        Finetune.run(repository, feedback, model, global, version, Instant.now(), o);
    System.out.printf(
        "%s: %d feedback records, %d model outcomes fitted, %d held back (the newest)%n",
        repository, feedback.size(), result.fitted().size(), result.heldBack().size());
    System.out.println("adapter: " + result.adapter());
    if (result.verdict() != null) {
      System.out.println("guard (global validation " + readsFile + ", held-back outcomes):");
      result.verdict().measures().forEach(m -> System.out.print(m.describe()));
    }
    if (result.adaptation() == null) {
      System.out.println("REFUSED, nothing written:");
      result.problems().forEach(p -> System.out.println("  " + p));
      return false;
    }
    ModelAdaptation a = result.adaptation();
    if (out != null) {
      Path path = Path.of(out);
      if (path.toAbsolutePath().getParent() != null) {
        Files.createDirectories(path.toAbsolutePath().getParent());
      }
      Files.writeString(path, EventJson.mapper().writeValueAsString(a) + "\n");
      System.out.printf("SHIPPED %s (base %s) to %s%n", a.version(), a.baseModelVersion(), out);
    } else {
      produce(bootstrap, a);
      System.out.printf(
          "SHIPPED %s (base %s) to %s%n",
          a.version(), a.baseModelVersion(), Topics.MODEL_ADAPTATIONS);
    }
    return true;
  }

  static List<Feedback> readJsonLines(Path file) throws Exception {
    List<Feedback> feedback = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        feedback.add(EventJson.mapper().readValue(line, Feedback.class));
      }
    }
    return feedback;
  }

  private static ModelAdaptation previousFile(Path file) throws Exception {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    return EventJson.mapper().readValue(file.toFile(), ModelAdaptation.class);
  }

  static int nextVersion(ModelAdaptation previous, String repository) {
    if (previous == null || previous.version() == null) {
      return 1;
    }
    String prefix = repository + "@";
    try {
      return previous.version().startsWith(prefix)
          ? Integer.parseInt(previous.version().substring(prefix.length())) + 1
          : 1;
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static List<Feedback> readTopic(String bootstrap, String repository) {
    List<Feedback> feedback = new ArrayList<>();
    var serde = EventSerdes.feedback();
    for (ConsumerRecord<String, byte[]> r : readAll(bootstrap, Topics.FEEDBACK, repository)) {
      try {
        feedback.add(serde.deserializer().deserialize(Topics.FEEDBACK, r.value()));
      } catch (RuntimeException e) {
        System.err.printf("skipping an unreadable feedback record at offset %d%n", r.offset());
      }
    }
    return feedback;
  }

  private static ModelAdaptation previousOnTopic(String bootstrap, String repository) {
    ModelAdaptation newest = null;
    var serde = EventSerdes.modelAdaptation();
    for (ConsumerRecord<String, byte[]> r :
        readAll(bootstrap, Topics.MODEL_ADAPTATIONS, repository)) {
      try {
        newest = serde.deserializer().deserialize(Topics.MODEL_ADAPTATIONS, r.value());
      } catch (RuntimeException e) {
        // an unreadable older adaptation only means the version count restarts from it
      }
    }
    return newest;
  }

  /** Every record of {@code key} on {@code topic}, from the beginning to the current end. */
  private static List<ConsumerRecord<String, byte[]>> readAll(
      String bootstrap, String topic, String key) {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ConsumerConfig.GROUP_ID_CONFIG, "attentive-finetune-" + UUID.randomUUID());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(i -> new TopicPartition(topic, i.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
          if (key.equals(r.key()) && r.value() != null) {
            records.add(r);
          }
        }
      }
    }
    return records;
  }

  private static void produce(String bootstrap, ModelAdaptation adaptation) {
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    try (KafkaProducer<String, ModelAdaptation> producer =
        new KafkaProducer<>(
            p, new StringSerializer(), EventSerdes.modelAdaptation().serializer())) {
      producer.send(
          new ProducerRecord<>(Topics.MODEL_ADAPTATIONS, adaptation.repository(), adaptation));
      producer.flush();
    }
  }
}
