package dev.attentive.testkit.github;

import java.time.Instant;

/**
 * A comment on a pull request's conversation ({@code POST /repos/{o}/{r}/issues/{n}/comments}) as
 * the {@link GitHubEmulator} recorded it.
 *
 * @param author the authenticated login that posted it
 */
public record PostedIssueComment(
    long id, String ownerRepo, int number, String author, String body, Instant createdAt) {}
