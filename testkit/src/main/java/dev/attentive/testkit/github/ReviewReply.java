package dev.attentive.testkit.github;

import java.time.Instant;

/**
 * A reply to a review comment as the {@link GitHubEmulator} recorded it: what a {@code
 * pull_request_review_comment} webhook ({@code action: created}) carries.
 *
 * @param inReplyToId the thread's first comment (GitHub's {@code in_reply_to_id})
 */
public record ReviewReply(
    long id,
    long inReplyToId,
    String ownerRepo,
    int number,
    String user,
    String body,
    String path,
    int line,
    Instant createdAt) {}
