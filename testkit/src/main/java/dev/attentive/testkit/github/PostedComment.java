package dev.attentive.testkit.github;

/**
 * One review comment as the {@link GitHubEmulator} holds it.
 *
 * @param line the (last) line commented on, on {@code side}
 * @param startLine the first line of a multi-line comment, null for a single-line one
 * @param side {@code RIGHT} (the head, what GitHub assumes) or {@code LEFT}
 */
public record PostedComment(
    long id, long reviewId, String path, int line, Integer startLine, String side, String body) {}
