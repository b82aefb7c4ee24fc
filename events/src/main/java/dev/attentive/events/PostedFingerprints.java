package dev.attentive.events;

import java.util.List;

/**
 * The fingerprints of every suggestion posted on one PR, and the deliveries already reviewed, so a
 * restart, a redelivery or a new push never repeats a comment. Kept by the publisher in a
 * changelogged (compacted) state store keyed by PR; the latest value is the whole record.
 */
public record PostedFingerprints(
    int schemaVersion,
    String repository,
    int pullRequestNumber,
    List<String> fingerprints,
    List<String> reviewedDeliveries)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public PostedFingerprints {
    fingerprints = List.copyOf(fingerprints);
    reviewedDeliveries = List.copyOf(reviewedDeliveries);
  }
}
