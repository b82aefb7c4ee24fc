package dev.attentive.publisher.github;

import dev.attentive.publisher.PublisherConfig;
import java.time.Duration;

/**
 * How GitHub calls are retried.
 *
 * @param maxAttempts attempts per request
 * @param initialBackoff first wait after a 5xx/I-O failure, doubled each time up to {@code maxBackoff}
 * @param rateLimitWait wait after a rate-limit answer without {@code Retry-After}
 * @param retryBudget the most one review may spend waiting before it is given up
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration rateLimitWait,
    Duration retryBudget) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  public static RetryPolicy from(PublisherConfig.GitHub config) {
    return new RetryPolicy(config.maxAttempts(), config.initialBackoff(), config.maxBackoff(),
        config.rateLimitWait(), config.retryBudget());
  }
}
