package dev.attentive.ingest.fetch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.BotCommand;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.LineRange;
import dev.attentive.events.ProfileRequest;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.ingest.activity.ActivityReader;
import dev.attentive.ingest.activity.ReviewedHeads;
import dev.attentive.ingest.github.GitHubGateway.Comparison;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import dev.attentive.streams.Outgoing;
import dev.attentive.streams.ProcessedIds;
import dev.attentive.streams.Sinks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.jboss.logging.Logger;

/**
 * For each stored delivery, once: fetch the PR's files from GitHub and emit diff chunks and a
 * manifest (with increments on a push onto the head last reviewed, {@link ReviewedHeads}), emit
 * review activity (pushes with GitHub's compare, closes, threads, replies, deleted comments: {@link
 * ActivityReader}), or emit the bot command of a comment. A delivery ID already processed (GitHub's
 * redelivery) is skipped, and so is a delivery whose signed body was already processed under
 * another ID: the delivery header is not covered by the signature, so a captured delivery replayed
 * under a new ID must not be fetched again. Both are remembered in one changelogged state store
 * (same retention), written in the same exactly-once transaction as the output. A delivery that
 * cannot be processed goes to the dead-letter topic with its original bytes and is not marked
 * processed, so it can be replayed.
 */
public final class DeliveryProcessor extends ExactlyOnceProcessor<WebhookDelivery> {

  public static final String PROCESSED_STORE = "processed-deliveries";

  static final String BODY_KEY_PREFIX = "body-sha256:";

  static final String ID_BODY_KEY_PREFIX = "delivery-body:";

  private static final Logger LOG = Logger.getLogger(DeliveryProcessor.class);

  private final FetchContext ctx;
  private final boolean requestProfiles;
  private final PullRequestFetcher fetcher;
  private ProcessedIds processed;
  private KeyValueStore<String, Long> paused;
  private ReviewedHeads reviewed;

  /**
   * @param requestProfiles whether pull requests and pushes to the default branch ask for the
   *     repository's profile ({@code attentive.ingest.profiles.enabled})
   */
  public DeliveryProcessor(FetchContext ctx, boolean requestProfiles) {
    super(
        Topics.WEBHOOK_DELIVERIES,
        EventSerdes.webhookDelivery(),
        "delivery",
        new DeadLetters("ingest", ctx.metrics(), ctx.clock()));
    this.ctx = ctx;
    this.requestProfiles = requestProfiles;
    this.fetcher = new PullRequestFetcher(ctx);
  }

  @Override
  public void init(ProcessorContext<String, Object> context) {
    super.init(context);
    this.processed =
        ProcessedIds.open(context, PROCESSED_STORE, ctx.dedupeRetention(), ctx.clock());
    this.paused = context.getStateStore(CommandProcessor.PAUSED_STORE);
    this.reviewed = new ReviewedHeads(context.getStateStore(ReviewedHeads.STORE));
  }

