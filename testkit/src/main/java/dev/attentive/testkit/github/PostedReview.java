package dev.attentive.testkit.github;

import java.time.Instant;
import java.util.List;

/**
 * A pull request review as the {@link GitHubEmulator} holds it (posted through {@code POST
 * .../reviews} or added with {@link GitHubEmulator#addReview}).
 *
 * @param state {@code COMMENTED}, {@code APPROVED}, {@code CHANGES_REQUESTED} or {@code PENDING}
 * @param body the review's summary body ({@code ""} when none was sent)
 * @param comments its review comments, in the order they were sent
 */
public record PostedReview(
    long id,
    String user,
    String commitId,
    String state,
    String body,
    Instant submittedAt,
    List<PostedComment> comments) {

  public PostedReview {
    comments = List.copyOf(comments);
  }
}
