package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything the analyzers found for one fetch of a PR at one head SHA, complete: the reviewer
 * emits it once it has seen the manifest and all of its chunks. The publisher turns it into (at
 * most) one GitHub review.
 *
 * @param deliveryId the delivery whose fetch this review covers; the publisher posts at most one
 *     review per id
 * @param anchors per path, the new-side line ranges that are part of the diff (GitHub accepts
 *     review comments only there); a suggestion outside them goes into the review's summary instead
 * @param notes what was not reviewed and why (skipped files, analyzers that failed), for the
 *     summary
 * @param settings the repository settings the review was made with (without the Checkstyle file's
 *     text): the publisher reads {@code maxComments} and the configuration problems from them; null
 *     means the deployment's defaults (and is what reviews written before it existed read as)
 * @param analyzerVersions analyzer id → the version that made its suggestions (e.g. {@code model} →
 *     the model's version, or its repository adaptation's), carried into the feedback on them;
 *     empty when unknown
 */
public record Review(
    int schemaVersion,
    String deliveryId,
    String repository,
    int pullRequestNumber,
    String baseSha,
    String headSha,
    Long installationId,
    String trigger,
    int filesReviewed,
    List<Suggestion> suggestions,
    Map<String, List<LineRange>> anchors,
    List<String> notes,
    Instant completedAt,
    RepositorySettings settings,
    Map<String, String> analyzerVersions)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  @JsonCreator
  public Review {
    suggestions = List.copyOf(suggestions);
    anchors = Map.copyOf(anchors);
    notes = List.copyOf(notes);
    analyzerVersions = analyzerVersions == null ? Map.of() : Map.copyOf(analyzerVersions);
  }

  /** Without analyzer versions (what reviews written before they existed read as). */
  public Review(
      int schemaVersion,
      String deliveryId,
      String repository,
      int pullRequestNumber,
      String baseSha,
      String headSha,
      Long installationId,
      String trigger,
      int filesReviewed,
      List<Suggestion> suggestions,
      Map<String, List<LineRange>> anchors,
      List<String> notes,
      Instant completedAt,
      RepositorySettings settings) {
    this(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        trigger,
        filesReviewed,
        suggestions,
        anchors,
        notes,
        completedAt,
        settings,
        null);
  }

  /** Without repository settings (the deployment's defaults). */
  public Review(
      int schemaVersion,
      String deliveryId,
      String repository,
      int pullRequestNumber,
      String baseSha,
      String headSha,
      Long installationId,
      String trigger,
      int filesReviewed,
      List<Suggestion> suggestions,
      Map<String, List<LineRange>> anchors,
      List<String> notes,
      Instant completedAt) {
    this(
        schemaVersion,
        deliveryId,
        repository,
        pullRequestNumber,
        baseSha,
        headSha,
        installationId,
        trigger,
        filesReviewed,
        suggestions,
        anchors,
        notes,
        completedAt,
        (RepositorySettings) null);
  }

  public PullRequestKey key() {
    return new PullRequestKey(repository, pullRequestNumber);
  }
}
