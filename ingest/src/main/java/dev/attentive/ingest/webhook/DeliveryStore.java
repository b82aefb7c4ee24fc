package dev.attentive.ingest.webhook;

import dev.attentive.events.WebhookDelivery;

/**
 * Durable storage of verified deliveries; {@link #store} returns only once the delivery cannot be
 * lost.
 */
public interface DeliveryStore {

  void store(WebhookDelivery delivery) throws StoreUnavailableException;

  /**
   * Kafka (or whatever stores deliveries) did not acknowledge in time; GitHub should be told to
   * redeliver.
   */
  class StoreUnavailableException extends Exception {
    public StoreUnavailableException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
