package dev.attentive.events;

import java.time.Instant;

/**
 * Ask ingest to learn (or refresh) a repository's profile. Keyed by repository on {@link
 * Topics#PROFILE_REQUESTS}, so one task owns each repository's profile and its cache.
 *
 * @param reason {@code push} (the default branch moved: learn again at {@code sha}), {@code
 *     pull_request} (learn if there is none or it is older than the configured age) or {@code
 *     command}
 * @param sha the default branch's new head for a push; null otherwise (ingest resolves the branch)
 */
public record ProfileRequest(
    int schemaVersion,
    String deliveryId,
    String repository,
    Long installationId,
    String defaultBranch,
    String sha,
    String reason,
    Instant requestedAt)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public static final String PUSH = "push";
  public static final String PULL_REQUEST = "pull_request";
}
