package dev.attentive.ingest.fetch;

import dev.attentive.github.call.GitHubCalls;
import dev.attentive.ingest.github.GitHubGateway;
import dev.attentive.ingest.sources.SourceCollector;
import dev.attentive.ingest.webhook.DeliveryClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * What ingest's stream processors and their fetcher work with, shared by every processor instance
 * (one per stream task): the GitHub gateway, the diff builder, the command parser, metrics, the
 * GitHub retry policy (one budget per delivery or command) and the limits from the configuration.
 *
 * @param sources chooses and reads the repository files Java chunks reference; null: none
 */
public record FetchContext(
    GitHubGateway github,
    DiffBuilder diffs,
    DeliveryClassifier commands,
    MeterRegistry metrics,
    GitHubCalls calls,
    Duration dedupeRetention,
    Set<String> contentLanguages,
    int contentMaxBytes,
    Clock clock,
    SourceCollector sources) {

  /** Without source files on chunks. */
  public FetchContext(
      GitHubGateway github,
      DiffBuilder diffs,
      DeliveryClassifier commands,
      MeterRegistry metrics,
      GitHubCalls calls,
      Duration dedupeRetention,
      Set<String> contentLanguages,
      int contentMaxBytes,
      Clock clock) {
    this(
        github,
        diffs,
        commands,
        metrics,
        calls,
        dedupeRetention,
        contentLanguages,
        contentMaxBytes,
        clock,
        null);
  }
}
