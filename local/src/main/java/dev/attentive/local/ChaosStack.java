package dev.attentive.local;

import dev.attentive.testkit.github.GitHubEmulator;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The chaos bench's stack: the broker as its own process ({@link BrokerProcess}), the GitHub
 * emulator in this JVM, and ingest, reviewer and publisher as their own JVMs — each with one state
 * directory and one port for its whole life, so that a service killed with {@code kill -9} comes
 * back on the same state, as a restarted pod with a persistent volume would.
 */
final class ChaosStack implements AutoCloseable {

  /**
   * The bench's settings for the services, as system properties: short GitHub timeouts so that a
   * slow GitHub is noticed within the run; no repository profiles (learned asynchronously, they
   * would make the faulty run and its oracle differ by timing, and they are not what is measured);
   * no cap on inline comments per review: a review that arrives late covers the findings of the
   * heads before it, and past the cap (25) the rest are listed in its body instead of inline, which
   * the oracle, whose reviews came one head at a time, did not do.
   */
  static final Map<String, List<String>> SETTINGS =
      Map.of(
          "ingest",
          List.of(
              "-Dattentive.ingest.profiles.enabled=false",
              "-Dattentive.ingest.github.connect-timeout=2s",
              "-Dattentive.ingest.github.request-timeout=3s"),
          "reviewer",
          List.of(SyntheticJava.ENFORCE_FORMATTER),
          "publisher",
          List.of(
              "-Dattentive.publisher.github.connect-timeout=2s",
              "-Dattentive.publisher.github.request-timeout=3s",
              "-Dattentive.publisher.review.max-inline-comments=1000"));

  private final Path root;
  private final Path workDir;
  private final String secret;
  private final BrokerProcess broker;
  private final GitHubEmulator github;
  private final Map<String, Integer> ports = new LinkedHashMap<>();
  private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
  private final Map<String, Integer> incarnations = new LinkedHashMap<>();
  private final Thread stopOnExit = new Thread(this::close, "attentive-stop-chaos-stack");
  private boolean closed;

  private ChaosStack(
      Path root, Path workDir, String secret, BrokerProcess broker, GitHubEmulator github) {
    this.root = root;
    this.workDir = workDir;
    this.secret = secret;
    this.broker = broker;
    this.github = github;
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  static ChaosStack start(Path root, Path workDir, String secret, int partitions)
      throws IOException, InterruptedException {
    BrokerProcess broker = BrokerProcess.start(workDir.resolve("broker"), partitions);
    GitHubEmulator github = null;
    ChaosStack stack = null;
    try {
      github = GitHubEmulator.start();
      github.requireToken(Pipeline.EMULATOR_TOKEN);
      stack = new ChaosStack(root, workDir, secret, broker, github);
      for (String name : Pipeline.SERVICES) {
        stack.ports.put(name, Pipeline.freeOr(0));
        stack.launch(name);
      }
      for (ServiceProcess s : stack.services.values()) {
        s.awaitReady(Duration.ofSeconds(180));
      }
      return stack;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (stack != null) {
        stack.close();
      } else {
        if (github != null) {
          github.close();
        }
        broker.close();
      }
      throw e;
    }
  }

  private void launch(String name) throws IOException {
    int incarnation = incarnations.merge(name, 1, Integer::sum);
    Map<String, String> env =
        ServiceEnvironment.of(
            name,
            System.getenv(),
            Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", broker.bootstrapServers(),
                "ATTENTIVE_WEBHOOK_SECRET", secret,
                "GITHUB_API_URL", github.baseUrl(),
                "GITHUB_TOKEN", Pipeline.EMULATOR_TOKEN,
                "ATTENTIVE_STATE_DIR", workDir.resolve(name + "-state").toString(),
                "ATTENTIVE_PARENT_PID", String.valueOf(ProcessHandle.current().pid())));
    List<String> jvm = new ArrayList<>(ServiceProcess.QUICK_START);
    jvm.addAll(SETTINGS.get(name));
    services.put(
        name,
        ServiceProcess.start(
            name,
            root.resolve(name + "/target/quarkus-app/quarkus-run.jar"),
            ports.get(name),
            env,
            Files.createDirectories(workDir.resolve("logs/" + name + "-" + incarnation)),
            jvm));
  }

  GitHubEmulator github() {
    return github;
  }

  BrokerProcess broker() {
    return broker;
  }

  String webhookUrl() {
    return "http://127.0.0.1:" + ports.get("ingest") + "/webhooks/github";
  }

  /** Posts a signed webhook as GitHub would. */
  HttpResponse<String> deliver(String event, String deliveryId, byte[] payload)
      throws IOException, InterruptedException {
    return Webhook.post(webhookUrl(), event, deliveryId, payload, secret);
  }

  /** {@code kill -9}: no shutdown hook, no commit, no goodbye to the broker. */
  synchronized void kill9(String name) {
    ServiceProcess service = services.get(name);
    ProcessHandle.of(service.pid()).ifPresent(ProcessHandle::destroyForcibly);
    service.awaitExit(ServiceProcess.STOP_GRACE);
  }

  /** Starts the service again on its state directory and port; returns when it is ready. */
  void restart(String name) throws IOException, InterruptedException {
    ServiceProcess started;
    synchronized (this) {
      launch(name);
      started = services.get(name);
    }
    started.awaitReady(Duration.ofSeconds(180));
  }

  /** Every service's log so far, oldest incarnation first. */
  List<Path> logs() throws IOException {
    try (var files = Files.walk(workDir.resolve("logs"))) {
      return files.filter(p -> p.toString().endsWith(".log")).sorted().toList();
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException shuttingDown) {
      // this is the hook
    }
    services.values().forEach(ServiceProcess::stop);
    for (ServiceProcess s : services.values()) {
      s.awaitExit(ServiceProcess.STOP_GRACE);
    }
    github.close();
    broker.close();
  }
}
