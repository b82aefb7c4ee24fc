package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The publisher's ledger of one PR: every inline comment Attentive posted, where its line is now,
 * and the {@link Feedback} already written about it. Kept by the publisher in a changelogged store
 * keyed by {@link PullRequestKey}, next to {@link PostedFingerprints}; the latest value is the
 * whole record. The outcomes processor joins it with {@link ReviewActivity} into feedback, and the
 * ids in {@link #outcomes()} make every outcome written once (they commit in the same exactly-once
 * transaction as the feedback).
 *
 * @param headSha the newest head of the PR the ledger knows (a push's or a posted review's)
 * @param headAt the payload time of the push that set {@code headSha}; null when a review set it
 * @param outcomes the ids ({@link Feedback#id()}) of the feedback already written for this PR
 */
public record CommentLedger(
    int schemaVersion,
    String repository,
    int pullRequestNumber,
    String headSha,
    Instant headAt,
    List<Entry> entries,
    List<String> outcomes)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /** Where an entry stands. */
  public enum State {
    /** Posted; nobody and no push has settled it. */
    OPEN,
    /** Applied or fixed otherwise by a push; Attentive resolved its thread. */
    SETTLED,
    /** A person resolved the thread with the line unchanged (opened again: back to OPEN). */
    RESOLVED
  }

  /**
   * One posted inline comment.
   *
   * @param commentId GitHub's id of the comment; 0 when it could not be read back after posting
   *     (then no activity can reach the entry, only pushes and the merge)
   * @param analyzer {@code model}, {@code style}, {@code tests} (from the rule id's prefix)
   * @param modelVersion the analyzer's version from {@link Review#analyzerVersions()}, or null
   * @param startLine first line of the comment on {@code head}
   * @param endLine last line of the comment on {@code head}
   * @param postedLine the comment's (last) line on the head it was posted on
   * @param replacement the suggested replacement of {@code startLine..endLine}, or null
   * @param postedHead the head the comment was posted on
   * @param head the head {@code startLine..endLine} refer to (carried through pushes); null when
   *     the lines are no longer known (a force-push, a push the ledger missed): no line outcomes
   *     then
   * @param threadNodeId the review thread's GraphQL node id, once known
   */
  public record Entry(
      long commentId,
      String fingerprint,
      String ruleId,
      String analyzer,
      String modelVersion,
      double confidence,
      Suggestion.Kind kind,
      String path,
      int startLine,
      int endLine,
      int postedLine,
      String replacement,
      String postedHead,
      String head,
      String threadNodeId,
      State state) {

    public boolean anchored() {
      return head != null;
    }

    public Entry at(String path, int startLine, int endLine, String head) {
      return new Entry(
          commentId,
          fingerprint,
          ruleId,
          analyzer,
          modelVersion,
          confidence,
          kind,
          path,
          startLine,
          endLine,
          postedLine,
          replacement,
          postedHead,
          head,
          threadNodeId,
          state);
    }

    public Entry with(State state) {
      return new Entry(
          commentId,
          fingerprint,
          ruleId,
          analyzer,
          modelVersion,
          confidence,
          kind,
          path,
          startLine,
          endLine,
          postedLine,
          replacement,
          postedHead,
          head,
          threadNodeId,
          state);
    }

    public Entry withThread(String threadNodeId) {
      return new Entry(
          commentId,
          fingerprint,
          ruleId,
          analyzer,
          modelVersion,
          confidence,
          kind,
          path,
          startLine,
          endLine,
          postedLine,
          replacement,
          postedHead,
          head,
          threadNodeId,
          state);
    }
  }

  @JsonCreator
  public CommentLedger {
    entries = entries == null ? List.of() : List.copyOf(entries);
    outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
  }

  public static CommentLedger empty(String repository, int pullRequestNumber) {
    return new CommentLedger(
        SCHEMA_VERSION, repository, pullRequestNumber, null, null, List.of(), List.of());
  }

  public CommentLedger withEntries(List<Entry> entries) {
    return new CommentLedger(
        schemaVersion, repository, pullRequestNumber, headSha, headAt, entries, outcomes);
  }

  public CommentLedger withHead(String headSha, Instant headAt) {
    return new CommentLedger(
        schemaVersion, repository, pullRequestNumber, headSha, headAt, entries, outcomes);
  }

  /** The ledger with more outcome ids (each kept once). */
  public CommentLedger withOutcomes(List<String> ids) {
    List<String> all = new ArrayList<>(outcomes);
    Set<String> known = Set.copyOf(outcomes);
    ids.stream().filter(id -> !known.contains(id)).distinct().forEach(all::add);
    return new CommentLedger(
        schemaVersion, repository, pullRequestNumber, headSha, headAt, entries, all);
  }

  /** The entry of a posted comment, or null. */
  public Entry entry(long commentId) {
    if (commentId == 0) {
      return null;
    }
    return entries.stream().filter(e -> e.commentId() == commentId).findFirst().orElse(null);
  }
}
