package dev.attentive.testkit.github;

import java.util.List;

/**
 * A review thread as the {@link GitHubEmulator} derives it: a top-level review comment and its
 * replies.
 *
 * @param nodeId GitHub's GraphQL node id ({@code PRRT_...}), what {@code resolveReviewThread} and
 *     the {@code pull_request_review_thread} webhook's {@code thread.node_id} carry
 * @param resolvedBy who resolved it last; null while it is not resolved
 * @param commentIds the thread's comments, the first comment first
 */
public record ReviewThread(
    String nodeId,
    String ownerRepo,
    int number,
    String path,
    int line,
    boolean resolved,
    String resolvedBy,
    List<Long> commentIds) {

  public ReviewThread {
    commentIds = List.copyOf(commentIds);
  }

  /** The thread's first comment: whoever wrote it owns the thread. */
  public long firstCommentId() {
    return commentIds.get(0);
  }
}
