package dev.attentive.local;

import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The whole pipeline on this machine: an in-JVM KRaft broker, the GitHub emulator (or real GitHub),
 * and ingest, reviewer and publisher each in its own JVM, started from the jars the build produced
 * — as deployed.
 */
public final class Pipeline implements AutoCloseable {

  public static final String EMULATOR_TOKEN = "ghp_local_demo_token";
  static final List<String> SERVICES = List.of("ingest", "reviewer", "publisher");

  private final EmbeddedKafka kafka;
  private final GitHubEmulator github;
  private final List<ServiceProcess> services = new ArrayList<>();
  private final String secret;
  private ServiceProcess ingest;
  private final Thread stopOnExit = new Thread(this::close, "attentive-stop-services");
  private boolean closed;
  private boolean brokerStopped;

  private Pipeline(EmbeddedKafka kafka, GitHubEmulator github, String secret) {
    this.kafka = kafka;
    this.github = github;
    this.secret = secret;
    // SIGTERM or Ctrl-C: the JVM waits for this hook, so the services are stopped before it ends.
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * Starts everything and waits until each service reports ready.
   *
   * @param root the checkout (jars under {@code SERVICE/target/quarkus-app})
   * @param githubApi null to start the emulator, else real GitHub's API URL
   * @param token the token the services use
   * @param jvmOptions for each service JVM
   */
  public static Pipeline start(
      Path root,
      Path workDir,
      String secret,
      String githubApi,
      String token,
      int ingestPort,
      List<String> services,
      List<String> jvmOptions)
      throws IOException, InterruptedException {
    EmbeddedKafka kafka = EmbeddedKafka.start(3);
    GitHubEmulator emulator = null;
    Pipeline pipeline = null;
    try {
      if (githubApi == null) {
        emulator = GitHubEmulator.start();
        emulator.requireToken(token);
      }
      pipeline = new Pipeline(kafka, emulator, secret);
      String api = emulator != null ? emulator.baseUrl() : githubApi;
      // Each service watches this pid: it stops when this JVM ends, even by kill -9.
      String launcher = String.valueOf(ProcessHandle.current().pid());
      for (String name : services) {
        Path state = workDir.resolve(name + "-state-" + UUID.randomUUID());
        Map<String, String> env =
            ServiceEnvironment.of(
                name,
                System.getenv(),
                Map.of(
                    "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                    "ATTENTIVE_WEBHOOK_SECRET", secret,
                    "GITHUB_API_URL", api,
                    "GITHUB_TOKEN", token,
                    "ATTENTIVE_STATE_DIR", state.toString(),
                    "ATTENTIVE_PARENT_PID", launcher));
        int port = name.equals("ingest") ? freeOr(ingestPort) : freeOr(0);
        ServiceProcess process =
            ServiceProcess.start(
                name,
                root.resolve(name + "/target/quarkus-app/quarkus-run.jar"),
                port,
                env,
                workDir,
                jvmOptions);
        pipeline.services.add(process);
        if (name.equals("ingest")) {
          pipeline.ingest = process;
        }
      }
      for (ServiceProcess s : pipeline.services) {
        s.awaitReady(Duration.ofSeconds(120));
      }
      return pipeline;
    } catch (IOException | InterruptedException | RuntimeException e) {
      if (pipeline != null) {
        pipeline.close();
      } else {
        if (emulator != null) {
          emulator.close();
        }
        kafka.close();
      }
      throw e;
    }
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  /** Null when real GitHub is used. */
  public GitHubEmulator github() {
    return github;
  }

  public String webhookUrl() {
    return ingest.baseUrl() + "/webhooks/github";
  }

  public List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  /** Posts a signed webhook as GitHub would. */
  public HttpResponse<String> deliver(String event, String deliveryId, byte[] payload)
      throws IOException, InterruptedException {
    return Webhook.post(webhookUrl(), event, deliveryId, payload, secret);
  }

  /** Stops the broker and leaves the services running, as when the broker becomes unreachable. */
  public synchronized void stopBroker() {
    if (!brokerStopped) {
      brokerStopped = true;
      kafka.close();
    }
  }

  /**
   * Stops the services (all at once: each has its own bound), then the emulator and the broker.
   * Called by the shutdown hook too, so it runs once.
   */
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
    services.forEach(ServiceProcess::stop);
    for (ServiceProcess s : services) {
      s.awaitExit(ServiceProcess.STOP_GRACE);
    }
    if (github != null) {
      github.close();
    }
    stopBroker();
  }

  static int freeOr(int preferred) throws IOException {
    if (preferred > 0) {
      try (ServerSocket s = new ServerSocket(preferred)) {
        return preferred;
      } catch (IOException busy) {
        // fall through to any free port
      }
    }
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
