package dev.attentive.reviewer.sandbox;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.SandboxJob;
import dev.attentive.events.SandboxResult;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.testgen.Sandbox;
import dev.attentive.reviewer.analysis.testgen.SandboxRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

/**
 * Sandboxed runs on the sandbox workers (the reviewer's role {@code sandbox}, a Deployment of its
 * own): the classes go as a zip in a {@link SandboxJob} to {@link Topics#SANDBOX_JOBS}, and the
 * answer comes back as a {@link SandboxResult} on {@link Topics#SANDBOX_RESULTS}. The caller waits
 * at most the run's own timeout plus {@code wait} (queueing, the worker's JVM start, Kafka):
 * without an answer by then, or when the job cannot be sent, the run is {@link
 * Sandbox.Outcome#UNAVAILABLE}, never a hang.
 *
 * <p>Every reviewer reads all partitions of the results topic from its end (no consumer group, no
 * offsets), and keeps only the answers to jobs it still waits for: an answer to a job it gave up
 * on, or a second answer to a redelivered job, is dropped. Thread-safe.
 */
public final class KafkaSandboxRunner implements SandboxRunner, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(KafkaSandboxRunner.class);

  private final Duration timeout;
  private final int maxHeapMb;
  private final Duration wait;
  private final KafkaProducer<String, SandboxJob> producer;
  private final KafkaConsumer<String, byte[]> consumer;
  private final JsonSerde<SandboxResult> results = EventSerdes.sandboxResult();
  private final Map<String, CompletableFuture<SandboxResult>> waiting = new ConcurrentHashMap<>();
  private final CountDownLatch listening = new CountDownLatch(1);
  private final Thread listener;
  private volatile boolean closed;

  /**
   * @param timeout the wall-clock limit each job asks for
   * @param maxHeapMb the sandboxed JVM's heap each job asks for
   * @param wait how much longer than {@code timeout} a run waits for its answer
   */
  public KafkaSandboxRunner(
      String bootstrapServers, Duration timeout, int maxHeapMb, Duration wait) {
    this.timeout = timeout;
    this.maxHeapMb = maxHeapMb;
    this.wait = wait;
    Properties p = new Properties();
    p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.put(ProducerConfig.CLIENT_ID_CONFIG, "attentive-reviewer-sandbox-jobs");
    p.put(ProducerConfig.ACKS_CONFIG, "all");
    p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
    p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(Topics.MAX_SANDBOX_RECORD_BYTES));
    // bounded by the wait: a dead broker ends a run as UNAVAILABLE
    int millis = (int) Math.max(1000, wait.toMillis());
    p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(millis));
    p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(millis));
    p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(millis));
    this.producer =
        new KafkaProducer<>(p, new StringSerializer(), EventSerdes.sandboxJob().serializer());
    Properties c = new Properties();
    c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    c.put(ConsumerConfig.CLIENT_ID_CONFIG, "attentive-reviewer-sandbox-results");
    c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    // the workers answer in transactions (Kafka Streams, exactly once)
    c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    this.consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer());
    this.listener = new Thread(this::listen, "attentive-sandbox-results");
    listener.setDaemon(true);
    listener.start();
  }

  @Override
  public Sandbox.Run run(Path work, Path classes, List<String> mainArgs)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.plus(wait).toNanos();
    byte[] zip;
    try {
      zip = ClassesZip.zip(classes, SandboxJob.MAX_CLASSES_ZIP_BYTES);
    } catch (ClassesZip.TooLarge e) {
      return unavailable(e.getMessage(), start);
    }
    if (!listening.await(left(deadline), TimeUnit.NANOSECONDS)) {
      return unavailable(
          "the sandbox workers' answers cannot be read (" + Topics.SANDBOX_RESULTS + ")", start);
    }
    String id = UUID.randomUUID().toString();
    CompletableFuture<SandboxResult> answer = new CompletableFuture<>();
    waiting.put(id, answer);
    try {
      SandboxJob job =
          new SandboxJob(
              SandboxJob.SCHEMA_VERSION,
              id,
              zip,
              List.copyOf(mainArgs),
              timeout.toMillis(),
              maxHeapMb,
              Instant.now());
      producer
          .send(new ProducerRecord<>(Topics.SANDBOX_JOBS, id, job))
          .get(left(deadline), TimeUnit.NANOSECONDS);
      return run(answer.get(left(deadline), TimeUnit.NANOSECONDS), start);
    } catch (TimeoutException e) {
      return unavailable(
          "no answer from the sandbox workers within "
              + timeout.plus(wait).toSeconds()
              + " s (is the sandbox Deployment running?)",
          start);
    } catch (ExecutionException e) {
      return unavailable("the job could not be sent: " + e.getCause().getMessage(), start);
    } catch (KafkaException e) {
      return unavailable("the job could not be sent: " + e.getMessage(), start);
    } finally {
      waiting.remove(id);
    }
  }

  private static long left(long deadline) {
    return Math.max(0, deadline - System.nanoTime());
  }

  private static Sandbox.Run run(SandboxResult r, long start) {
    Sandbox.Outcome outcome;
    try {
      outcome = Sandbox.Outcome.valueOf(r.outcome());
    } catch (IllegalArgumentException | NullPointerException e) {
      return unavailable("the sandbox worker answered an unknown outcome " + r.outcome(), start);
    }
    return new Sandbox.Run(
        outcome,
        r.lines() == null ? List.of() : List.copyOf(r.lines()),
        r.exitCode(),
        r.output() == null ? "" : r.output(),
        Duration.ofMillis(r.tookMillis()));
  }

  private static Sandbox.Run unavailable(String why, long start) {
    return new Sandbox.Run(
        Sandbox.Outcome.UNAVAILABLE,
        List.of(),
        -1,
        why,
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The listener thread: assigns every partition of the results topic, then hands answers out. */
  private void listen() {
    try {
      while (!closed) {
        try {
          if (consumer.assignment().isEmpty()) {
            assign();
            continue;
          }
          for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
            CompletableFuture<SandboxResult> answer =
                record.key() == null ? null : waiting.get(record.key());
            if (answer != null) {
              try {
                answer.complete(results.deserialize(record.topic(), record.value()));
              } catch (SerializationException e) {
                LOG.warnf("unreadable sandbox result for job %s: %s", record.key(), e.getMessage());
              }
            }
          }
        } catch (WakeupException e) {
          return;
        } catch (KafkaException e) {
          LOG.warnf("reading %s: %s; trying again", Topics.SANDBOX_RESULTS, e.getMessage());
          sleep();
        }
      }
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Assigns all partitions from their current end: answers to jobs sent from now on are read. The
   * topic may not exist yet (the services create topics in the background at start-up).
   */
  private void assign() {
    List<PartitionInfo> partitions =
        consumer.partitionsFor(Topics.SANDBOX_RESULTS, Duration.ofSeconds(10));
    if (partitions == null || partitions.isEmpty()) {
      sleep();
      return;
    }
    List<TopicPartition> all =
        partitions.stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    consumer.assign(all);
    consumer.seekToEnd(all);
    // resolves the end offsets now, so that no answer to a job sent after this is skipped
    all.forEach(consumer::position);
    listening.countDown();
  }

  private void sleep() {
    try {
      Thread.sleep(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      closed = true;
    }
  }

  @Override
  public void close() {
    closed = true;
    consumer.wakeup();
    try {
      listener.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    producer.close(Duration.ofSeconds(5));
  }
}
