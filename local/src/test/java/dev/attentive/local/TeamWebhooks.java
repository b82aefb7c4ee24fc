package dev.attentive.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.testkit.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The webhooks a simulated team's GitHub sends, built from octokit's real payload examples (MIT, in
 * testkit) with the scenario's repository, numbers, shas, people, ids and simulated {@code
 * updated_at} times filled in. Delivery ids follow from the seed, so a replay sends the same ones.
 */
final class TeamWebhooks {

  /** One delivery as GitHub would POST it (sign it with the stack's secret: {@link #signature}). */
  record Delivery(String event, String id, byte[] payload) {
    String signature(String secret) {
      return Webhook.sign(payload, secret);
    }

    JsonNode json() {
      try {
        return EventJson.mapper().readTree(payload);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** One review comment of a thread, as a thread webhook lists it. */
  record ThreadComment(
      long id, String author, String authorType, String path, int line, String body) {}

  static final String OCTOKIT = "octokit/api.github.com/";
  private static final String EXAMPLE_REPOSITORY = "Codertocat/Hello-World";

  private final long seed;
  private final String repository;
  private final long installationId;
  private int sent;

  TeamWebhooks(long seed, String repository, long installationId) {
    this.seed = seed;
    this.repository = repository;
    this.installationId = installationId;
  }

  /** {@code pull_request} {@code opened}. */
  Delivery opened(TeamScenario.PullRequestPlan pr, String head) {
    ObjectNode root = pullRequestEvent("pull_request/opened.payload.json", pr, head, pr.author());
    root.put("action", "opened");
    setTimes(root, pr.openedAt(), pr.openedAt());
    return delivery("pull_request", root);
  }

  /** {@code pull_request} {@code synchronize} from {@code before} to {@code after}. */
  Delivery synchronize(TeamScenario.PullRequestPlan pr, String before, String after, Instant at) {
    ObjectNode root =
        pullRequestEvent("pull_request/synchronize.payload.json", pr, after, pr.author());
    root.put("action", "synchronize").put("before", before).put("after", after);
    setTimes(root, pr.openedAt(), at);
    return delivery("pull_request", root);
  }

  /** {@code pull_request} {@code closed} with {@code merged: true}, merged by the reviewer. */
  Delivery merged(TeamScenario.PullRequestPlan pr, String head) {
    ObjectNode root = pullRequestEvent("pull_request/closed.payload.json", pr, head, pr.reviewer());
    root.put("action", "closed");
    ObjectNode pull = (ObjectNode) root.get("pull_request");
    pull.put("state", "closed").put("merged", true);
    pull.put("closed_at", pr.mergedAt().toString()).put("merged_at", pr.mergedAt().toString());
    // a sha no revision of the scenario has
    pull.put(
        "merge_commit_sha",
        String.format("%040x", (seed * 1_000_003L + pr.number()) & Long.MAX_VALUE));
    user((ObjectNode) pull.putObject("merged_by"), pr.reviewer(), "User");
    setTimes(root, pr.openedAt(), pr.mergedAt());
    return delivery("pull_request", root);
  }

  /** {@code pull_request_review_thread} {@code resolved} by {@code resolver}. */
  Delivery threadResolved(
      TeamScenario.PullRequestPlan pr,
      String head,
      String threadNodeId,
      List<ThreadComment> comments,
      String resolver,
      Instant at) {
    ObjectNode root =
        pullRequestEvent("pull_request_review_thread/resolved.payload.json", pr, head, resolver);
    root.put("action", "resolved");
    ObjectNode thread = (ObjectNode) root.get("thread");
    thread.put("node_id", threadNodeId);
    ObjectNode template = (ObjectNode) thread.get("comments").get(0);
    ArrayNode list = thread.putArray("comments");
    for (ThreadComment c : comments) {
      ObjectNode comment = template.deepCopy();
      fillComment(comment, pr, head, c, at);
      list.add(comment);
    }
    setTimes(root, pr.openedAt(), at);
    return delivery("pull_request_review_thread", root);
  }

  /** {@code pull_request_review_comment} {@code created}: {@code reply} answers {@code to}. */
  Delivery reply(
      TeamScenario.PullRequestPlan pr,
      String head,
      ThreadComment to,
      ThreadComment reply,
      Instant at) {
    ObjectNode root =
        pullRequestEvent(
            "pull_request_review_comment/created.payload.json", pr, head, reply.author());
    root.put("action", "created");
    ObjectNode comment = (ObjectNode) root.get("comment");
    fillComment(comment, pr, head, reply, at);
    comment.put("in_reply_to_id", to.id());
    setTimes(root, pr.openedAt(), at);
    return delivery("pull_request_review_comment", root);
  }

  // ---------------------------------------------------------------- internals

  private ObjectNode pullRequestEvent(
      String example, TeamScenario.PullRequestPlan pr, String head, String sender) {
    String text =
        new String(Fixtures.webhook(OCTOKIT + example), StandardCharsets.UTF_8)
            .replace(EXAMPLE_REPOSITORY, repository);
    ObjectNode root;
    try {
      root = (ObjectNode) EventJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String owner = repository.substring(0, repository.indexOf('/'));
    ObjectNode repo = (ObjectNode) root.get("repository");
    repo.put("full_name", repository)
        .put("name", repository.substring(owner.length() + 1))
        .put("default_branch", "main");
    ((ObjectNode) repo.get("owner")).put("login", owner);
    root.putObject("installation").put("id", installationId);
    user((ObjectNode) root.get("sender"), sender, "User");
    if (root.has("number")) {
      root.put("number", pr.number());
    }
    ObjectNode pull = (ObjectNode) root.get("pull_request");
    pull.put("number", pr.number())
        .put("state", "open")
        .put("draft", false)
        .put("title", "Widget and totals " + pr.number())
        .put("url", "https://api.github.com/repos/" + repository + "/pulls/" + pr.number());
    user((ObjectNode) pull.get("user"), pr.author(), "User");
    ObjectNode headRef = (ObjectNode) pull.get("head");
    headRef.put("sha", head).put("ref", "feature-" + pr.number());
    ObjectNode base = (ObjectNode) pull.get("base");
    base.put("sha", pr.baseSha()).put("ref", "main");
    if (pull.has("merged")) {
      pull.put("merged", false);
    }
    return root;
  }

  private void fillComment(
      ObjectNode comment,
      TeamScenario.PullRequestPlan pr,
      String head,
      ThreadComment c,
      Instant at) {
    String api = "https://api.github.com/repos/" + repository;
    comment
        .put("id", c.id())
        .put("node_id", "PRRC_" + c.id())
        .put("path", c.path())
        .put("line", c.line())
        .put("original_line", c.line())
        .put("side", "RIGHT")
        .put("commit_id", head)
        .put("original_commit_id", head)
        .put("body", c.body())
        .put("url", api + "/pulls/comments/" + c.id())
        .put("pull_request_url", api + "/pulls/" + pr.number())
        .put(
            "html_url",
            "https://github.com/" + repository + "/pull/" + pr.number() + "#discussion_r" + c.id())
        .put("created_at", at.toString())
        .put("updated_at", at.toString());
    comment.putNull("start_line").putNull("original_start_line").putNull("start_side");
    comment.remove("position");
    comment.remove("original_position");
    user((ObjectNode) comment.get("user"), c.author(), c.authorType());
  }

  private static void user(ObjectNode user, String login, String type) {
    user.put("login", login)
        .put("type", type)
        .put("id", Math.abs((long) login.hashCode()))
        .put("url", "https://api.github.com/users/" + login)
        .put("html_url", "https://github.com/" + login);
  }

  private static void setTimes(ObjectNode root, Instant created, Instant updated) {
    ObjectNode pull = (ObjectNode) root.get("pull_request");
    pull.put("created_at", created.toString()).put("updated_at", updated.toString());
  }

  private Delivery delivery(String event, ObjectNode root) {
    String id =
        UUID.nameUUIDFromBytes(
                (seed + "/" + repository + "/" + sent++).getBytes(StandardCharsets.UTF_8))
            .toString();
    try {
      return new Delivery(event, id, EventJson.mapper().writeValueAsBytes(root));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
