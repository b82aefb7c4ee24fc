package dev.attentive.reviewer;

import dev.attentive.streams.StreamsServiceConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything the reviewer can be told (its topics: {@link StreamsServiceConfig}); see
 * docs/configuration.md.
 */
@ConfigMapping(prefix = "attentive.reviewer")
public interface ReviewerConfig extends StreamsServiceConfig {

  /** What this process is: the reviewer (the default), or a sandbox worker. */
  String ROLE_REVIEWER = "reviewer";

  /**
   * A sandbox worker: runs the tests analyzer's jobs from Kafka in its local bubblewrap sandbox and
   * nothing else (dev.attentive.reviewer.sandbox.SandboxWorker).
   */
  String ROLE_SANDBOX = "sandbox";

  /**
   * {@value #ROLE_REVIEWER}: analyzers over diff chunks; {@value #ROLE_SANDBOX}: a sandbox worker
   * (the same image as a Deployment of its own, docs/security.md), without the reviewer's topology,
   * analyzers and model.
   */
  @WithDefault(ROLE_REVIEWER)
  String role();

  /** The sandbox worker (role {@value #ROLE_SANDBOX}). */
  SandboxWorker sandbox();

  /** Analyzers to run, by id. */
  @WithDefault("style,tests,model")
  List<String> analyzers();

  Style style();

  /**
   * The tests analyzer: proposed JUnit 5 tests; read docs/security.md before turning execution on.
   */
  Tests tests();

  /** Serving the attention model (analyzer "model"). */
  Model model();

  /**
   * Each analyzer's call on one chunk stops after this long: its findings are left out, the review
   * gets a note and goes out. A chunk holds the stream thread at most the sum of the analyzers'
   * deadlines (docs/operations.md, "Deadlines").
   */
  @WithDefault("20s")
  Duration analyzerDeadline();

  /** Deadlines by analyzer id, overriding {@link #analyzerDeadline()}: e.g. {@code style=30s}. */
  Map<String, Duration> analyzerDeadlines();

  /**
   * Analyzer calls that may run at once across the service's stream threads; a call past its
   * deadline that ignores interruption keeps its thread until it ends, and when all are taken
   * analyzers are skipped (with a note), never waited for.
   */
  @WithDefault("8")
  int analyzerThreads();

  /**
   * A review whose chunks do not all arrive (a chunk was unreadable) is emitted with a note after
   * this long.
   */
  @WithDefault("10m")
  Duration incompleteReviewTimeout();

  /** The repository files ingest attaches to chunks (by reference), for compiling tests. */
  Sources sources();

  /**
   * The tests analyzer's third-party dependencies: those the changed file's nearest pom.xml
   * declares, resolved with their transitive ones through a Maven repository or proxy.
   */
  Dependencies dependencies();

  interface Dependencies {
    /** Off by default: classes that need a dependency then get no test, with a note. */
    @WithDefault("false")
    boolean enabled();

    /** A Maven repository or a proxy of one (e.g. a Nexus); required when enabled. */
    java.util.Optional<String> repositoryUrl();

    /** The local repository the jars are cached in; default ~/.cache/attentive/dependencies. */
    java.util.Optional<String> cacheDir();

    /** At most this many jars per pom, direct ones first. */
    @WithDefault("100")
    int maxArtifacts();

    /** At most this many bytes of jars per pom. */
    @WithDefault("209715200")
    long maxBytes();

    /**
     * One pom's resolution, and each request to the repository; past it the file is reviewed
     * without them (the download goes on and fills the cache).
     */
    @WithDefault("60s")
    Duration timeout();
  }

  interface Sources {
    /**
     * How long a chunk waits for referenced source files the reviewer's global table does not have
     * yet (ingest commits them with the chunk; the table's thread may lag); then the chunk is
     * analysed without them, with a note.
     */
    @WithDefault("2s")
    Duration maxWait();
  }

  interface Style {
    /**
     * A Checkstyle rule set enforced on EVERY repository: {@code google_checks.xml}, {@code
     * sun_checks.xml} (bundled with Checkstyle) or a path to a team's config. Unset (the default):
     * none; a repository's style is reviewed against its own learned conventions, plus the
     * Checkstyle file or formatter it declares itself.
     */
    java.util.Optional<String> checkstyleConfig();

    /**
     * Offer google-java-format's output on EVERY repository. Off by default: only repositories
     * whose build declares google-java-format (or whose {@code .attentive.yml} sets {@code
     * style.formatter}) get it.
     */
    @WithDefault("false")
    boolean formatter();

    /** Check changed lines against the repository's learned conventions (docs/style.md). */
    @WithDefault("true")
    boolean conventions();
  }

  interface Tests {
    Execution execution();

    /** Wall-clock limit of one sandboxed JVM run. */
    @WithDefault("20s")
    Duration timeout();

    /** The sandboxed JVM's -Xmx, in MiB. */
    @WithDefault("128")
    int maxHeapMb();

    @WithDefault("10")
    int maxMethodsPerFile();

    @WithDefault("12")
    int maxCasesPerMethod();

    /**
     * The JDK whose {@code java} runs the code under test in the sandbox (Java 17, or 21+ where
     * bubblewrap alone isolates it); unset: the reviewer's own.
     */
    java.util.Optional<String> javaHome();

    /**
     * Where sandboxed runs happen: {@value #LOCAL} (bubblewrap on this machine) or {@value #KAFKA}
     * (the sandbox workers, through Kafka; the Helm chart's {@code sandbox.enabled}).
     */
    @WithDefault(LOCAL)
    String sandbox();

    String LOCAL = "local";
    String KAFKA = "kafka";

    /**
     * With {@code sandbox=kafka}: how much longer than {@link #timeout()} a run waits for the
     * workers' answer (queueing, their JVM start, Kafka) before it counts as unavailable.
     */
    @WithDefault("30s")
    Duration sandboxWait();

    interface Execution {
      /**
       * Run the pull request's code (probes and generated tests) in a sandboxed JVM; off: compile
       * only.
       */
      @WithDefault("false")
      boolean enabled();
    }
  }

  interface SandboxWorker {
    /** The longest run a job may ask for (its reviewer's {@code tests.timeout}). */
    @WithDefault("60s")
    Duration maxTimeout();

    /** The largest heap a job may ask for (its reviewer's {@code tests.max-heap-mb}). */
    @WithDefault("512")
    int maxHeapMb();
  }

  interface Model {
    /** A SavedModel directory; unset means the model shipped in the attentive-models-serve jar. */
    java.util.Optional<String> path();

    /** cpu or gpu (the Helm chart's GPU pool sets gpu and supplies the GPU TensorFlow natives). */
    @WithDefault("cpu")
    String device();

    /** Inference threads, each with its own DJL Predictor. */
    @WithDefault("1")
    int workers();

    /** Windows from any chunks and pull requests batched together, at most this many. */
    @WithDefault("32")
    int maxBatch();

    /** How long a batch waits for more windows after its first. */
    @WithDefault("20ms")
    Duration maxWait();

    /** Overrides the confidence threshold calibrated at training time. */
    java.util.Optional<Double> threshold();

    /** At most this many changed lines per file are read by the model. */
    @WithDefault("40")
    int maxLinesPerFile();
  }
}
