package dev.attentive.streams;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.BotCommand;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processing base under Kafka Streams' test driver, with a processor that echoes each command's
 * name once.
 */
class ExactlyOnceProcessorTest {

  @TempDir Path stateDir;

  static final String KEY = "acme/shop#7";
  static final String PROCESSED = "processed-commands";
  static final String ECHOES_TOPIC = "echoes";
  static final Sink<String> ECHOES = Sink.toTopic(ECHOES_TOPIC, Serdes.String().serializer());
  static final Duration RETENTION = Duration.ofDays(7);
  static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");

  /** A clock the test moves. */
  static final class TestClock extends Clock {
    Instant now = T0;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /**
   * Echoes each command once; refuses commands without an author; dead-letters the command "boom".
   */
  static final class Echo extends ExactlyOnceProcessor<BotCommand> {
    private final Clock clock;
    private ProcessedIds processed;

    Echo(DeadLetters deadLetters, Clock clock) {
      super(Topics.BOT_COMMANDS, EventSerdes.botCommand(), "command", deadLetters);
      this.clock = clock;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
      super.init(context);
      processed = ProcessedIds.open(context, PROCESSED, RETENTION, clock);
    }

    @Override
    protected void validate(BotCommand command) {
      if (command.author() == null) {
        throw new IllegalArgumentException("command without an author");
      }
    }

    @Override
    protected void process(Record<String, byte[]> record, BotCommand command) {
      if (processed.contains(command.deliveryId())) {
        return;
      }
      if (command.command().equals("boom")) {
        deadLetter(record, "processing_failed", new IllegalStateException("boom"));
        return;
      }
      send(ECHOES, record.withValue(command.command()));
      processed.add(command.deliveryId());
    }
  }

  final TestClock clock = new TestClock();
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> commands;
  TestOutputTopic<String, String> echoes;
  TestOutputTopic<String, DeadLetter> deadLetters;

  @BeforeEach
  void start() {
    Topology topology =
        new Topology()
            .addSource(
                "commands",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.BOT_COMMANDS)
            .addProcessor(
                "echo", () -> new Echo(new DeadLetters("test", metrics, clock), clock), "commands")
            .addStateStore(ProcessedIds.store(PROCESSED), "echo");
    ECHOES.addTo(topology, "echo");
    Sinks.DEAD_LETTERS.addTo(topology, "echo");

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "streams-test");
    // Its own state directory: the stores are RocksDB, which locks its files.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    driver = new TopologyTestDriver(topology, props, T0);
    commands =
        driver.createInputTopic(
            Topics.BOT_COMMANDS, Serdes.String().serializer(), Serdes.ByteArray().serializer());
    echoes =
        driver.createOutputTopic(
            ECHOES_TOPIC, Serdes.String().deserializer(), Serdes.String().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS, Serdes.String().deserializer(), EventSerdes.deadLetter());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void unreadableBytesAreDeadLetteredWithTheReasonAndTheOriginalBytesAndTheStreamGoesOn() {
    byte[] poison = "{\"schemaVersion\":1,\"deliveryId\":".getBytes(StandardCharsets.UTF_8);
    commands.pipeInput(KEY, poison);
    send(command("d1", "review"));

    DeadLetter letter = deadLetters.readValue();
    assertThat(letter.service()).isEqualTo("test");
    assertThat(letter.sourceTopic()).isEqualTo(Topics.BOT_COMMANDS);
    assertThat(letter.sourcePartition()).isZero();
    assertThat(letter.sourceOffset()).isZero();
    assertThat(letter.key()).isEqualTo(KEY);
    assertThat(letter.value()).isEqualTo(poison);
    assertThat(letter.error())
        .startsWith("unreadable_command: not a valid BotCommand on " + Topics.BOT_COMMANDS);
    assertThat(letter.errorDetail()).contains("SerializationException");
    assertThat(letter.failedAt()).isEqualTo(T0);
    assertThat(deadLetters.isEmpty()).isTrue();
    assertThat(echoes.readKeyValuesToList())
        .extracting(kv -> kv.key, kv -> kv.value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(KEY, "review"));
    assertThat(deadLettersCounted("unreadable_command")).isEqualTo(1.0);
  }

  @Test
  void aNewerSchemaVersionIsUnreadableAndAnInvalidValueIsDeadLetteredAsInvalid() {
    BotCommand future =
        new BotCommand(
            BotCommand.SCHEMA_VERSION + 1,
            "d1",
            "acme/shop",
            7,
            9L,
            "review",
            List.of(),
            "octocat",
            "OWNER",
            1L,
            T0);
    send(future);
    BotCommand anonymous =
        new BotCommand(
            BotCommand.SCHEMA_VERSION,
            "d2",
            "acme/shop",
            7,
            9L,
            "review",
            List.of(),
            null,
            "NONE",
            2L,
            T0);
    send(anonymous);

    assertThat(deadLetters.readValuesToList())
        .extracting(DeadLetter::error, DeadLetter::sourceOffset)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "unreadable_command: BotCommand on "
                    + Topics.BOT_COMMANDS
                    + " has schema version "
                    + (BotCommand.SCHEMA_VERSION + 1)
                    + "; this service reads 1.."
                    + BotCommand.SCHEMA_VERSION,
                0L),
            org.assertj.core.groups.Tuple.tuple("invalid_command: command without an author", 1L));
    assertThat(echoes.isEmpty()).isTrue();
    assertThat(deadLettersCounted("unreadable_command")).isEqualTo(1.0);
    assertThat(deadLettersCounted("invalid_command")).isEqualTo(1.0);
  }

  @Test
  void aRecordThatFailsInProcessingIsDeadLetteredAndItsIdIsNotMarkedProcessed() {
    send(command("d1", "boom"));
    send(command("d1", "boom"));

    assertThat(deadLetters.readValuesToList())
        .extracting(DeadLetter::error)
        .containsExactly("processing_failed: boom", "processing_failed: boom");
    assertThat(deadLettersCounted("processing_failed")).isEqualTo(2.0);
  }

  @Test
  void aDuplicateIdIsSkipped() {
    send(command("d1", "review"));
    send(command("d1", "review"));
    send(command("d2", "pause"));

    assertThat(echoes.readValuesToList()).containsExactly("review", "pause");
    assertThat(deadLetters.isEmpty()).isTrue();
  }

  @Test
  void idsAreRememberedForTheRetentionAndForgottenAfterIt() {
    send(command("d1", "review"));

    clock.now = T0.plus(RETENTION).minus(Duration.ofMinutes(1));
    driver.advanceWallClockTime(ProcessedIds.FORGET_EVERY);
    send(command("d1", "review"));
    assertThat(echoes.readValuesToList())
        .as("still remembered within the retention")
        .containsExactly("review");

    clock.now = T0.plus(RETENTION).plus(Duration.ofMinutes(1));
    driver.advanceWallClockTime(ProcessedIds.FORGET_EVERY);
    send(command("d1", "review"));
    assertThat(echoes.readValuesToList())
        .as("forgotten after the retention: processed again")
        .containsExactly("review");
  }

  private void send(BotCommand command) {
    commands.pipeInput(KEY, EventSerdes.botCommand().serialize(Topics.BOT_COMMANDS, command));
  }

  private static BotCommand command(String deliveryId, String name) {
    return new BotCommand(
        BotCommand.SCHEMA_VERSION,
        deliveryId,
        "acme/shop",
        7,
        9L,
        name,
        List.of(),
        "octocat",
        "OWNER",
        1L,
        T0);
  }

  private double deadLettersCounted(String reason) {
    return metrics.counter("attentive.test.dead.letters", "reason", reason).count();
  }
}
