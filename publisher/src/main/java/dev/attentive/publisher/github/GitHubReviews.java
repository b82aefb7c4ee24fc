package dev.attentive.publisher.github;

import java.io.IOException;
import java.util.List;

/**
 * What the publisher needs from GitHub: read a pull request's reviews and review comments (to find
 * its own hidden markers), and post one review. One real implementation ({@link
 * KohsukeGitHubReviews}); tests use the emulator. Every method may throw what the kohsuke client
 * throws; {@link dev.attentive.github.call.GitHubFailure#classify} sorts it out.
 */
public interface GitHubReviews {

  PullRequest pullRequest(String repository, int number, Long installationId) throws IOException;

  /**
   * The login the publisher posts as: {@code <app-slug>[bot]} for a GitHub App, the token's user
   * otherwise. Only what this account wrote can carry markers the publisher believes.
   */
  String botLogin() throws IOException;

  /** One pull request, fetched once, for several calls. */
  interface PullRequest {

    /** Every review of the pull request (all pages), oldest first. */
    List<ExistingReview> reviews() throws IOException;

    /** Every review comment of the pull request (all pages), oldest first. */
    List<ExistingComment> comments() throws IOException;

    /**
     * {@code POST .../pulls/{n}/reviews} with event {@code COMMENT}: all comments or none (422).
     */
    CreatedReview createReview(NewReview review) throws IOException;

    /**
     * The comments on the pull request's conversation (all pages), oldest first; their review id is
     * null.
     */
    default List<ExistingComment> conversation() throws IOException {
      return List.of();
    }

    /**
     * {@code POST /repos/{o}/{r}/issues/{n}/comments}: a comment on the pull request's
     * conversation.
     */
    default void comment(String body) throws IOException {
      throw new UnsupportedOperationException("comments are not supported here");
    }

    /**
     * The comments of one review this handle posted ({@code GET .../reviews/{id}/comments}), in the
     * order they were sent: how the ledger learns the ids of the comments it posted.
     */
    default List<ExistingComment> reviewComments(long reviewId) throws IOException {
      return List.of();
    }

    /** The pull request's review threads (GraphQL {@code reviewThreads}), oldest first. */
    default List<ReviewThread> reviewThreads() throws IOException {
      return List.of();
    }

    /** GraphQL {@code resolveReviewThread}. */
    default void resolveThread(String threadId) throws IOException {
      throw new UnsupportedOperationException("threads are not supported here");
    }

    /** {@code POST .../pulls/{n}/comments/{id}/replies}: a reply in the comment's thread. */
    default void reply(long commentId, String body) throws IOException {
      throw new UnsupportedOperationException("replies are not supported here");
    }

    /** The reactions on a review comment ({@code GET .../pulls/comments/{id}/reactions}). */
    default List<Reaction> reactions(long commentId) throws IOException {
      return List.of();
    }
  }

  /**
   * A review thread: its GraphQL node id, whether it is resolved, its comments' ids (first first)
   * and the login of who wrote the first one (the thread's owner).
   */
  record ReviewThread(String id, boolean resolved, List<Long> commentIds, String firstAuthor) {
    public ReviewThread {
      commentIds = List.copyOf(commentIds);
    }
  }

  /** A reaction on a comment: GitHub's content ({@code +1}, {@code -1}, ...) and who. */
  record Reaction(String user, String content) {}

  /** A review on GitHub; {@code author} is its user's login (null for a deleted account). */
  record ExistingReview(long id, String author, String body) {}

  /** A comment on GitHub; {@code author} is its user's login (null for a deleted account). */
  record ExistingComment(long id, Long reviewId, String author, String body) {}

  /** A review to post on {@code commitId}; comments are on the head side (GitHub's RIGHT). */
  record NewReview(String commitId, String body, List<NewComment> comments) {
    public NewReview {
      comments = List.copyOf(comments);
    }
  }

  /** A comment on lines {@code startLine..line} of the head; single-line when they are equal. */
  record NewComment(String path, int startLine, int line, String body) {
    public boolean multiLine() {
      return startLine < line;
    }
  }

  record CreatedReview(long id, String htmlUrl) {}
}
