package dev.attentive.github.call;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Runs GitHub calls with bounded retries: rate limits (403 secondary or primary limit, 429) wait
 * what GitHub asks ({@code Retry-After}, else until {@code X-RateLimit-Reset}, else the policy's
 * default), 5xx and I/O failures back off exponentially, other 4xx fail at once (see {@link
 * GitHubFailure}). Waiting is bounded per request ({@code maxAttempts}) and per unit of work (a
 * {@link Budget}: a review, a fetch); then the call fails with {@link GitHubFailedException}, whose
 * reason says why. Writes go through the {@link WriteThrottle}.
 *
 * <p>An expired or revoked installation token is not this class's business: the attempt runs its
 * request through {@link dev.attentive.github.auth.InstallationClients#call}, which renews the
 * token and repeats the request once.
 */
public final class GitHubCalls {

  private static final Logger LOG = Logger.getLogger(GitHubCalls.class);

  /** One try of a call; {@code previous} is the failure of the try before, null on the first. */
  @FunctionalInterface
  public interface Attempt<T> {
    T run(GitHubFailure previous) throws IOException;
  }

  /**
   * The time one unit of work (a review, a fetch) may spend waiting on GitHub, shared by all its
   * calls.
   */
  public final class Budget {
    private long waitedNanos;

    Duration remaining() {
      return policy.retryBudget().minusNanos(waitedNanos);
    }

    void spend(Duration wait) {
      waitedNanos += wait.toNanos();
    }
  }

  private final RetryPolicy policy;
  private final WriteThrottle throttle;
  private final Ticker ticker;
  private final Clock clock;
  private final MeterRegistry metrics;
  private final String retriesMetric;

  /**
   * @param retriesMetric the counter of retries (tag {@code reason}: {@code rate_limited} or {@code
   *     unavailable}), named per service, e.g. {@code attentive.publisher.github.retries}
   */
  public GitHubCalls(
      RetryPolicy policy,
      WriteThrottle throttle,
      Ticker ticker,
      Clock clock,
      MeterRegistry metrics,
      String retriesMetric) {
    this.policy = policy;
    this.throttle = throttle;
    this.ticker = ticker;
    this.clock = clock;
    this.metrics = metrics;
    this.retriesMetric = retriesMetric;
  }

  /**
   * For a caller that only reads: its writes, if any, are serialized per installation but not
   * spaced.
   */
  public GitHubCalls(
      RetryPolicy policy, Ticker ticker, Clock clock, MeterRegistry metrics, String retriesMetric) {
    this(policy, new WriteThrottle(Duration.ZERO, ticker), ticker, clock, metrics, retriesMetric);
  }

  public RetryPolicy policy() {
    return policy;
  }

  public Budget budget() {
    return new Budget();
  }

  /** A read (GET): retried, not throttled. */
  public <T> T read(String what, Budget budget, Attempt<T> attempt)
      throws GitHubFailedException, InterruptedException {
    return call(what, null, false, budget, attempt);
  }

  /**
   * A content-creating request: retried, and each try waits its turn in the installation's write
   * lane.
   */
  public <T> T write(String what, Long installationId, Budget budget, Attempt<T> attempt)
      throws GitHubFailedException, InterruptedException {
    return call(what, installationId, true, budget, attempt);
  }

  private <T> T call(
      String what, Long installationId, boolean write, Budget budget, Attempt<T> attempt)
      throws GitHubFailedException, InterruptedException {
    Duration backoff = policy.initialBackoff();
    GitHubFailure previous = null;
    for (int n = 1; ; n++) {
      GitHubFailure before = previous;
      try {
        return write
            ? throttle.write(installationId, () -> attempt.run(before))
            : attempt.run(before);
      } catch (GitHubFailedException e) {
        throw e;
      } catch (IOException e) {
        if (Thread.currentThread().isInterrupted()) {
          throw new InterruptedException("interrupted during " + what);
        }
        GitHubFailure failure = GitHubFailure.classify(e, policy.rateLimitWait(), clock);
        if (failure.kind() == GitHubFailure.Kind.PERMANENT) {
          throw new GitHubFailedException(
              "github_" + failure.status(),
              failure.status(),
              "GitHub answered " + failure.status() + " to " + what + ": " + failure.message(),
              e);
        }
        boolean limited = failure.kind() == GitHubFailure.Kind.RATE_LIMITED;
        String reason = limited ? "github_rate_limited" : "github_unavailable";
        if (n >= policy.maxAttempts()) {
          throw new GitHubFailedException(
              reason,
              failure.status(),
              "GitHub still failing after " + n + " attempts to " + what + ": " + describe(failure),
              e);
        }
        Duration wait = limited ? failure.retryAfter() : backoff;
        if (wait.compareTo(budget.remaining()) > 0) {
          throw new GitHubFailedException(
              reason,
              failure.status(),
              "GitHub failing ("
                  + describe(failure)
                  + ") and waiting "
                  + wait
                  + " more to "
                  + what
                  + " would exceed the retry budget of "
                  + policy.retryBudget(),
              e);
        }
        metrics
            .counter(retriesMetric, "reason", limited ? "rate_limited" : "unavailable")
            .increment();
        LOG.warnf(
            "%s failed (attempt %d/%d), retrying in %s: %s",
            what, n, policy.maxAttempts(), wait, describe(failure));
        if (limited && write) {
          throttle.hold(installationId, wait);
        }
        budget.spend(wait);
        ticker.sleep(wait);
        if (!limited) {
          backoff =
              backoff.multipliedBy(2).compareTo(policy.maxBackoff()) > 0
                  ? policy.maxBackoff()
                  : backoff.multipliedBy(2);
        }
        previous = failure;
      }
    }
  }

  private static String describe(GitHubFailure failure) {
    return (failure.status() > 0 ? failure.status() + " " : "") + failure.message();
  }
}
