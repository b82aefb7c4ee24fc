package dev.attentive.github.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A caller that retries inside a Kafka transaction (ingest): Retry-After honoured, waiting bounded
 * by its budget.
 */
class TransactionBoundCallsTest {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final String RETRIES = "attentive.ingest.github.retries";

  final FakeTicker ticker = new FakeTicker();
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  GitHubCalls calls(RetryPolicy policy) {
    return new GitHubCalls(policy, ticker, Clock.fixed(NOW, ZoneOffset.UTC), metrics, RETRIES);
  }

  /**
   * ingest's defaults: 4 attempts, 500 ms doubling up to 30 s, 60 s for a limit without
   * Retry-After, 2 min.
   */
  static RetryPolicy ingestDefaults() {
    return new RetryPolicy(
        4,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofMinutes(2));
  }

  /** Fails every try with {@code failure}. */
  static GitHubCalls.Attempt<String> always(AtomicInteger tries, IOException failure) {
    return previous -> {
      tries.incrementAndGet();
      throw failure;
    };
  }

  @Test
  void a429WithRetryAfterWaitsWhatGitHubAsksThenRetries() throws Exception {
    GitHubCalls calls = calls(ingestDefaults());
    AtomicInteger tries = new AtomicInteger();
    String result =
        calls.read(
            "list files of o/r#1",
            calls.budget(),
            previous -> {
              if (tries.incrementAndGet() == 1) {
                throw GitHubErrors.withHeaders(
                    429, "too many", Map.of("Retry-After", List.of("3")));
              }
              assertThat(previous.kind()).isEqualTo(GitHubFailure.Kind.RATE_LIMITED);
              return "ok";
            });

    assertThat(result).isEqualTo("ok");
    assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(3));
    assertThat(metrics.counter(RETRIES, "reason", "rate_limited").count()).isEqualTo(1.0);
  }

  @Test
  void retriesStopBeforeTheTotalWaitExceedsTheBudget() {
    GitHubCalls calls =
        calls(
            new RetryPolicy(
                10,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10)));
    AtomicInteger tries = new AtomicInteger();

    assertThatThrownBy(
            () ->
                calls.read(
                    "list files of o/r#1",
                    calls.budget(),
                    always(tries, GitHubErrors.status(502, "bad gateway"))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("github_unavailable");
              assertThat(e.status()).isEqualTo(502);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GitHub failing (502 bad gateway) and waiting PT8S more to list files"
                          + " of o/r#1 would exceed the retry budget of PT10S");
            });
    // 1 + 2 + 4 s waited; the next 8 s would pass the 10 s budget: given up with 3 s of it left,
    // attempts to spare
    assertThat(ticker.sleeps())
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(tries.get()).isEqualTo(4);
  }

  @Test
  void aRetryAfterLongerThanTheBudgetIsNotWaitedFor() {
    GitHubCalls calls = calls(ingestDefaults());
    AtomicInteger tries = new AtomicInteger();

    assertThatThrownBy(
            () ->
                calls.read(
                    "read settings of o/r",
                    calls.budget(),
                    always(
                        tries,
                        GitHubErrors.withHeaders(
                            403,
                            "You have exceeded a secondary rate limit",
                            Map.of("Retry-After", List.of("121"))))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("github_rate_limited");
              assertThat(e.status()).isEqualTo(403);
            });
    assertThat(ticker.sleeps()).isEmpty();
    assertThat(tries.get()).isEqualTo(1);
  }

  @Test
  void theCallsOfOneFetchShareItsBudget() throws Exception {
    GitHubCalls calls = calls(ingestDefaults());
    GitHubCalls.Budget fetch = calls.budget();
    AtomicInteger tries = new AtomicInteger();
    calls.read(
        "read settings",
        fetch,
        previous -> {
          if (tries.incrementAndGet() == 1) {
            throw GitHubErrors.withHeaders(429, "", Map.of("Retry-After", List.of("90")));
          }
          return "ok";
        });

    assertThatThrownBy(
            () ->
                calls.read(
                    "list files",
                    fetch,
                    always(
                        tries,
                        GitHubErrors.withHeaders(429, "", Map.of("Retry-After", List.of("31"))))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> assertThat(e.reason()).isEqualTo("github_rate_limited"));
    assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(90));
  }

  @Test
  void theBudgetMustBeShorterThanTheTransactionTimeout() {
    RetryPolicy policy = ingestDefaults();
    assertThat(
            policy.insideTransaction(Duration.ofMinutes(5), "attentive.ingest.github.retry-budget"))
        .isSameAs(policy);
    assertThatThrownBy(
            () ->
                policy.insideTransaction(
                    Duration.ofMinutes(2), "attentive.ingest.github.retry-budget"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attentive.ingest.github.retry-budget (PT2M) must be shorter than the Kafka transaction time-out"
                + " (PT2M): GitHub retries run inside the transaction");
  }
}
