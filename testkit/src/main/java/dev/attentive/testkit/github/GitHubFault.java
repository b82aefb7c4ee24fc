package dev.attentive.testkit.github;

import java.time.Duration;
import java.util.Objects;

/**
 * A kind of trouble GitHub gives its clients, in GitHub's shapes, for {@link GitHubEmulator#storm}
 * and {@link GitHubEmulator#faultNext}.
 *
 * @param delay the {@code Retry-After} of a rate limit, or the delay of a slow answer; zero
 *     otherwise
 */
public record GitHubFault(Kind kind, Duration delay) {

  public enum Kind {
    /** 500 with GitHub's error body. */
    SERVER_ERROR,
    /** 502, as GitHub answers when its back end timed out. */
    BAD_GATEWAY,
    /** 403 with GitHub's secondary-rate-limit message and {@code Retry-After}. */
    SECONDARY_RATE_LIMIT,
    /** 429 with the same message and {@code Retry-After}. */
    TOO_MANY_REQUESTS,
    /**
     * Served normally (a review is recorded) but answered only after {@code delay}: past a client's
     * timeout the client never learns that its write happened.
     */
    SLOW,
    /** The connection is reset before any answer. */
    CONNECTION_RESET,
    /** The connection is closed without an answer. */
    EMPTY_RESPONSE
  }

  public GitHubFault {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(delay, "delay");
    if (delay.isNegative()) {
      throw new IllegalArgumentException("delay " + delay);
    }
  }

  public static GitHubFault serverError() {
    return new GitHubFault(Kind.SERVER_ERROR, Duration.ZERO);
  }

  public static GitHubFault badGateway() {
    return new GitHubFault(Kind.BAD_GATEWAY, Duration.ZERO);
  }

  public static GitHubFault secondaryRateLimit(Duration retryAfter) {
    return new GitHubFault(Kind.SECONDARY_RATE_LIMIT, retryAfter);
  }

  public static GitHubFault tooManyRequests(Duration retryAfter) {
    return new GitHubFault(Kind.TOO_MANY_REQUESTS, retryAfter);
  }

  public static GitHubFault slow(Duration delay) {
    return new GitHubFault(Kind.SLOW, delay);
  }

  public static GitHubFault connectionReset() {
    return new GitHubFault(Kind.CONNECTION_RESET, Duration.ZERO);
  }

  public static GitHubFault emptyResponse() {
    return new GitHubFault(Kind.EMPTY_RESPONSE, Duration.ZERO);
  }

  /** E.g. {@code secondary_rate_limit(retry-after 2s)}. */
  @Override
  public String toString() {
    String name = kind.name().toLowerCase(java.util.Locale.ROOT);
    return switch (kind) {
      case SECONDARY_RATE_LIMIT, TOO_MANY_REQUESTS ->
          name + "(retry-after " + delay.toSeconds() + "s)";
      case SLOW -> name + "(" + delay.toMillis() + "ms)";
      default -> name;
    };
  }
}
