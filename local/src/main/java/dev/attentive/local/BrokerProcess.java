package dev.attentive.local;

import dev.attentive.events.TopicSetup;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A KRaft broker (combined broker and controller) in its own JVM, from the Kafka jars on this JVM's
 * classpath, so that it can be stopped, killed and started again on the same log directory and port
 * while the services keep running — what a broker restart under load looks like.
 */
final class BrokerProcess implements AutoCloseable {

  /** A broker lives for minutes here: start fast rather than run fast. */
  static final List<String> JVM_OPTIONS =
      List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

  static final Duration STOP_GRACE = Duration.ofSeconds(30);

  private final Path dir;
  private final int port;
  private final String classpath;
  private final Thread killOnExit = new Thread(this::killNow, "attentive-kill-broker");
  private Process process;
  private int starts;

  private BrokerProcess(Path dir, int port, String classpath) {
    this.dir = dir;
    this.port = port;
    this.classpath = classpath;
    // A broker is no service of ours (no parent watchdog): it goes with this JVM however it ends.
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /**
   * Formats a fresh log directory under {@code dir}, starts the broker on a free loopback port and
   * creates Attentive's topics.
   */
  static BrokerProcess start(Path dir, int partitions) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    int port = Pipeline.freeOr(0);
    int controllerPort = Pipeline.freeOr(0);
    Files.writeString(dir.resolve("server.properties"), properties(dir, port, controllerPort));
    BrokerProcess broker = new BrokerProcess(dir, port, classpath);
    try {
      broker.run(
          "format",
          List.of(
              "kafka.tools.StorageTool",
              "format",
              "--standalone",
              "-t",
              Uuid.randomUuid().toString(),
              "-c",
              dir.resolve("server.properties").toString()),
          Duration.ofSeconds(60));
      broker.start();
      try (Admin admin = broker.admin()) {
        TopicSetup.ensureTopics(admin, partitions, (short) 1);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("cannot create the topics: " + e, e);
      }
      return broker;
    } catch (IOException | InterruptedException | RuntimeException e) {
      broker.close();
      throw e;
    }
  }

  static String properties(Path dir, int port, int controllerPort) {
    return String.join(
        "\n",
        "process.roles=broker,controller",
        "node.id=1",
        "controller.quorum.bootstrap.servers=127.0.0.1:" + controllerPort,
        "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
        "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
        "controller.listener.names=CONTROLLER",
        "inter.broker.listener.name=PLAINTEXT",
        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
        "log.dirs=" + dir.resolve("data"),
        "num.partitions=1",
        "offsets.topic.replication.factor=1",
        "offsets.topic.num.partitions=4",
        "transaction.state.log.replication.factor=1",
        "transaction.state.log.min.isr=1",
        "transaction.state.log.num.partitions=4",
        "share.coordinator.state.topic.replication.factor=1",
        "share.coordinator.state.topic.min.isr=1",
        "group.initial.rebalance.delay.ms=0",
        "auto.create.topics.enable=false",
        "");
  }

  String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  Admin admin() {
    return Admin.create(
        Map.of(
            AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers(),
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
            "30000"));
  }

  synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** Starts the broker on its log directory and port and waits until it answers. */
  synchronized void start() throws IOException, InterruptedException {
    if (running()) {
      throw new IllegalStateException("broker already running");
    }
    starts++;
    process =
        launch(
            "broker-" + starts,
            List.of("kafka.Kafka", dir.resolve("server.properties").toString()));
    awaitReady(Duration.ofSeconds(90));
  }

  /** SIGTERM (a controlled shutdown), then a kill after {@link #STOP_GRACE}. */
  synchronized void stop() {
    if (process != null) {
      process.destroy();
      awaitExit(STOP_GRACE);
    }
  }

  /** kill -9: no controlled shutdown, the log is recovered on the next start. */
  synchronized void kill9() {
    if (process != null) {
      process.destroyForcibly();
      awaitExit(STOP_GRACE);
    }
  }

  private void awaitExit(Duration grace) {
    try {
      if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitReady(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "broker exited with " + process.exitValue() + "; see " + dir.resolve("logs"));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        try (Admin admin = admin()) {
          admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
          return;
        }
      } catch (IOException | java.util.concurrent.ExecutionException e) {
        last = e.toString();
      } catch (java.util.concurrent.TimeoutException e) {
        last = "no cluster description within 5 s";
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "broker not ready after " + timeout + " (" + last + "); see " + dir.resolve("logs"));
  }

  /** Runs a Kafka tool to its end, its output in the log directory. */
  private void run(String name, List<String> mainAndArgs, Duration timeout)
      throws IOException, InterruptedException {
    Process tool = launch(name, mainAndArgs);
    if (!tool.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      tool.destroyForcibly();
      throw new IllegalStateException(name + " did not finish; see " + dir.resolve("logs"));
    }
    if (tool.exitValue() != 0) {
      throw new IllegalStateException(
          name + " exited with " + tool.exitValue() + "; see " + dir.resolve("logs"));
    }
  }

  private Process launch(String name, List<String> mainAndArgs) throws IOException {
    Path logs = Files.createDirectories(dir.resolve("logs"));
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(JVM_OPTIONS);
    // slf4j-simple (on this classpath) writes Kafka's log to stderr, into the log file
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=info");
    command.add("-Dorg.slf4j.simpleLogger.log.org.apache.kafka=warn");
    command.add("-Dorg.slf4j.simpleLogger.log.kafka=warn");
    command.addAll(List.of("-cp", classpath));
    command.addAll(mainAndArgs);
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().keySet().retainAll(ServiceEnvironment.INHERITED);
    return builder
        .redirectErrorStream(true)
        .redirectOutput(logs.resolve(name + ".log").toFile())
        .start();
  }

  private synchronized void killNow() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  @Override
  public synchronized void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // this is the hook
    }
    stop();
  }
}
