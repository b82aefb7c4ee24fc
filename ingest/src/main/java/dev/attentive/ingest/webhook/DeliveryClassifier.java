package dev.attentive.ingest.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/**
 * Decides from the event name and the payload whether a delivery is one Attentive acts on: pull
 * requests (closed ones too: their outcome is learned), bot commands in PR comments, review
 * activity (threads resolved or unresolved, replies to review comments, deleted review comments)
 * and pushes that move the default branch (its profile). Only what is acted on is stored;
 * everything else is answered 202 and dropped, with the reason in the answer.
 */
public final class DeliveryClassifier {

  /** The outcome: store (with the PR it concerns), answer a ping, or ignore with a reason. */
  public sealed interface Decision {
    /**
     * @param pullRequestNumber null for a push
     */
    record Store(String repository, Integer pullRequestNumber, String action, Long installationId)
        implements Decision {}

    record Ping() implements Decision {}

    record Ignore(String reason) implements Decision {}
  }

  private final Set<String> pullRequestActions;
  private final boolean reviewDrafts;
  private final String commandPrefix;
  private final boolean profiles;

  /**
   * @param profiles whether pushes to the default branch are stored (they refresh the repository's
   *     profile)
   */
  public DeliveryClassifier(
      Set<String> pullRequestActions,
      boolean reviewDrafts,
      String commandPrefix,
      boolean profiles) {
    this.pullRequestActions = Set.copyOf(pullRequestActions);
    this.reviewDrafts = reviewDrafts;
    this.commandPrefix = commandPrefix;
    this.profiles = profiles;
  }

  public Decision classify(String event, JsonNode payload) {
    if ("ping".equals(event)) {
      return new Decision.Ping();
    }
    if (!payload.isObject()) {
      return new Decision.Ignore("payload is not a JSON object");
    }
    String action = payload.path("action").asText(null);
    String repository = payload.path("repository").path("full_name").asText(null);
    Long installation =
        payload.path("installation").hasNonNull("id")
            ? payload.path("installation").path("id").asLong()
            : null;
    switch (event) {
      case "pull_request" -> {
        if ("closed".equals(action)) {
          // Not reviewed, but what became of the PR's comments (merged, or not) is learned from it.
          JsonNode pr = payload.path("pull_request");
          int number = pr.path("number").asInt(payload.path("number").asInt(0));
          if (repository == null || number <= 0 || !pr.path("head").hasNonNull("sha")) {
            return new Decision.Ignore("pull_request payload lacks repository, number or head sha");
          }
          return new Decision.Store(repository, number, action, installation);
        }
        // An immutable set's contains(null) throws: a payload without an action is ignored.
        if (action == null || !pullRequestActions.contains(action)) {
          return new Decision.Ignore("pull_request action '" + action + "' is not reviewed");
        }
        JsonNode pr = payload.path("pull_request");
        int number = pr.path("number").asInt(payload.path("number").asInt(0));
        if (repository == null || number <= 0 || !pr.path("head").hasNonNull("sha")) {
          return new Decision.Ignore("pull_request payload lacks repository, number or head sha");
        }
        if (pr.path("draft").asBoolean(false) && !reviewDrafts) {
          return new Decision.Ignore(
              "draft pull request (reviewed when it is marked ready for review)");
        }
        if (!"open".equals(pr.path("state").asText("open"))) {
          return new Decision.Ignore("pull request is " + pr.path("state").asText());
        }
        return new Decision.Store(repository, number, action, installation);
      }
      case "issue_comment" -> {
        if (!"created".equals(action)) {
          return new Decision.Ignore("issue_comment action '" + action + "' is not handled");
        }
        JsonNode issue = payload.path("issue");
        if (!issue.hasNonNull("pull_request")) {
          return new Decision.Ignore("comment is on an issue, not a pull request");
        }
        if (parseCommand(payload.path("comment").path("body").asText("")) == null) {
          return new Decision.Ignore("comment is not an " + commandPrefix + " command");
        }
        if (repository == null || issue.path("number").asInt(0) <= 0) {
          return new Decision.Ignore("issue_comment payload lacks repository or number");
        }
        return new Decision.Store(repository, issue.path("number").asInt(), action, installation);
      }
      case "pull_request_review_thread" -> {
        if (!"resolved".equals(action) && !"unresolved".equals(action)) {
          return new Decision.Ignore(
              "pull_request_review_thread action '" + action + "' is not handled");
        }
        return activity(event, payload, repository, action, installation);
      }
      case "pull_request_review_comment" -> {
        boolean reply =
            "created".equals(action)
                && payload.path("comment").path("in_reply_to_id").asLong(0) > 0;
        if (!reply && !"deleted".equals(action)) {
          return new Decision.Ignore(
              "pull_request_review_comment '"
                  + action
                  + "' is neither a reply nor a deletion: not handled");
        }
        return activity(event, payload, repository, action, installation);
      }
      case "push" -> {
        if (!profiles) {
          return new Decision.Ignore("push is not handled (repository profiles are off)");
        }
        String defaultBranch = payload.path("repository").path("default_branch").asText(null);
        String ref = payload.path("ref").asText("");
        if (repository == null || defaultBranch == null) {
          return new Decision.Ignore("push payload lacks repository or default branch");
        }
        if (!ref.equals("refs/heads/" + defaultBranch)) {
          return new Decision.Ignore("push to " + ref + ", not to the default branch");
        }
        if (payload.path("deleted").asBoolean(false)) {
          return new Decision.Ignore("push deletes the default branch");
        }
        return new Decision.Store(repository, null, null, installation);
      }
      default -> {
        return new Decision.Ignore("event '" + event + "' is not handled");
      }
    }
  }

  /** Review activity (thread, reply, deletion) on a pull request, stored when it names one. */
  private static Decision activity(
      String event, JsonNode payload, String repository, String action, Long installation) {
    int number = payload.path("pull_request").path("number").asInt(0);
    if (repository == null || number <= 0) {
      return new Decision.Ignore(event + " payload lacks repository or pull request number");
    }
    return new Decision.Store(repository, number, action, installation);
  }

  /** What bot commands start with ({@code /attentive} by default). */
  public String commandPrefix() {
    return commandPrefix;
  }

  /**
   * The command words of a comment whose first line starts with the prefix ({@code /attentive
   * review} → {@code ["review"]}); {@code ["help"]} for the bare prefix; null for any other
   * comment.
   */
  public java.util.List<String> parseCommand(String body) {
    String firstLine = body.strip().lines().findFirst().orElse("").strip();
    if (!firstLine.equals(commandPrefix) && !firstLine.startsWith(commandPrefix + " ")) {
      return null;
    }
    String rest = firstLine.substring(commandPrefix.length()).strip();
    if (rest.isEmpty()) {
      return java.util.List.of("help");
    }
    return java.util.List.of(rest.split("\\s+"));
  }
}
