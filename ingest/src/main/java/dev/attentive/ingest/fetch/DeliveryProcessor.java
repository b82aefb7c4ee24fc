package dev.attentive.ingest.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.BotCommand;
import dev.attentive.events.Outbound;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.ingest.github.GitHubGateway;
import dev.attentive.ingest.webhook.DeliveryClassifier;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * For each stored delivery, once: fetch the PR's files from GitHub and emit diff chunks and a manifest, or emit the
 * bot command of a comment. A delivery ID already processed (GitHub's redelivery) is skipped; the set of processed IDs
 * is a changelogged state store, written in the same exactly-once transaction as the output. A delivery that cannot be
 * processed goes to the dead-letter topic with its original bytes and is not marked processed, so it can be replayed.
 */
public final class DeliveryProcessor implements Processor<String, byte[], String, Outbound> {

  public static final String PROCESSED_STORE = "processed-deliveries";

  private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);

  /** Dependencies shared by every processor instance (one per stream task). */
  public record Settings(GitHubGateway github, DiffBuilder diffs, DeliveryClassifier commands, MeterRegistry metrics,
      GitHubCalls calls, Duration dedupeRetention, java.util.Set<String> contentLanguages,
      int contentMaxBytes, Clock clock) {}

  private final Settings settings;
  private final JsonSerde<WebhookDelivery> deliveries = EventSerdes.webhookDelivery();
  private ProcessorContext<String, Outbound> context;
  private KeyValueStore<String, Long> processed;
  private KeyValueStore<String, Long> paused;
  private final PullRequestFetcher fetcher;

  public DeliveryProcessor(Settings settings) {
    this.settings = settings;
    this.fetcher = new PullRequestFetcher(settings);
  }

  @Override
  public void init(ProcessorContext<String, Outbound> context) {
    this.context = context;
    this.processed = context.getStateStore(PROCESSED_STORE);
    this.paused = context.getStateStore(CommandProcessor.PAUSED_STORE);
    context.schedule(Duration.ofHours(1), PunctuationType.WALL_CLOCK_TIME, now -> Exactly.forgetOlderThan(processed,
        settings.clock().millis() - settings.dedupeRetention().toMillis()));
  }

  @Override
  public void process(Record<String, byte[]> record) {
    WebhookDelivery delivery;
    try {
      delivery = deliveries.deserialize(Topics.WEBHOOK_DELIVERIES, record.value());
    } catch (SerializationException e) {
      deadLetter(record, "unreadable_delivery", e);
      return;
    }
    if (processed.get(delivery.deliveryId()) != null) {
      settings.metrics().counter("attentive.ingest.deliveries.duplicate").increment();
      LOG.infof("delivery %s already processed; redelivery skipped", delivery.deliveryId());
      return;
    }
    try {
      List<KeyValue<String, Outbound>> out = switch (delivery.event()) {
        case "pull_request" -> fetchDiff(delivery);
        case "issue_comment" -> command(delivery);
        default -> throw new IllegalArgumentException("event '" + delivery.event() + "' is not processed");
      };
      for (KeyValue<String, Outbound> kv : out) {
        context.forward(new Record<>(kv.key, kv.value, record.timestamp()));
        settings.metrics().counter("attentive.ingest.records.published", "topic", kv.value.topic()).increment();
      }
      processed.put(delivery.deliveryId(), settings.clock().millis());
    } catch (GitHubFailedException e) {
      deadLetter(record, e.reason(), e);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      deadLetter(record, "unreadable_delivery", e);
    } catch (IOException e) {
      deadLetter(record, "github_unavailable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while fetching " + delivery.key(), e);
    } catch (RuntimeException e) {
      deadLetter(record, "processing_failed", e);
    }
  }

  private List<KeyValue<String, Outbound>> fetchDiff(WebhookDelivery delivery)
      throws IOException, InterruptedException {
    if (paused.get(delivery.key()) != null) {
      settings.metrics().counter("attentive.ingest.deliveries.paused").increment();
      LOG.infof("%s is paused (/attentive pause); delivery %s (%s) not fetched", delivery.key(),
          delivery.deliveryId(), delivery.action());
      return List.of();
    }
    JsonNode payload = EventJson.mapper().readTree(delivery.body());
    JsonNode pr = payload.path("pull_request");
    // The settings come from the default branch of the repository the PR is made against, never from its head.
    String defaultBranch = payload.path("repository").path("default_branch").asText(
        pr.path("base").path("repo").path("default_branch").asText(null));
    return fetcher.fetch(new PullRequestFetcher.Request(delivery.deliveryId(), delivery.repository(),
        delivery.pullRequestNumber(), pr.path("base").path("sha").asText(), pr.path("head").path("sha").asText(),
        delivery.installationId(), "pull_request." + delivery.action(), defaultBranch, null));
  }

  private List<KeyValue<String, Outbound>> command(WebhookDelivery delivery) throws IOException {
    JsonNode payload = EventJson.mapper().readTree(delivery.body());
    JsonNode comment = payload.path("comment");
    List<String> words = settings.commands().parseCommand(comment.path("body").asText(""));
    if (words == null) {
      throw new IllegalArgumentException("comment is not a bot command");
    }
    BotCommand command = new BotCommand(BotCommand.SCHEMA_VERSION, delivery.deliveryId(), delivery.repository(),
        delivery.pullRequestNumber(), delivery.installationId(), words.get(0), words.subList(1, words.size()),
        comment.path("user").path("login").asText(null), comment.path("author_association").asText(null),
        comment.path("id").asLong(), parseInstant(comment.path("created_at").asText(null), delivery.receivedAt()));
    return List.of(KeyValue.pair(delivery.key(), new Outbound(Topics.BOT_COMMANDS,
        EventSerdes.botCommand().serialize(Topics.BOT_COMMANDS, command))));
  }

  private void deadLetter(Record<String, byte[]> record, String error, Exception cause) {
    LOG.warnf("dead-lettering record with key %s: %s: %s", record.key(), error, cause.getMessage());
    Exactly.deadLetter(context, Topics.WEBHOOK_DELIVERIES, record, error, cause, settings.clock(), settings.metrics());
  }

  private static Instant parseInstant(String text, Instant fallback) {
    try {
      return text == null ? fallback : Instant.parse(text);
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
