package dev.attentive.events;

import java.time.Instant;

/**
 * A webhook delivery whose signature was verified, stored as received before ingest answered
 * GitHub.
 *
 * @param deliveryId GitHub's {@code X-GitHub-Delivery}; unchanged on redelivery, so it is the
 *     idempotency key
 * @param event {@code X-GitHub-Event}
 * @param action the payload's {@code action}, if any
 * @param repository {@code owner/name}
 * @param pullRequestNumber the PR the delivery is about (PR events, and comments on PRs); null
 *     otherwise
 * @param installationId the GitHub App installation, if the payload names one
 * @param signature256 the {@code X-Hub-Signature-256} header, kept so a consumer can verify the
 *     body again
 * @param body the raw JSON body, exactly as signed
 */
public record WebhookDelivery(
    int schemaVersion,
    String deliveryId,
    String event,
    String action,
    String repository,
    Integer pullRequestNumber,
    Long installationId,
    Instant receivedAt,
    String signature256,
    String body)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /**
   * The record key: the PR when there is one, so a PR's deliveries stay in order on one partition.
   */
  public String key() {
    return pullRequestNumber != null
        ? new PullRequestKey(repository, pullRequestNumber).value()
        : repository;
  }
}
