package dev.attentive.ingest.github;

import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.Ticker;
import dev.attentive.ingest.IngestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ingest's GitHub access, from the shared module: the installation clients, and its retries of
 * reads.
 */
@ApplicationScoped
public class GitHubProducer {

  /** Kafka Streams' producer transaction time-out under exactly-once when none is configured. */
  static final String TRANSACTION_TIMEOUT_MS = "10000";

  @Produces
  @Singleton
  InstallationClients clients(IngestConfig config) {
    return InstallationClients.create(config.github());
  }

  /**
   * Retries of the reads of one delivery or command share one budget, which runs inside its
   * exactly-once transaction: the budget must be shorter than the transaction time-out, or ingest
   * does not start.
   */
  @Produces
  @Singleton
  GitHubCalls calls(
      IngestConfig config,
      MeterRegistry metrics,
      @ConfigProperty(
              name = "kafka-streams.producer.transaction.timeout.ms",
              defaultValue = TRANSACTION_TIMEOUT_MS)
          long transactionTimeoutMs) {
    IngestConfig.GitHub github = config.github();
    RetryPolicy policy =
        new RetryPolicy(
                github.attempts(),
                github.initialBackoff(),
                github.maxBackoff(),
                github.rateLimitWait(),
                github.retryBudget())
            .insideTransaction(
                Duration.ofMillis(transactionTimeoutMs), "attentive.ingest.github.retry-budget");
    return new GitHubCalls(
        policy, Ticker.system(), Clock.systemUTC(), metrics, "attentive.ingest.github.retries");
  }
}
