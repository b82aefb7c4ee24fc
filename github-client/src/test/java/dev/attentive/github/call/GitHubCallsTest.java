package dev.attentive.github.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHFileNotFoundException;

class GitHubCallsTest {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");

  final FakeTicker ticker = new FakeTicker();
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
  final WriteThrottle throttle = new WriteThrottle(Duration.ofSeconds(1), ticker);
  final GitHubCalls calls =
      new GitHubCalls(
          new RetryPolicy(
              3,
              Duration.ofMillis(100),
              Duration.ofMillis(150),
              Duration.ofSeconds(60),
              Duration.ofMinutes(3)),
          throttle,
          ticker,
          Clock.fixed(NOW, ZoneOffset.UTC),
          metrics,
          "attentive.publisher.github.retries");
  final List<GitHubFailure> previous = new ArrayList<>();

  /** An attempt that throws the queued failures, then answers "ok". */
  GitHubCalls.Attempt<String> failing(IOException... failures) {
    Deque<IOException> queue = new ArrayDeque<>(List.of(failures));
    return before -> {
      previous.add(before);
      if (!queue.isEmpty()) {
        throw queue.poll();
      }
      return "ok";
    };
  }

  double retries(String reason) {
    return metrics.counter("attentive.publisher.github.retries", "reason", reason).count();
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffCappedAtTheMaximum() throws Exception {
    String result =
        calls.read(
            "list reviews",
            calls.budget(),
            failing(
                GitHubErrors.status(502, "bad gateway"),
                new ConnectException("Connection refused")));

    assertThat(result).isEqualTo("ok");
    assertThat(ticker.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
    assertThat(previous)
        .extracting(p -> p == null ? null : p.kind())
        .containsExactly(null, GitHubFailure.Kind.TRANSIENT, GitHubFailure.Kind.TRANSIENT);
    assertThat(previous.get(1).status()).isEqualTo(502);
    assertThat(previous.get(2).status()).isZero();
    assertThat(previous.get(2).message()).isEqualTo("ConnectException: Connection refused");
    assertThat(retries("unavailable")).isEqualTo(2.0);
  }

  @Test
  void aSecondaryRateLimitWaitsRetryAfterAndHoldsTheInstallationsWrites() throws Exception {
    String result =
        calls.write(
            "create review",
            7L,
            calls.budget(),
            failing(
                GitHubErrors.withHeaders(
                    403, "Abuse limit reached", Map.of("Retry-After", List.of("7")))));

    assertThat(result).isEqualTo("ok");
    // the first write had no wait; the retry waited exactly Retry-After (the hold had then passed)
    assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(7));
    assertThat(previous.get(1).kind()).isEqualTo(GitHubFailure.Kind.RATE_LIMITED);
    assertThat(retries("rate_limited")).isEqualTo(1.0);

    // the next write of that installation keeps the spacing after the successful one
    calls.write("create review", 7L, calls.budget(), failing());
    assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(1));
  }

  @Test
  void rateLimitsWithoutRetryAfterWaitTheDefaultOrUntilThePrimaryReset() throws Exception {
    calls.read("a", calls.budget(), failing(GitHubErrors.withHeaders(429, "too many", Map.of())));
    calls.read(
        "b",
        calls.budget(),
        failing(
            GitHubErrors.status(
                403,
                "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few minutes\"}")));
    calls.read(
        "c",
        calls.budget(),
        failing(
            GitHubErrors.withHeaders(
                403,
                "API rate limit reached",
                Map.of(
                    "X-RateLimit-Remaining",
                    List.of("0"),
                    "X-RateLimit-Reset",
                    List.of(String.valueOf(NOW.getEpochSecond() + 30))))));
    calls.read(
        "d",
        calls.budget(),
        failing(
            GitHubErrors.withHeaders(
                403,
                "Abuse limit reached",
                Map.of("retry-after", List.of("Sun, 01 Jun 2025 12:00:05 GMT")))));

    assertThat(ticker.sleeps())
        .containsExactly(
            Duration.ofSeconds(60),
            Duration.ofSeconds(60),
            Duration.ofSeconds(31),
            Duration.ofSeconds(5));
  }

  @Test
  void permanentRefusalsFailAtOnceWithTheStatus() {
    assertThatThrownBy(
            () ->
                calls.write(
                    "create review",
                    1L,
                    calls.budget(),
                    failing(
                        GitHubErrors.status(422, "{\"message\":\"Unprocessable Entity\"}\nmore"))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("github_422");
              assertThat(e.status()).isEqualTo(422);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GitHub answered 422 to create review: "
                          + "{\"message\":\"Unprocessable Entity\"}");
            });
    assertThatThrownBy(
            () ->
                calls.read(
                    "get pull request",
                    calls.budget(),
                    failing(new GHFileNotFoundException("not found"))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class, e -> assertThat(e.reason()).isEqualTo("github_404"));
    assertThatThrownBy(
            () -> calls.read("x", calls.budget(), failing(GitHubErrors.status(403, "Forbidden"))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class, e -> assertThat(e.reason()).isEqualTo("github_403"));
    assertThat(ticker.sleeps()).isEmpty();
    assertThat(previous).hasSize(3);
  }

  @Test
  void afterMaxAttemptsTheCallGivesUp() {
    assertThatThrownBy(
            () ->
                calls.read(
                    "list reviews of o/r#1",
                    calls.budget(),
                    failing(
                        GitHubErrors.status(502, "a"),
                        GitHubErrors.status(503, "b"),
                        GitHubErrors.status(504, "c"))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("github_unavailable");
              assertThat(e.status()).isEqualTo(504);
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GitHub still failing after 3 attempts to list reviews of o/r#1: 504 c");
            });
    assertThat(previous).hasSize(3);
    assertThat(ticker.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(150));
  }

  @Test
  void aWaitBeyondTheRetryBudgetGivesUpWithoutSleeping() {
    GitHubCalls.Budget budget = calls.budget();
    assertThatThrownBy(
            () ->
                calls.write(
                    "create review",
                    1L,
                    budget,
                    failing(
                        GitHubErrors.withHeaders(
                            403, "Abuse limit reached", Map.of("Retry-After", List.of("181"))))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> {
              assertThat(e.reason()).isEqualTo("github_rate_limited");
              assertThat(e.getMessage())
                  .isEqualTo(
                      "GitHub failing (403 Abuse limit reached) and waiting PT3M1S more to"
                          + " create review would exceed the retry budget of PT3M");
            });
    assertThat(ticker.sleeps()).isEmpty();
  }

  @Test
  void theBudgetIsSharedByTheCallsOfOneReview() throws Exception {
    GitHubCalls.Budget budget = calls.budget();
    calls.read(
        "a",
        budget,
        failing(GitHubErrors.withHeaders(429, "", Map.of("Retry-After", List.of("100")))));
    assertThatThrownBy(
            () ->
                calls.read(
                    "b",
                    budget,
                    failing(
                        GitHubErrors.withHeaders(429, "", Map.of("Retry-After", List.of("81"))))))
        .isInstanceOfSatisfying(
            GitHubFailedException.class,
            e -> assertThat(e.reason()).isEqualTo("github_rate_limited"));
    // a fresh review has a fresh budget
    assertThat(
            calls.read(
                "c",
                calls.budget(),
                failing(GitHubErrors.withHeaders(429, "", Map.of("Retry-After", List.of("81"))))))
        .isEqualTo("ok");
    assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(100), Duration.ofSeconds(81));
  }
}
