package dev.attentive.publisher.review;

import dev.attentive.events.LineRange;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import dev.attentive.github.call.FakeTicker;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.WriteThrottle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Reviews and suggestions for the unit tests. */
final class Fixtures {

  static final String PATH = "src/A.java";
  static final String HEAD = "abcdef0123456789abcdef0123456789abcdef01";
  static final Map<String, List<LineRange>> ANCHORS =
      Map.of(PATH, List.of(new LineRange(1, 10), new LineRange(20, 25)));

  /** The login the fakes say the publisher posts as. */
  static final String BOT = "attentive[bot]";

  /** Markers signed with the tests' secret; unsigned ones (posted before signing) accepted. */
  static final Markers MARKERS = SignedMarkers.MARKERS;

  private Fixtures() {}

  static Suggestion suggestion(
      int start, int end, Severity severity, double confidence, String fingerprint) {
    return new Suggestion(
        Kind.STYLE,
        PATH,
        start,
        end,
        severity,
        confidence,
        "Finding " + fingerprint + ".",
        null,
        "style/R",
        fingerprint);
  }

  static Suggestion at(int line, String fingerprint) {
    return suggestion(line, line, Severity.WARNING, 0.5, fingerprint);
  }

  static Review review(String delivery, List<Suggestion> suggestions) {
    return review(delivery, suggestions, List.of());
  }

  static Review review(String delivery, List<Suggestion> suggestions, List<String> notes) {
    return new Review(
        Review.SCHEMA_VERSION,
        delivery,
        "o/r",
        1,
        "0".repeat(40),
        HEAD,
        5L,
        "pull_request.opened",
        2,
        suggestions,
        ANCHORS,
        notes,
        Instant.parse("2025-01-01T00:00:00Z"));
  }

  /**
   * The publisher's GitHub calls as the unit tests use them: 3 attempts, 1 s between writes, on a
   * fake clock.
   */
  static GitHubCalls calls(FakeTicker ticker) {
    return new GitHubCalls(
        new RetryPolicy(
            3,
            Duration.ofMillis(100),
            Duration.ofSeconds(1),
            Duration.ofSeconds(60),
            Duration.ofMinutes(3)),
        new WriteThrottle(Duration.ofSeconds(1), ticker),
        ticker,
        Clock.systemUTC(),
        new SimpleMeterRegistry(),
        "attentive.publisher.github.retries");
  }
}
