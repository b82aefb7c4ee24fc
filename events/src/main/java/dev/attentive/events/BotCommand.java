package dev.attentive.events;

import java.time.Instant;
import java.util.List;

/**
 * A {@code /attentive <command> [args...]} comment on a pull request, recorded for the services
 * that act on it.
 *
 * @param authorAssociation GitHub's {@code author_association} (OWNER, MEMBER, COLLABORATOR, ...);
 *     who may command the bot is decided by the consumer, which can also ask GitHub for the user's
 *     permission
 */
public record BotCommand(
    int schemaVersion,
    String deliveryId,
    String repository,
    int pullRequestNumber,
    Long installationId,
    String command,
    List<String> arguments,
    String author,
    String authorAssociation,
    long commentId,
    Instant createdAt)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public BotCommand {
    arguments = List.copyOf(arguments);
  }

  public PullRequestKey key() {
    return new PullRequestKey(repository, pullRequestNumber);
  }
}
