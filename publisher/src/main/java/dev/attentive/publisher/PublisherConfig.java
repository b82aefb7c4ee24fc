package dev.attentive.publisher;

import dev.attentive.github.GitHubClientConfig;
import dev.attentive.publisher.learning.LearningConfig;
import dev.attentive.streams.StreamsServiceConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Everything the publisher can be told (its topics: {@link StreamsServiceConfig}); see
 * docs/configuration.md.
 */
@ConfigMapping(prefix = "attentive.publisher")
public interface PublisherConfig extends StreamsServiceConfig {

  GitHub github();

  Review review();

  Checks checks();

  Outcomes outcomes();

  /** Learning from the team's outcomes: the bar that mutes a rule, the kinds' thresholds. */
  LearningConfig learning();

  /**
   * Secret the hidden markers are signed with (HMAC-SHA256), so that only this deployment can write
   * markers it believes. Unset: derived from the GitHub credentials, with a warning (see
   * docs/security.md).
   */
  Optional<String> markerSecret();

  /**
   * Whether markers without a MAC, as posted before markers were signed, still count when the bot's
   * own account wrote them. Turn off once older pull requests no longer matter.
   */
  @WithDefault("true")
  boolean markerAcceptUnsigned();

  /** What became of the posted comments (see docs/configuration.md, "Outcomes"). */
  interface Outcomes {
    /**
     * The most comments whose reactions are read per push or close of a PR (GitHub sends no webhook
     * for reactions); each is one request out of the installation's rate budget.
     */
    @WithDefault("20")
    int reactionReads();
  }

  /** A check run per head SHA summarising the review, with the suggestions as annotations. */
  interface Checks {
    /**
     * GitHub accepts check runs only from GitHub Apps (a personal token gets 403): off until the
     * service authenticates as an App.
     */
    @WithDefault("false")
    boolean enabled();

    /** The check run's name on the commit. */
    @WithDefault("Attentive")
    String name();
  }

  interface Review {
    /**
     * Inline comments per review, the most severe (then most confident) first; the rest are listed
     * in the summary. GitHub documents no cap, but reviews with more than ~30 comments have drawn
     * "submitted too quickly" and 502s.
     */
    @WithDefault("25")
    int maxInlineComments();

    /**
     * Longest review or comment body; GitHub refuses more than 65,536 characters. Longer bodies are
     * truncated.
     */
    @WithDefault("65536")
    int maxBodyChars();

    /** Delivery ids remembered per pull request (the newest are kept) to recognise redeliveries. */
    @WithDefault("1000")
    int rememberedDeliveries();
  }

  /**
   * The client (API, credentials, time-outs: {@link GitHubClientConfig}), paging, write spacing and
   * retries.
   */
  interface GitHub extends GitHubClientConfig {
    /**
     * Page size when listing a pull request's reviews and review comments (GitHub allows up to
     * 100).
     */
    @WithDefault("100")
    int pageSize();

    /**
     * The login the publisher posts as, whose reviews and comments alone may carry markers. Unset:
     * asked from GitHub once ({@code GET /app} → {@code <slug>[bot]}, or {@code GET /user} for a
     * token).
     */
    Optional<String> botLogin();

    /**
     * Least time between two content-creating requests (review POSTs) of one installation, which
     * are also made one at a time. GitHub allows at most 80 per minute and asks for about one
     * second between writes.
     */
    @WithDefault("1s")
    Duration minWriteInterval();

    /**
     * Attempts per request for failures that may pass: 5xx, time-outs, connection errors, rate
     * limits.
     */
    @WithDefault("5")
    int maxAttempts();

    /**
     * First wait after a 5xx or I/O failure; doubled after each further failure, up to {@code
     * max-backoff}.
     */
    @WithDefault("1s")
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
     * Longest a review may spend waiting on GitHub (backoffs and {@code Retry-After}) before it is
     * dead-lettered unposted; keeps the stream thread inside Kafka's poll and transaction
     * time-outs.
     */
    @WithDefault("3m")
    Duration retryBudget();
  }
}
