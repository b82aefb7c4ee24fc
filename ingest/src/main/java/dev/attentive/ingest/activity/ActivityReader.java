package dev.attentive.ingest.activity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.DiffLine;
import dev.attentive.events.FileStatus;
import dev.attentive.events.Hunk;
import dev.attentive.events.LineRange;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.ingest.github.GitHubGateway.ChangedFile;
import dev.attentive.ingest.github.GitHubGateway.Comparison;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the webhooks about what people and pushes did to a pull request into {@link
 * ReviewActivity}: pure reading of the payload (and, for a push, of GitHub's comparison of the two
 * heads). A payload that lacks what the event needs is not an activity: the reason says why.
 */
public final class ActivityReader {

  /** An activity, or the reason the payload is none. */
  public record Read(ReviewActivity activity, String ignored) {
    static Read of(ReviewActivity activity) {
      return new Read(activity, null);
    }

    static Read ignore(String reason) {
      return new Read(null, reason);
    }
  }

  private ActivityReader() {}

  /** {@code pull_request_review_thread} resolved / unresolved. */
  public static Read thread(WebhookDelivery delivery, JsonNode payload) {
    String action = payload.path("action").asText("");
    ReviewActivity.Type type =
        switch (action) {
          case "resolved" -> ReviewActivity.Type.THREAD_RESOLVED;
          case "unresolved" -> ReviewActivity.Type.THREAD_UNRESOLVED;
          default -> null;
        };
    if (type == null) {
      return Read.ignore("pull_request_review_thread action '" + action + "' is not handled");
    }
    JsonNode thread = payload.path("thread");
    String nodeId = thread.path("node_id").asText(null);
    List<Long> commentIds = new ArrayList<>();
    Instant at = null;
    for (JsonNode comment : thread.path("comments")) {
      if (comment.path("id").canConvertToLong() && comment.path("id").asLong() > 0) {
        commentIds.add(comment.path("id").asLong());
      }
      // The thread has no time of its own: its newest comment's is the closest GitHub sends.
      Instant updated = instant(comment.path("updated_at"));
      if (updated != null && (at == null || updated.isAfter(at))) {
        at = updated;
      }
    }
    if (nodeId == null || commentIds.isEmpty()) {
      return Read.ignore("thread payload lacks the thread's node id or comment ids");
    }
    if (at == null) {
      at = instant(payload.path("pull_request").path("updated_at"));
    }
    return Read.of(
        activity(
            delivery, payload, type, at, null, null, null, null, nodeId, commentIds, null, false));
  }

  /** {@code pull_request_review_comment}: created as a reply → REPLY; deleted → COMMENT_DELETED. */
  public static Read reviewComment(WebhookDelivery delivery, JsonNode payload) {
    String action = payload.path("action").asText("");
    JsonNode comment = payload.path("comment");
    long id = comment.path("id").asLong(0);
    if (id <= 0) {
      return Read.ignore("review comment payload lacks the comment id");
    }
    Instant at = instant(comment.path("updated_at"));
    switch (action) {
      case "created" -> {
        long repliedTo = comment.path("in_reply_to_id").asLong(0);
        if (repliedTo <= 0) {
          return Read.ignore("review comment is not a reply (no in_reply_to_id)");
        }
        return Read.of(
            activity(
                delivery,
                payload,
                ReviewActivity.Type.REPLY,
                at,
                comment.path("user"),
                repliedTo,
                id,
                comment.path("body").asText(""),
                null,
                null,
                null,
                false));
      }
      case "deleted" -> {
        return Read.of(
            activity(
                delivery,
                payload,
                ReviewActivity.Type.COMMENT_DELETED,
                at,
                null,
                id,
                null,
                null,
                null,
                null,
                null,
                false));
      }
      default -> {
        return Read.ignore("pull_request_review_comment action '" + action + "' is not handled");
      }
    }
  }

  /** {@code pull_request} closed, merged or not. */
  public static Read closed(WebhookDelivery delivery, JsonNode payload) {
    JsonNode pr = payload.path("pull_request");
    String head = pr.path("head").path("sha").asText(null);
    if (head == null) {
      return Read.ignore("closed pull_request payload lacks the head sha");
    }
    return Read.of(
        activity(
            delivery,
            payload,
            ReviewActivity.Type.CLOSED,
            instant(pr.path("updated_at")),
            null,
            null,
            null,
            null,
            null,
            null,
            head,
            pr.path("merged").asBoolean(false)));
  }

