package dev.attentive.events;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * Something people or pushes did to a pull request that Attentive reviewed, turned by ingest from a
 * webhook into an event for the publisher, which joins it with its ledger of posted comments into
 * {@link Feedback}. Keyed by {@link PullRequestKey}, on {@link Topics#REVIEW_ACTIVITY}.
 *
 * @param at the payload's own time (the comment's or thread's {@code updated_at}, the PR's {@code
 *     updated_at} for a push or close), never the receiving clock: a simulated team replays weeks
 * @param actor login of who did it; {@code actorType} GitHub's {@code User} / {@code Bot}
 * @param commentId for {@code REPLY}: the comment replied to ({@code in_reply_to_id}); for {@code
 *     COMMENT_DELETED}: the deleted comment
 * @param replyId for {@code REPLY}: the reply's own id
 * @param text for {@code REPLY}: the reply's body (capped at {@link #MAX_TEXT_CHARS})
 * @param threadNodeId for thread events: the thread's GraphQL node id
 * @param threadCommentIds for thread events: the ids of the thread's comments, first first
 * @param headSha for {@code PUSH} and {@code CLOSED}: the PR's head after the event
 * @param beforeSha for {@code PUSH}: the head before it
 * @param forced for {@code PUSH}: a force-push ({@code before} is not an ancestor of {@code
 *     after}), so {@code changes} is empty and line tracking starts over
 * @param merged for {@code CLOSED}: merged, not just closed
 * @param changes for {@code PUSH}: what changed between {@code beforeSha} and {@code headSha}
 *     (GitHub's compare API), file by file
 */
public record ReviewActivity(
    int schemaVersion,
    String deliveryId,
    String repository,
    int pullRequestNumber,
    Long installationId,
    Type type,
    Instant at,
    String actor,
    String actorType,
    Long commentId,
    Long replyId,
    String text,
    String threadNodeId,
    List<Long> threadCommentIds,
    String headSha,
    String beforeSha,
    boolean forced,
    boolean merged,
    List<FileChange> changes)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /** Reply text kept for summaries and training; longer replies are cut. */
  public static final int MAX_TEXT_CHARS = 4_000;

  public enum Type {
    /** New commits on the PR (a {@code synchronize}). */
    PUSH,
    /** A review thread marked resolved. */
    THREAD_RESOLVED,
    /** A resolved review thread opened again. */
    THREAD_UNRESOLVED,
    /** A review comment that answers another ({@code in_reply_to_id} set). */
    REPLY,
    /** A review comment deleted. */
    COMMENT_DELETED,
    /** The PR closed, merged or not. */
    CLOSED
  }

  /**
   * One file's change between two heads.
   *
   * @param hunks the unified diff's hunks, old side = {@code beforeSha}, new side = {@code headSha}
   */
  public record FileChange(String path, String previousPath, FileStatus status, List<Hunk> hunks) {
    public FileChange {
      hunks = hunks == null ? List.of() : List.copyOf(hunks);
    }
  }

  @JsonCreator
  public ReviewActivity {
    threadCommentIds = threadCommentIds == null ? List.of() : List.copyOf(threadCommentIds);
    changes = changes == null ? List.of() : List.copyOf(changes);
    if (text != null && text.length() > MAX_TEXT_CHARS) {
      text = text.substring(0, MAX_TEXT_CHARS);
    }
  }

  public PullRequestKey key() {
    return new PullRequestKey(repository, pullRequestNumber);
  }
}
