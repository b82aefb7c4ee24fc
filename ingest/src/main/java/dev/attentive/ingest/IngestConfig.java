package dev.attentive.ingest;

import dev.attentive.github.GitHubClientConfig;
import dev.attentive.streams.StreamsServiceConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Everything ingest can be told (its topics: {@link StreamsServiceConfig}); see
 * docs/configuration.md.
 */
@ConfigMapping(prefix = "attentive.ingest")
public interface IngestConfig extends StreamsServiceConfig {

  Webhook webhook();

  PullRequests pullRequests();

  GitHub github();

  Content content();

  Profiles profiles();

  Sources sources();

  /**
   * The repository files attached to Java chunks (by reference; their text on the source-files
   * topic), so that the reviewer compiles a changed class with the classes around it.
   */
  interface Sources {
    /** Off: chunks go out without source references (tests compile the changed file alone). */
    @WithDefault("true")
    boolean enabled();

    /** How far references are followed: 1 = what the changed file names, 2 = what those name. */
    @WithDefault("2")
    int maxDepth();

    /** Files referenced by one chunk at most (head and base versions together). */
    @WithDefault("40")
    int maxFilesPerChunk();

    /**
     * Bytes of source read from GitHub per fetch of a pull request (2 MiB); cached blobs are free.
     */
    @WithDefault("2097152")
    long maxBytesPerFetch();

    /** Larger files are left out (256 KiB, also the most a record carries). */
    @WithDefault("262144")
    int maxFileBytes();

    /** A blob SHA published within this long is not published again by this instance. */
    @WithDefault("1h")
    Duration republishAfter();
  }

  /**
   * Repository profiles (docs/style.md): learned from a bounded, deterministic sample of the
   * default branch after a push to it, and for a pull request when there is none yet or it is older
   * than {@code max-age}. The budget's defaults are {@code SampleBudget.DEFAULT}.
   */
  interface Profiles {
    /** Off: no push is stored for profiles, no profile is requested or learned. */
    @WithDefault("true")
    boolean enabled();

    /** A pull request relearns a profile older than this; a push to the default branch always. */
    @WithDefault("7d")
    Duration maxAge();

    /** Java files read per profile (one blob request each). */
    @WithDefault("300")
    int maxFiles();

    /** Bytes of Java read per profile (4 MiB). */
    @WithDefault("4194304")
    long maxBytes();

    /** Larger Java files are not sampled (256 KiB). */
    @WithDefault("262144")
    long maxFileBytes();

    /**
     * Blob contents kept in memory across profiles (64 MiB), so a relearn reads only what changed;
     * 0 keeps none.
     */
    @WithDefault("67108864")
    long blobCacheBytes();
  }

  /**
   * Whole files at the head SHA, attached to chunks for analyzers that need context (one GitHub
   * call per file).
   */
  interface Content {
    /**
     * Languages (as in the chunk's {@code language}) whose files get their content attached; empty
     * for none.
     */
    @WithDefault("java")
    List<String> languages();

    /** Files larger than this are not attached. */
    @WithDefault("524288")
    int maxBytes();
  }

  interface Webhook {
    /** Where GitHub posts deliveries. */
    @WithDefault("/webhooks/github")
    String path();

    /** The GitHub App's (or repository hook's) webhook secret. */
    String secret();

    /** GitHub caps payloads at 25 MB. */
    @WithDefault("26214400")
    long maxBodyBytes();

    /**
     * How long to wait for Kafka to acknowledge a delivery before answering 503; GitHub gives up
     * after 10 s.
     */
    @WithDefault("5s")
    Duration storeTimeout();

    /** Comments whose body starts with this are bot commands. */
    @WithDefault("/attentive")
    String commandPrefix();

    /**
     * How many stored deliveries (id → body hash) each instance remembers, to refuse a delivery id
     * reused with another body at once (about 200 bytes each).
     */
    @WithDefault("20000")
    int rememberedDeliveries();
  }

  interface PullRequests {
    @WithDefault("opened,reopened,synchronize,ready_for_review")
    List<String> actions();

    /** Draft PRs are reviewed when they become ready, unless this is on. */
    @WithDefault("false")
    boolean reviewDrafts();

    /** Glob patterns of paths never reviewed; replaces the built-in list when set. */
    Optional<List<String>> ignore();

    /** Added to the built-in (or replaced) ignore list. */
    Optional<List<String>> ignoreExtra();
  }

  /**
   * The client (API, credentials, time-outs: {@link GitHubClientConfig}), what is listed, how reads
   * are retried.
   */
  interface GitHub extends GitHubClientConfig {
    /** GitHub lists at most 3,000 files of a pull request. */
    @WithDefault("3000")
    int maxFiles();

    @WithDefault("100")
    int pageSize();

    /**
     * Attempts per read for failures that may pass (5xx, time-outs, connection errors, rate
     * limits).
     */
    @WithDefault("4")
    int attempts();

    /**
     * First wait after a 5xx or I/O failure; doubled after each further failure, up to {@code
     * max-backoff}.
     */
    @WithDefault("500ms")
    Duration initialBackoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * Wait after a rate-limit answer (403 secondary limit, 429) that carries no {@code
     * Retry-After}.
     */
    @WithDefault("60s")
    Duration rateLimitWait();

    /**
     * Longest one delivery or command may spend waiting on GitHub (backoffs and {@code
     * Retry-After}) before it is dead-lettered. The retries run inside the exactly-once
     * transaction, so this must stay below the transaction time-out ({@code
     * kafka-streams.producer.transaction.timeout.ms}, 5 min); ingest refuses to start otherwise.
     */
    @WithDefault("2m")
    Duration retryBudget();
  }
}
