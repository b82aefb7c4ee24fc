package dev.attentive.ingest;

import dev.attentive.conventions.ProfileBuilder;
import dev.attentive.conventions.ProfileLearner;
import dev.attentive.conventions.SampleBudget;
import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.ingest.activity.LearningTable;
import dev.attentive.ingest.activity.ReviewedHeads;
import dev.attentive.ingest.fetch.CommandProcessor;
import dev.attentive.ingest.fetch.DeliveryProcessor;
import dev.attentive.ingest.fetch.DiffBuilder;
import dev.attentive.ingest.fetch.FetchContext;
import dev.attentive.ingest.fetch.IgnoreRules;
import dev.attentive.ingest.github.GitHubGateway;
import dev.attentive.ingest.profile.BlobCache;
import dev.attentive.ingest.profile.ProfileFetcher;
import dev.attentive.ingest.profile.ProfileProcessor;
import dev.attentive.ingest.sources.RecentSources;
import dev.attentive.ingest.sources.SourceCollector;
import dev.attentive.ingest.sources.SourceLimits;
import dev.attentive.ingest.webhook.DeliveryClassifier;
import dev.attentive.streams.ProcessedIds;
import dev.attentive.streams.Sinks;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * Ingest's stream: stored deliveries in → (once per delivery ID) GitHub fetch → diff chunks +
 * manifest (incremental on top of the head last reviewed), review activity, or a bot command, or a
 * dead letter out; and bot commands in → (once each) a fetch, a pause/resume, rule feedback,
 * replies on GitHub; and profile requests in → (when due) a repository profile out, in a
 * sub-topology of its own. Exactly-once, so a crash between fetching and writing neither loses nor
 * duplicates.
 */
@ApplicationScoped
public class TopologyProducer {

  /** How long a delivery ID is remembered; GitHub lets users redeliver for a few days. */
  static final Duration DEDUPE_RETENTION = Duration.ofDays(7);

  private static final String DELIVERY = "fetch-delivery";
  private static final String COMMAND = "carry-out-command";

  @Produces
  public Topology buildTopology(
      IngestConfig config, GitHubGateway github, GitHubCalls calls, MeterRegistry metrics) {
    // One cache of blobs by SHA for profiles and source files: a SHA names its content.
    BlobCache blobs = new BlobCache(config.profiles().blobCacheBytes());
    var ctx =
        new FetchContext(
            github,
            new DiffBuilder(ignoreRules(config)),
            new DeliveryClassifier(
                new HashSet<>(config.pullRequests().actions()),
                config.pullRequests().reviewDrafts(),
                config.webhook().commandPrefix(),
                config.profiles().enabled()),
            metrics,
            calls,
            DEDUPE_RETENTION,
            java.util.Set.copyOf(config.content().languages()),
            config.content().maxBytes(),
            Clock.systemUTC(),
            sourceCollector(config.sources(), blobs, metrics));

    Topology topology = reviewTopology(ctx, config.profiles().enabled());
    if (config.profiles().enabled()) {
      ProfileProcessor.addTo(
          topology,
          new ProfileFetcher(
              github, calls, profileBuilder(config.profiles()), blobs, Clock.systemUTC()),
          config.profiles().maxAge(),
          metrics,
          Clock.systemUTC());
    }
    return topology;
  }

  /**
   * Deliveries and commands in; chunks, manifests, source files, review activity, rule feedback,
   * profile requests and dead letters out; without the profile sub-topology.
   */
  public static Topology reviewTopology(FetchContext ctx, boolean requestProfiles) {
    // Bot commands, recorded by the first processor from PR comments, are carried out by the
    // second: same app, same exactly-once transactions. Both share the paused-PR and the
    // reviewed-head stores, so they form one sub-topology (the topics have the same partitions
    // and the same PR keys).
    Topology topology =
        new Topology()
            .addSource(
                "deliveries",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.WEBHOOK_DELIVERIES)
            .addSource(
                "commands",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.BOT_COMMANDS)
            .addProcessor(DELIVERY, () -> new DeliveryProcessor(ctx, requestProfiles), "deliveries")
            .addProcessor(COMMAND, () -> new CommandProcessor(ctx), "commands")
            .addStateStore(ProcessedIds.store(DeliveryProcessor.PROCESSED_STORE), DELIVERY)
            .addStateStore(ProcessedIds.store(CommandProcessor.EXECUTED_STORE), COMMAND)
            .addStateStore(
                Stores.keyValueStoreBuilder(
                    Stores.inMemoryKeyValueStore(CommandProcessor.PAUSED_STORE),
                    Serdes.String(),
                    Serdes.Long()),
                DELIVERY,
                COMMAND)
            .addStateStore(ReviewedHeads.builder(), DELIVERY, COMMAND);
    LearningTable.addTo(topology);
    Sinks.SOURCE_FILES.addTo(topology, DELIVERY, COMMAND);
    Sinks.DIFF_CHUNKS.addTo(topology, DELIVERY, COMMAND);
    Sinks.DIFF_MANIFESTS.addTo(topology, DELIVERY, COMMAND);
    Sinks.BOT_COMMANDS.addTo(topology, DELIVERY);
    Sinks.DEAD_LETTERS.addTo(topology, DELIVERY, COMMAND);
    Sinks.PROFILE_REQUESTS.addTo(topology, DELIVERY);
    ReviewedHeads.REVIEW_ACTIVITY.addTo(topology, DELIVERY);
    ReviewedHeads.FEEDBACK.addTo(topology, COMMAND);
    return topology;
  }

  /** The collector of {@code attentive.ingest.sources.*}; null when off. */
  static SourceCollector sourceCollector(
      IngestConfig.Sources sources, BlobCache blobs, MeterRegistry metrics) {
    if (!sources.enabled()) {
      return null;
    }
    return new SourceCollector(
        new SourceLimits(
            sources.maxDepth(),
            sources.maxFilesPerChunk(),
            sources.maxBytesPerFetch(),
            sources.maxFileBytes()),
        blobs,
        new RecentSources(100_000, sources.republishAfter(), Clock.systemUTC()),
        metrics);
  }

  /** The sample budget of {@code attentive.ingest.profiles.*} (tool files: the default). */
  static ProfileBuilder profileBuilder(IngestConfig.Profiles profiles) {
    return new ProfileBuilder(
        new SampleBudget(
            profiles.maxFiles(),
            profiles.maxBytes(),
            profiles.maxFileBytes(),
            SampleBudget.DEFAULT.maxToolFiles()),
        ProfileLearner.standard());
  }

  static IgnoreRules ignoreRules(IngestConfig config) {
    List<String> patterns =
        new ArrayList<>(config.pullRequests().ignore().orElse(IgnoreRules.DEFAULTS));
    config.pullRequests().ignoreExtra().ifPresent(patterns::addAll);
    return new IgnoreRules(patterns);
  }
}
