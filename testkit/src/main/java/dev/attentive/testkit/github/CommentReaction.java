package dev.attentive.testkit.github;

import java.time.Instant;

/**
 * A reaction on a review comment as the {@link GitHubEmulator} holds it.
 *
 * @param content GitHub's reaction content: {@code +1}, {@code -1}, {@code laugh}, ...
 */
public record CommentReaction(
    long id, String ownerRepo, long commentId, String user, String content, Instant createdAt) {}
