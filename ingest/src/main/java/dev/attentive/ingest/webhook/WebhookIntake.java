package dev.attentive.ingest.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.ingest.IngestConfig;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashSet;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * One webhook delivery in, one answer out. In order: size, signature, headers, JSON, what it is
 * about, then the durable write — so that nothing unverified is parsed and nothing is acknowledged
 * that is not stored.
 */
@ApplicationScoped
public class WebhookIntake {

  private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

  private final WebhookSignature signature;
  private final DeliveryClassifier classifier;
  private final DeliveryStore store;
  private final MeterRegistry metrics;
  private final long maxBodyBytes;
  private final RecentDeliveries recent;
  private final Clock clock;

  @jakarta.inject.Inject
  public WebhookIntake(IngestConfig config, DeliveryStore store, MeterRegistry metrics) {
    this(config, store, metrics, Clock.systemUTC());
  }

  WebhookIntake(IngestConfig config, DeliveryStore store, MeterRegistry metrics, Clock clock) {
    this.signature = new WebhookSignature(config.webhook().secret());
    this.classifier =
        new DeliveryClassifier(
            new HashSet<>(config.pullRequests().actions()),
            config.pullRequests().reviewDrafts(),
            config.webhook().commandPrefix(),
            config.profiles().enabled());
    this.store = store;
    this.metrics = metrics;
    this.maxBodyBytes = config.webhook().maxBodyBytes();
    this.recent = new RecentDeliveries(config.webhook().rememberedDeliveries());
    this.clock = clock;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * An HMAC to feed while the body streams in, for {@link #accept(String, String, String, byte[],
   * WebhookSignature.Streaming)}.
   */
  public WebhookSignature.Streaming signatureStream() {
    return signature.streaming();
  }

  public IntakeResult accept(String event, String deliveryId, String signatureHeader, byte[] body) {
    return accept(
        event, deliveryId, signatureHeader, body, header -> signature.verify(body, header));
  }

  /** For a body whose HMAC was computed chunk by chunk as it arrived. */
  public IntakeResult accept(
      String event,
      String deliveryId,
      String signatureHeader,
      byte[] body,
      WebhookSignature.Streaming streamed) {
    return accept(event, deliveryId, signatureHeader, body, streamed::verify);
  }

  private IntakeResult accept(
      String event,
      String deliveryId,
      String signatureHeader,
      byte[] body,
      Predicate<String> signedBy) {
    IntakeResult result = decide(event, deliveryId, signatureHeader, body, signedBy);
    String eventTag = event == null || event.isBlank() ? "none" : event;
    if (result.error() != null) {
      metrics.counter("attentive.ingest.deliveries.rejected", "reason", result.error()).increment();
      LOG.infof(
          "rejected delivery %s (%s): %s %s", deliveryId, eventTag, result.status(), result.body());
    } else {
      metrics
          .counter(
              "attentive.ingest.deliveries.received",
              "event",
              eventTag,
              "outcome",
              String.valueOf(result.body().get("status")))
          .increment();
    }
    return result;
  }

  /** For the 413 answered before the body is read in full. */
  public IntakeResult tooLarge() {
    IntakeResult result =
        IntakeResult.rejected(
            413,
            "payload_too_large",
            "body exceeds " + maxBodyBytes + " bytes (GitHub caps webhook payloads at 25 MB)");
    metrics.counter("attentive.ingest.deliveries.rejected", "reason", result.error()).increment();
    return result;
  }

  private IntakeResult decide(
      String event,
      String deliveryId,
      String signatureHeader,
      byte[] body,
      Predicate<String> signedBy) {
    if (body.length > maxBodyBytes) {
      return IntakeResult.rejected(
          413,
          "payload_too_large",
          "body exceeds " + maxBodyBytes + " bytes (GitHub caps webhook payloads at 25 MB)");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return IntakeResult.rejected(
          401,
          "signature_missing",
          "X-Hub-Signature-256 header is required; configure the webhook secret on GitHub");
    }
    if (!signedBy.test(signatureHeader.strip())) {
      return IntakeResult.rejected(
          401,
          "signature_invalid",
          "X-Hub-Signature-256 does not match the body under the configured secret");
    }
    if (event == null || event.isBlank()) {
      return IntakeResult.rejected(400, "event_missing", "X-GitHub-Event header is required");
    }
    if (deliveryId == null || deliveryId.isBlank()) {
      return IntakeResult.rejected(400, "delivery_missing", "X-GitHub-Delivery header is required");
    }
    String text;
    JsonNode payload;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
      payload = EventJson.mapper().readTree(text);
    } catch (CharacterCodingException e) {
      return IntakeResult.rejected(400, "malformed_json", "body is not UTF-8");
    } catch (JsonProcessingException e) {
      return IntakeResult.rejected(
          400,
          "malformed_json",
          "body is not valid JSON: "
              + e.getOriginalMessage()
              + " at line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr());
    }
    if (payload == null || payload.isMissingNode()) {
      return IntakeResult.rejected(400, "malformed_json", "body is empty");
    }
    DeliveryClassifier.Decision decision = classifier.classify(event, payload);
    if (decision instanceof DeliveryClassifier.Decision.Store
        && recent.conflicts(deliveryId, text)) {
      // GitHub's redeliveries repeat the body; a new body under a used id is something else.
      return IntakeResult.rejected(
          409,
          "delivery_id_reused",
          "X-GitHub-Delivery "
              + deliveryId
              + " was already stored with a different body; a redelivery repeats the same body");
    }
    if (decision instanceof DeliveryClassifier.Decision.Store s) {
      return storeDelivery(
          new WebhookDelivery(
              WebhookDelivery.SCHEMA_VERSION,
              deliveryId,
              event,
              s.action(),
              s.repository(),
              s.pullRequestNumber(),
              s.installationId(),
              clock.instant(),
              signatureHeader.strip(),
              text));
    }
    if (decision instanceof DeliveryClassifier.Decision.Ignore ignore) {
      return IntakeResult.ignored(deliveryId, ignore.reason());
    }
    return IntakeResult.pong(deliveryId);
  }

  private IntakeResult storeDelivery(WebhookDelivery delivery) {
    try {
      store.store(delivery);
      recent.stored(delivery.deliveryId(), delivery.body());
      return IntakeResult.stored(delivery.deliveryId(), delivery.key());
    } catch (DeliveryStore.StoreUnavailableException e) {
      LOG.warnf("delivery %s not stored: %s", delivery.deliveryId(), e.getMessage());
      return IntakeResult.rejected(
          503,
          "storage_unavailable",
          "the delivery could not be stored durably; redeliver it from GitHub once Attentive is healthy");
    }
  }
}
