package dev.attentive.local;

import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole pipeline on this machine: an in-JVM KRaft broker, the GitHub emulator (or real GitHub),
 * and ingest, reviewer and publisher each in its own JVM (or several: {@link Scale}), started from
 * the jars the build produced — as deployed.
 */
public final class Pipeline implements AutoCloseable {

  public static final String EMULATOR_TOKEN = "ghp_local_demo_token";
  static final List<String> SERVICES = List.of("ingest", "reviewer", "publisher");

  private final EmbeddedKafka kafka;
  private final GitHubEmulator github;
  // Instances are added while the stack runs and read by the shutdown hook.
  private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
  private final Map<String, Integer> started = new HashMap<>();
  private final AtomicInteger nextIngest = new AtomicInteger();
  private final String secret;
  private final Path root;
  private final Path workDir;
  private final Map<String, String> settings;
  private final List<String> jvmOptions;
  private final Thread stopOnExit = new Thread(this::close, "attentive-stop-services");
  private boolean closed;
  private boolean brokerStopped;

  private static final Duration READY_WITHIN = Duration.ofSeconds(120);

  private Pipeline(
      EmbeddedKafka kafka,
      GitHubEmulator github,
      String secret,
      Path root,
      Path workDir,
      Map<String, String> settings,
      List<String> jvmOptions) {
    this.kafka = kafka;
    this.github = github;
    this.secret = secret;
    this.root = root;
    this.workDir = workDir;
    this.settings = Map.copyOf(settings);
    this.jvmOptions = List.copyOf(jvmOptions);
    // SIGTERM or Ctrl-C: the JVM waits for this hook, so the services are stopped before it ends.
    Runtime.getRuntime().addShutdownHook(stopOnExit);
  }

  /**
   * How many instances of each service, on topics of how many partitions, and which analyzers the
   * reviewers run.
   *
   * @param instances per service; a service not named gets one
   * @param analyzers {@code attentive.reviewer.analyzers} for every reviewer, null for the
   *     service's default
   * @param reviewerTransactionTimeout the reviewers' {@code
   *     kafka-streams.producer.transaction.timeout.ms}, null for the service's 5 min: a reviewer
   *     killed with a transaction open holds its partitions' committed offsets until the broker
   *     aborts that transaction after this long (docs/operations.md, "Scaling and partitions")
   */
  public record Scale(
      int partitions,
      Map<String, Integer> instances,
      String analyzers,
      Duration reviewerTransactionTimeout) {

    /** One of each on 3 partitions, the service's own analyzers: what the local stack runs. */
    public static final Scale SINGLE = new Scale(3, Map.of(), null, null);

    public Scale {
      if (partitions < 1) {
        throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
      }
      instances = Map.copyOf(instances);
    }

    int instancesOf(String service) {
      return instances.getOrDefault(service, 1);
    }
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
    return start(
        root, workDir, secret, githubApi, token, ingestPort, services, jvmOptions, Scale.SINGLE);
  }

  /**
   * Starts everything with {@code scale.instancesOf(service)} instances of each service (one
   * consumer group per service, each instance its own port and state directory, named {@code
   * reviewer}, {@code reviewer-2}, ...) and waits until each reports ready.
   */
  public static Pipeline start(
      Path root,
      Path workDir,
      String secret,
      String githubApi,
      String token,
      int ingestPort,
      List<String> services,
      List<String> jvmOptions,
      Scale scale)
      throws IOException, InterruptedException {
    EmbeddedKafka kafka = EmbeddedKafka.start(scale.partitions());
    GitHubEmulator emulator = null;
    Pipeline pipeline = null;
    try {
      if (githubApi == null) {
        emulator = GitHubEmulator.start();
        emulator.requireToken(token);
      }
      String api = emulator != null ? emulator.baseUrl() : githubApi;
      Map<String, String> settings = new HashMap<>();
      settings.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      settings.put("ATTENTIVE_WEBHOOK_SECRET", secret);
      settings.put("GITHUB_API_URL", api);
      settings.put("GITHUB_TOKEN", token);
      // Each service watches this pid: it stops when this JVM ends, even by kill -9.
      settings.put("ATTENTIVE_PARENT_PID", String.valueOf(ProcessHandle.current().pid()));
      if (scale.analyzers() != null) {
        settings.put("ATTENTIVE_REVIEWER_ANALYZERS", scale.analyzers());
      }
      if (scale.reviewerTransactionTimeout() != null) {
        settings.put(
            "KAFKA_STREAMS_PRODUCER_TRANSACTION_TIMEOUT_MS",
            String.valueOf(scale.reviewerTransactionTimeout().toMillis()));
      }
      pipeline = new Pipeline(kafka, emulator, secret, root, workDir, settings, jvmOptions);
      for (String name : services) {
        for (int i = 0; i < scale.instancesOf(name); i++) {
          pipeline.launch(name, name.equals("ingest") && i == 0 ? ingestPort : 0);
        }
      }
      for (ServiceProcess s : pipeline.services) {
        s.awaitReady(READY_WITHIN);
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

  /** Starts one more instance of a service (joining its group: a rebalance) and waits for it. */
  public ServiceProcess addInstance(String service) throws IOException, InterruptedException {
    ServiceProcess process = launch(service, 0);
    process.awaitReady(READY_WITHIN);
    return process;
  }

  /** Every instance of a service started so far, running or not, in start order. */
  public List<ServiceProcess> instances(String service) {
    return services.stream().filter(s -> serviceOf(s.name()).equals(service)).toList();
  }

  private synchronized ServiceProcess launch(String service, int preferredPort) throws IOException {
    if (closed) {
      throw new IllegalStateException("the pipeline is closed");
    }
    int index = started.merge(service, 1, Integer::sum);
    String name = index == 1 ? service : service + "-" + index;
    Map<String, String> stack = new HashMap<>(settings);
    stack.put(
        "ATTENTIVE_STATE_DIR", workDir.resolve(name + "-state-" + UUID.randomUUID()).toString());
    ServiceProcess process =
        ServiceProcess.start(
            name,
            root.resolve(service + "/target/quarkus-app/quarkus-run.jar"),
            freeOr(preferredPort),
            ServiceEnvironment.of(service, System.getenv(), stack),
            workDir,
            jvmOptions);
    services.add(process);
    return process;
  }

  /** {@code reviewer-2} → {@code reviewer}. */
  static String serviceOf(String instance) {
    return instance.replaceFirst("-[0-9]+$", "");
  }

  public EmbeddedKafka kafka() {
    return kafka;
  }

  /** Null when real GitHub is used. */
  public GitHubEmulator github() {
    return github;
  }

  /** The first ingest instance still running. */
  public String webhookUrl() {
    return liveIngest().get(0).baseUrl() + "/webhooks/github";
  }

  public List<ServiceProcess> services() {
    return List.copyOf(services);
  }

  /**
   * Posts a signed webhook as GitHub would, to the running ingest instances in turn (as a load
   * balancer in front of them would).
   */
  public HttpResponse<String> deliver(String event, String deliveryId, byte[] payload)
      throws IOException, InterruptedException {
    List<ServiceProcess> live = liveIngest();
    ServiceProcess to = live.get(Math.floorMod(nextIngest.getAndIncrement(), live.size()));
    return Webhook.post(to.baseUrl() + "/webhooks/github", event, deliveryId, payload, secret);
  }

  private List<ServiceProcess> liveIngest() {
    List<ServiceProcess> live =
        instances("ingest").stream().filter(ServiceProcess::isAlive).toList();
    if (live.isEmpty()) {
      throw new IllegalStateException("no ingest instance is running");
    }
    return live;
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
