package dev.attentive.reviewer.analysis.testgen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.SandboxJob;
import dev.attentive.events.SandboxResult;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.testgen.TestAnalyzer.Report;
import dev.attentive.reviewer.sandbox.KafkaSandboxRunner;
import dev.attentive.reviewer.sandbox.SandboxWorker;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests analyzer with its sandboxed runs sent through Kafka to a sandbox worker (the reviewer's
 * role {@code sandbox}, here its topology in this JVM) on an embedded broker: the same suggestions
 * as the local sandbox, UNAVAILABLE for what the worker cannot run, and a bounded wait when no
 * worker answers (that test runs first, before the worker starts).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SandboxThroughKafkaTest {

  static final String PORTS = "src/main/java/com/acme/net/Ports.java";

  final TestsConfig config = new TestsConfig(true, Duration.ofSeconds(60), 128, 10, 12);

  @TempDir Path dir;

  EmbeddedKafka kafka;
  KafkaStreams worker;

  @BeforeAll
  void startTheBroker() {
    kafka = EmbeddedKafka.start(2);
  }

  @AfterAll
  void stop() {
    if (worker != null) {
      worker.close(Duration.ofSeconds(10));
    }
    kafka.close();
  }

  private void startTheWorker() throws Exception {
    if (worker != null) {
      return;
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "attentive-sandbox-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, "100");
    props.put(
        StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("sandbox-worker").toString());
    props.put(
        StreamsConfig.producerPrefix("max.request.size"),
        String.valueOf(Topics.MAX_SANDBOX_RECORD_BYTES));
    worker =
        new KafkaStreams(
            new SandboxWorker(Duration.ofSeconds(60), 512, null)
                .topology(new SimpleMeterRegistry(), Clock.systemUTC()),
            props);
    worker.start();
    for (int i = 0; i < 600 && worker.state() != KafkaStreams.State.RUNNING; i++) {
      Thread.sleep(100);
    }
    assertThat(worker.state()).isEqualTo(KafkaStreams.State.RUNNING);
  }

  @Test
  @Order(1)
  void withoutAWorkerARunIsUnavailableAfterTheBoundedWait() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes/none"));
    Files.writeString(classes.resolve("Nothing.class"), "not really a class");
    try (KafkaSandboxRunner runner =
        new KafkaSandboxRunner(
            kafka.bootstrapServers(), Duration.ofSeconds(1), 64, Duration.ofSeconds(2))) {
      Sandbox.Run run =
          runner.run(
              Files.createDirectories(dir.resolve("work")),
              dir.resolve("classes"),
              List.of("junit"));

      assertThat(run.outcome()).isEqualTo(Sandbox.Outcome.UNAVAILABLE);
      assertThat(run.output()).contains("no answer from the sandbox workers within 3 s");
      assertThat(TestAnalyzer.describe(run)).startsWith("the sandbox could not be set up: ");
    }
  }

  @Test
  @Order(2)
  void theSameSuggestionsAsWithTheLocalSandbox() throws Exception {
    startTheWorker();
    var chunk = Fixtures.fixture("ports", PORTS, "Ports.java");
    Report local = new TestAnalyzer(config).report(chunk, true);
    Report remote;
    try (KafkaSandboxRunner runner =
        new KafkaSandboxRunner(
            kafka.bootstrapServers(),
            config.timeout(),
            config.maxHeapMb(),
            Duration.ofSeconds(60))) {
      remote = new TestAnalyzer(config, runner).report(chunk, true);
    }

    assertThat(local.runs())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Sandbox.Outcome.COMPLETED));
    assertThat(remote.runs())
        .hasSameSizeAs(local.runs())
        .allSatisfy(
            r -> assertThat(r.outcome()).as(r.output()).isEqualTo(Sandbox.Outcome.COMPLETED));
    assertThat(local.suggestions())
        .anySatisfy(s -> assertThat(s.ruleId()).isEqualTo(TestAnalyzer.VERIFIED_RULE))
        .anySatisfy(s -> assertThat(s.ruleId()).isEqualTo(TestAnalyzer.BEHAVIOUR_RULE));
    assertThat(remote.suggestions()).isEqualTo(local.suggestions());
  }

  @Test
  @Order(3)
  void aJobTheWorkerCannotUnpackIsAnsweredUnavailableEachTimeItComes() throws Exception {
    startTheWorker();
    ByteArrayOutputStream slip = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(slip)) {
      zip.putNextEntry(new ZipEntry("../../escaped.class"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    send("not-a-zip", new byte[] {'n', 'o', 'p', 'e'});
    send("zip-slip", slip.toByteArray());
    // delivered again (as after a worker died mid-run): answered again
    send("not-a-zip", new byte[] {'n', 'o', 'p', 'e'});

    List<SandboxResult> answers =
        kafka.await(
            Topics.SANDBOX_RESULTS,
            EventSerdes.sandboxResult(),
            r -> r.jobId().equals("not-a-zip") || r.jobId().equals("zip-slip"),
            3,
            Duration.ofSeconds(60));

    assertThat(answers)
        .extracting(SandboxResult::jobId)
        .containsExactlyInAnyOrder("not-a-zip", "zip-slip", "not-a-zip");
    assertThat(answers)
        .allSatisfy(
            r -> {
              assertThat(r.outcome()).isEqualTo("UNAVAILABLE");
              assertThat(r.output()).startsWith("the job's classes cannot be unpacked: ");
            });
    assertThat(answers)
        .filteredOn(r -> r.jobId().equals("zip-slip"))
        .singleElement()
        .satisfies(r -> assertThat(r.output()).contains("outside the classes directory"));
  }

  private void send(String id, byte[] zip) {
    kafka.send(
        Topics.SANDBOX_JOBS,
        id,
        EventSerdes.sandboxJob()
            .serialize(
                Topics.SANDBOX_JOBS,
                new SandboxJob(
                    SandboxJob.SCHEMA_VERSION,
                    id,
                    zip,
                    List.of("junit"),
                    5000,
                    64,
                    Instant.now())));
  }

  @Test
  @Order(4)
  void classesTooLargeForAJobAreUnavailableWithoutSendingIt() throws Exception {
    Path classes = Files.createDirectories(dir.resolve("big/classes"));
    byte[] noise = new byte[SandboxJob.MAX_CLASSES_ZIP_BYTES + 1024];
    new Random(14).nextBytes(noise); // does not compress
    Files.write(classes.resolve("Big.class"), noise);
    try (KafkaSandboxRunner runner =
        new KafkaSandboxRunner(
            kafka.bootstrapServers(), Duration.ofSeconds(5), 64, Duration.ofSeconds(5))) {
      Sandbox.Run run =
          runner.run(Files.createDirectories(dir.resolve("big/work")), classes, List.of("junit"));

      assertThat(run.outcome()).isEqualTo(Sandbox.Outcome.UNAVAILABLE);
      assertThat(run.output()).contains("do not fit into a sandbox job");
    }
  }
}