  @Override
  protected void process(Record<String, byte[]> record, WebhookDelivery delivery) {
    String bodyKey = bodyKey(delivery.body());
    if (processed.contains(delivery.deliveryId())) {
      if (!processed.contains(idBodyKey(delivery.deliveryId(), bodyKey))
          && processed.containsPrefix(idBodyPrefix(delivery.deliveryId()))) {
        // Not a redelivery (GitHub repeats the body): refused, with the reason, for an operator.
        deadLetter(
            record,
            "delivery_id_reused",
            new IllegalArgumentException(
                "delivery "
                    + delivery.deliveryId()
                    + " was already processed with a different body; this one is not processed"));
        return;
      }
      ctx.metrics().counter("attentive.ingest.deliveries.duplicate", "by", "id").increment();
      LOG.infof("delivery %s already processed; redelivery skipped", delivery.deliveryId());
      return;
    }
    if (processed.contains(bodyKey)) {
      ctx.metrics().counter("attentive.ingest.deliveries.duplicate", "by", "body").increment();
      LOG.warnf(
          "delivery %s repeats the signed body of a delivery already processed (%s); skipped",
          delivery.deliveryId(), bodyKey);
      return;
    }
    try {
      List<Outgoing<?>> out =
          switch (delivery.event()) {
            case "pull_request" ->
                "closed".equals(delivery.action()) ? closed(delivery) : pullRequest(delivery);
            case "pull_request_review_thread", "pull_request_review_comment" -> activity(delivery);
            case "issue_comment" -> command(delivery);
            case "push" -> profileAfterPush(delivery);
            default ->
                throw new IllegalArgumentException(
                    "event '" + delivery.event() + "' is not processed");
          };
      for (Outgoing<?> one : out) {
        send(one, record.timestamp());
        ctx.metrics()
            .counter("attentive.ingest.records.published", "topic", one.sink().topic())
            .increment();
      }
      processed.add(delivery.deliveryId());
      processed.add(bodyKey);
      processed.add(idBodyKey(delivery.deliveryId(), bodyKey));
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

  /**
   * The key under which a signed body is remembered: SHA-256 of the bytes GitHub signed (ingest
   * stores them as strictly decoded UTF-8, so encoding the text again gives the same bytes). The
   * prefix keeps it apart from delivery IDs, which are GUIDs.
   */
  static String bodyKey(String body) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
      return BODY_KEY_PREFIX + HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** Which body a processed delivery id had: the id, then the body's key. */
  static String idBodyKey(String deliveryId, String bodyKey) {
    return idBodyPrefix(deliveryId) + bodyKey;
  }

  private static String idBodyPrefix(String deliveryId) {
    return ID_BODY_KEY_PREFIX + deliveryId + "=";
  }

  private List<Outgoing<?>> pullRequest(WebhookDelivery delivery)
      throws IOException, InterruptedException {
    JsonNode payload = EventJson.mapper().readTree(delivery.body());
    GitHubCalls.Budget budget = ctx.calls().budget();
    String key = delivery.key();
    String lastHead = reviewed.last(key);
    List<Outgoing<?>> out = new ArrayList<>();
    // A push onto a reviewed PR: what changed between the two heads, for the publisher's outcomes
    // and for an incremental review.
    Comparison compare = null;
    String before = payload.path("before").asText(null);
    String after = payload.path("pull_request").path("head").path("sha").asText(null);
    if ("synchronize".equals(delivery.action()) && lastHead != null && before != null) {
      compare = compare(delivery, before, after, budget);
      out.add(
          new Outgoing<>(
              ReviewedHeads.REVIEW_ACTIVITY,
              key,
              ActivityReader.push(delivery, payload, before, after, compare)));
    }
    if (paused.get(key) != null) {
      ctx.metrics().counter("attentive.ingest.deliveries.paused").increment();
      LOG.infof(
          "%s is paused (/attentive pause); delivery %s (%s) not fetched",
          key, delivery.deliveryId(), delivery.action());
      return out;
    }
    JsonNode pr = payload.path("pull_request");
    // The settings come from the default branch of the repository the PR is made against, never
    // from its head.
    String defaultBranch =
        payload
            .path("repository")
            .path("default_branch")
            .asText(pr.path("base").path("repo").path("default_branch").asText(null));
    List<Outgoing<?>> fetched = fetchDiff(delivery, pr, defaultBranch, budget);
    // Incremental only on top of the head last reviewed, never after a force-push, and only when
    // GitHub listed every file that changed (a file left out would look unchanged).
    boolean incremental =
        compare != null
            && compare.fastForward()
            && !compare.mayBeTruncated()
            && before.equals(lastHead)
            && after != null;
    out.addAll(incremental ? withIncrements(fetched, before, compare) : fetched);
    reviewed.recordFrom(key, fetched);
    ctx.metrics()
        .counter("attentive.ingest.reviews", "scope", incremental ? "increment" : "whole")
        .increment();
    // After the chunks and the manifest, and learned in another sub-topology: the profile never
    // holds back the review.
    if (requestProfiles) {
      out.add(profileRequest(delivery, defaultBranch, null, ProfileRequest.PULL_REQUEST));
    }
    return out;
  }

  /**
   * GitHub's comparison of the two heads; null when GitHub does not know {@code before} any more (a
   * force-push whose old head was collected), which is a force-push too.
   */
  private Comparison compare(
      WebhookDelivery delivery, String before, String after, GitHubCalls.Budget budget)
      throws IOException, InterruptedException {
    try {
      return ctx.calls()
          .read(
              "compare " + before + "..." + after + " of " + delivery.repository(),
              budget,
              previous ->
                  ctx.github()
                      .compare(delivery.repository(), before, after, delivery.installationId()));
    } catch (GitHubFailedException e) {
      if (e.status() == 404) {
        return null;
      }
      throw e;
    }
  }

  /** The chunks among {@code fetched} with the lines changed since {@code since}. */
  private static List<Outgoing<?>> withIncrements(
      List<Outgoing<?>> fetched, String since, Comparison compare) {
    Map<String, List<LineRange>> changed = ActivityReader.changedLines(compare);
    List<Outgoing<?>> out = new ArrayList<>(fetched.size());
    for (Outgoing<?> one : fetched) {
      if (one.value() instanceof PullRequestDiffChunk chunk) {
        out.add(
            new Outgoing<>(
                Sinks.DIFF_CHUNKS,
                one.key(),
                chunk.withIncrement(ActivityReader.increment(since, chunk.path(), changed))));
      } else {
        out.add(one);
      }
    }
    return out;
  }

  /**
   * A closed PR: the activity for the publisher; its head is forgotten (reopening reviews anew).
   */
  private List<Outgoing<?>> closed(WebhookDelivery delivery) throws IOException {
    return activityOf(
        delivery, ActivityReader.closed(delivery, EventJson.mapper().readTree(delivery.body())));
  }

  private List<Outgoing<?>> activity(WebhookDelivery delivery) throws IOException {
    JsonNode payload = EventJson.mapper().readTree(delivery.body());
    return activityOf(
        delivery,
        delivery.event().equals("pull_request_review_thread")
            ? ActivityReader.thread(delivery, payload)
            : ActivityReader.reviewComment(delivery, payload));
  }

  /**
   * The activity as a record, or nothing with the reason logged and counted: activity on a PR
   * Attentive never reviewed (or whose close it already saw) concerns no comment of its own.
   */
  private List<Outgoing<?>> activityOf(WebhookDelivery delivery, ActivityReader.Read read) {
    String key = delivery.key();
    String ignored = read.ignored();
    if (ignored == null && reviewed.last(key) == null) {
      ignored = "pull request " + key + " was not reviewed by Attentive (or is closed)";
    }
    if (ignored != null) {
      ctx.metrics()
          .counter("attentive.ingest.activity", "event", delivery.event(), "outcome", "ignored")
          .increment();
      LOG.infof("delivery %s (%s): %s; ignored", delivery.deliveryId(), delivery.event(), ignored);
      return List.of();
    }
    ReviewActivity activity = read.activity();
    if (activity.type() == ReviewActivity.Type.CLOSED) {
      reviewed.forget(key);
    }
    ctx.metrics()
        .counter("attentive.ingest.activity", "event", delivery.event(), "outcome", "published")
        .increment();
    return List.of(new Outgoing<>(ReviewedHeads.REVIEW_ACTIVITY, key, activity));
  }

  private List<Outgoing<?>> fetchDiff(
      WebhookDelivery delivery, JsonNode pr, String defaultBranch, GitHubCalls.Budget budget)
      throws IOException, InterruptedException {
    return fetcher.fetch(
        new PullRequestFetcher.Request(
            delivery.deliveryId(),
            delivery.repository(),
            delivery.pullRequestNumber(),
            pr.path("base").path("sha").asText(),
            pr.path("head").path("sha").asText(),
            delivery.installationId(),
            "pull_request." + delivery.action(),
            defaultBranch,
            null),
        budget);
  }

  /**
   * A push that moved the default branch asks for the profile at the new head; any other push (the
   * intake stores none) asks for nothing.
   */
  private List<Outgoing<?>> profileAfterPush(WebhookDelivery delivery) throws IOException {
    JsonNode payload = EventJson.mapper().readTree(delivery.body());
    String defaultBranch = payload.path("repository").path("default_branch").asText(null);
    String after = payload.path("after").asText(null);
    if (!requestProfiles
        || defaultBranch == null
        || !("refs/heads/" + defaultBranch).equals(payload.path("ref").asText())
        || payload.path("deleted").asBoolean(false)
        || after == null
        || after.chars().allMatch(c -> c == '0')) {
      LOG.debugf("push delivery %s does not move a default branch", delivery.deliveryId());
      return List.of();
    }
    return List.of(profileRequest(delivery, defaultBranch, after, ProfileRequest.PUSH));
  }

  private static Outgoing<ProfileRequest> profileRequest(
      WebhookDelivery delivery, String defaultBranch, String sha, String reason) {
    return new Outgoing<>(
        Sinks.PROFILE_REQUESTS,
        delivery.repository(),
        new ProfileRequest(
            ProfileRequest.SCHEMA_VERSION,
            delivery.deliveryId(),
            delivery.repository(),
            delivery.installationId(),
            defaultBranch,
            sha,
            reason,
            delivery.receivedAt()));
  }

  private List<Outgoing<?>> command(WebhookDelivery delivery) throws IOException {
    JsonNode payload = EventJson.mapper().readTree(delivery.body());
    JsonNode comment = payload.path("comment");
    List<String> words = ctx.commands().parseCommand(comment.path("body").asText(""));
    if (words == null) {
      throw new IllegalArgumentException("comment is not a bot command");
    }
    BotCommand command =
        new BotCommand(
            BotCommand.SCHEMA_VERSION,
            delivery.deliveryId(),
            delivery.repository(),
            delivery.pullRequestNumber(),
            delivery.installationId(),
            words.get(0),
            words.subList(1, words.size()),
            comment.path("user").path("login").asText(null),
            comment.path("author_association").asText(null),
            comment.path("id").asLong(),
            parseInstant(comment.path("created_at").asText(null), delivery.receivedAt()));
    return List.of(new Outgoing<>(Sinks.BOT_COMMANDS, delivery.key(), command));
  }

  private static Instant parseInstant(String text, Instant fallback) {
    try {
      return text == null ? fallback : Instant.parse(text);
    } catch (RuntimeException e) {
      return fallback;
    }
  }
}