  /**
   * {@code pull_request} synchronize: the push from {@code before} to {@code after} with what
   * changed; a comparison that is not a fast-forward (or none: GitHub no longer knows {@code
   * before}) is a force-push, without changes.
   */
  public static ReviewActivity push(
      WebhookDelivery delivery, JsonNode payload, String before, String after, Comparison compare) {
    boolean forced = compare == null || !compare.fastForward();
    JsonNode sender = payload.path("sender");
    Instant at = instant(payload.path("pull_request").path("updated_at"));
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        delivery.deliveryId(),
        delivery.repository(),
        delivery.pullRequestNumber(),
        delivery.installationId(),
        ReviewActivity.Type.PUSH,
        at == null ? delivery.receivedAt() : at,
        sender.path("login").asText(null),
        sender.path("type").asText(null),
        null,
        null,
        null,
        null,
        null,
        after,
        before,
        forced,
        false,
        forced ? List.of() : changes(compare));
  }

  /** The comparison's files with their hunks (a patch GitHub did not send, or bad: no hunks). */
  static List<ReviewActivity.FileChange> changes(Comparison compare) {
    List<ReviewActivity.FileChange> changes = new ArrayList<>(compare.files().size());
    for (ChangedFile file : compare.files()) {
      changes.add(
          new ReviewActivity.FileChange(
              file.filename(),
              file.previousFilename(),
              FileStatus.fromGitHub(file.status()),
              hunks(file)));
    }
    return changes;
  }

  /**
   * Per path of the head, the lines changed since {@code sinceSha}: the added lines of each file of
   * the comparison. Paths absent did not change (their increment is empty).
   */
  public static Map<String, List<LineRange>> changedLines(Comparison compare) {
    Map<String, List<LineRange>> lines = new HashMap<>();
    for (ChangedFile file : compare.files()) {
      lines.put(file.filename(), addedRanges(hunks(file)));
    }
    return lines;
  }

  /** The chunk's increment since {@code sinceSha}, from {@link #changedLines}. */
  public static PullRequestDiffChunk.Increment increment(
      String sinceSha, String path, Map<String, List<LineRange>> changedLines) {
    return new PullRequestDiffChunk.Increment(sinceSha, changedLines.getOrDefault(path, List.of()));
  }

  private static List<Hunk> hunks(ChangedFile file) {
    if (file.patch() == null) {
      return List.of();
    }
    try {
      return PatchParser.parse(file.patch());
    } catch (PatchParser.PatchParseException e) {
      return List.of();
    }
  }

  /** Consecutive added lines, merged into ranges. */
  static List<LineRange> addedRanges(List<Hunk> hunks) {
    List<LineRange> ranges = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (Hunk hunk : hunks) {
      for (DiffLine line : hunk.lines()) {
        if (line.kind() != DiffLine.Kind.ADDED) {
          continue;
        }
        int n = line.newLine();
        if (start > 0 && n == end + 1) {
          end = n;
        } else {
          if (start > 0) {
            ranges.add(new LineRange(start, end));
          }
          start = n;
          end = n;
        }
      }
    }
    if (start > 0) {
      ranges.add(new LineRange(start, end));
    }
    return ranges;
  }

  private static ReviewActivity activity(
      WebhookDelivery delivery,
      JsonNode payload,
      ReviewActivity.Type type,
      Instant at,
      JsonNode user,
      Long commentId,
      Long replyId,
      String text,
      String threadNodeId,
      List<Long> threadCommentIds,
      String headSha,
      boolean merged) {
    // Who did it: the comment's author for a reply, else whoever sent the event.
    JsonNode actor = user != null && user.isObject() ? user : payload.path("sender");
    return new ReviewActivity(
        ReviewActivity.SCHEMA_VERSION,
        delivery.deliveryId(),
        delivery.repository(),
        delivery.pullRequestNumber(),
        delivery.installationId(),
        type,
        at == null ? delivery.receivedAt() : at,
        actor.path("login").asText(null),
        actor.path("type").asText(null),
        commentId,
        replyId,
        text,
        threadNodeId,
        threadCommentIds,
        headSha,
        null,
        false,
        merged,
        null);
  }

  private static Instant instant(JsonNode node) {
    if (!node.isTextual()) {
      return null;
    }
    try {
      return Instant.parse(node.asText());
    } catch (RuntimeException e) {
      return null;
    }
  }
}
