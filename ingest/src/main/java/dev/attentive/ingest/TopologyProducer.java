package dev.attentive.ingest;

import dev.attentive.events.Topics;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.ingest.fetch.CommandProcessor;
import dev.attentive.ingest.fetch.DeliveryProcessor;
import dev.attentive.ingest.fetch.DiffBuilder;
import dev.attentive.ingest.fetch.IgnoreRules;
import dev.attentive.events.Outbound;
import dev.attentive.ingest.github.GitHubGateway;
import dev.attentive.ingest.webhook.DeliveryClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.Stores;

/**
 * Ingest's stream: stored deliveries in → (once per delivery ID) GitHub fetch → diff chunks + manifest, or a bot
 * command, or a dead letter out; and bot commands in → (once each) a fetch, a pause/resume, replies on GitHub. Exactly-once, so a crash between fetching and writing neither loses nor duplicates.
 */
@ApplicationScoped
public class TopologyProducer {

  /** How long a delivery ID is remembered; GitHub lets users redeliver for a few days. */
  static final Duration DEDUPE_RETENTION = Duration.ofDays(7);

  @Produces
  public Topology buildTopology(IngestConfig config, GitHubGateway github, GitHubCalls calls, MeterRegistry metrics) {
    var settings = new DeliveryProcessor.Settings(github, new DiffBuilder(ignoreRules(config)),
        new DeliveryClassifier(new HashSet<>(config.pullRequests().actions()), config.pullRequests().reviewDrafts(),
            config.webhook().commandPrefix()),
        metrics, calls, DEDUPE_RETENTION,
        java.util.Set.copyOf(config.content().languages()), config.content().maxBytes(), Clock.systemUTC());

    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(DeliveryProcessor.PROCESSED_STORE), Serdes.String(), Serdes.Long()));

    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(CommandProcessor.PAUSED_STORE), Serdes.String(), Serdes.Long()));
    builder.addStateStore(Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(CommandProcessor.EXECUTED_STORE), Serdes.String(), Serdes.Long()));

    builder.stream(Topics.WEBHOOK_DELIVERIES, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(() -> new DeliveryProcessor(settings), DeliveryProcessor.PROCESSED_STORE,
            CommandProcessor.PAUSED_STORE)
        .to((key, out, context) -> out.topic(), Produced.with(Serdes.String(), Outbound.serde()));

    // Bot commands, recorded above from PR comments, carried out here: same app, same exactly-once transactions.
    // Both sources share the paused-PR store, so they form one sub-topology (the topics have the same partitions
    // and the same PR keys).
    builder.stream(Topics.BOT_COMMANDS, Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .process(() -> new CommandProcessor(settings), CommandProcessor.EXECUTED_STORE,
            CommandProcessor.PAUSED_STORE)
        .to((key, out, context) -> out.topic(), Produced.with(Serdes.String(), Outbound.serde()));

    return builder.build();
  }

  static IgnoreRules ignoreRules(IngestConfig config) {
    List<String> patterns = new ArrayList<>(config.pullRequests().ignore().orElse(IgnoreRules.DEFAULTS));
    config.pullRequests().ignoreExtra().ifPresent(patterns::addAll);
    return new IgnoreRules(patterns);
  }
}
