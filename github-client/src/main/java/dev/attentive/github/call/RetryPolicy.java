package dev.attentive.github.call;

import java.time.Duration;
import java.util.Objects;

/**
 * How GitHub calls are retried; each caller brings its own (see {@link GitHubCalls}).
 *
 * @param maxAttempts attempts per request
 * @param initialBackoff first wait after a 5xx/I-O failure, doubled each time up to {@code
 *     maxBackoff}
 * @param rateLimitWait wait after a rate-limit answer without {@code Retry-After}
 * @param retryBudget the most one unit of work (a review, a fetch) may spend waiting before it is
 *     given up
 */
public record RetryPolicy(
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff,
    Duration rateLimitWait,
    Duration retryBudget) {

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
    for (Duration d : new Duration[] {initialBackoff, maxBackoff, rateLimitWait, retryBudget}) {
      if (Objects.requireNonNull(d, "durations must be set").isNegative()) {
        throw new IllegalArgumentException("retry durations must not be negative, got " + d);
      }
    }
  }

  /**
   * This policy, checked for a caller that retries inside a Kafka transaction: every wait comes out
   * of the retry budget, so a budget shorter than the transaction time-out keeps the waiting inside
   * the transaction (the rest of the time-out is left to the requests themselves and the commit).
   * Past the budget a call fails with {@link GitHubFailedException} and the caller dead-letters the
   * record with its {@link GitHubFailedException#reason() reason}, instead of the transaction being
   * aborted by the broker.
   *
   * @param budgetProperty the property that sets the budget, for the message
   * @throws IllegalArgumentException when the budget is not shorter than {@code transactionTimeout}
   */
  public RetryPolicy insideTransaction(Duration transactionTimeout, String budgetProperty) {
    if (retryBudget.compareTo(transactionTimeout) >= 0) {
      throw new IllegalArgumentException(
          budgetProperty
              + " ("
              + retryBudget
              + ") must be shorter than the Kafka"
              + " transaction time-out ("
              + transactionTimeout
              + "): GitHub retries run inside the transaction");
    }
    return this;
  }
}
