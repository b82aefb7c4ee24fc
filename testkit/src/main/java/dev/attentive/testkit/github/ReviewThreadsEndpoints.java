package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people do to review comments after they are posted, and what GitHub answers about it:
 *
 * <ul>
 *   <li>{@code POST /graphql}: the pull request's {@code reviewThreads} (variables {@code owner},
 *       {@code name}, {@code number}; every thread in one page: a top-level review comment and its
 *       replies, with {@code id}, {@code isResolved}, {@code resolvedBy}, {@code path}, {@code
 *       line} and {@code comments.nodes} of {@code databaseId}, {@code author.login}, {@code
 *       body}), and the mutations {@code resolveReviewThread} / {@code unresolveReviewThread}
 *       (variable {@code threadId}) by the authenticated user; an unknown thread answers GitHub's
 *       200 with a {@code NOT_FOUND} error;
 *   <li>{@code POST /repos/{o}/{r}/pulls/{n}/comments/{id}/replies}: a reply by the authenticated
 *       user, listed with the PR's review comments;
 *   <li>{@code GET /repos/{o}/{r}/pulls/comments/{id}/reactions}: the comment's reactions,
 *       paginated;
 *   <li>{@code GET /repos/{o}/{r}/pulls/{n}/reviews/{id}/comments}: one review's comments.
 * </ul>
 */
final class ReviewThreadsEndpoints {

  private static final Pattern REPLIES =
      Pattern.compile("/repos/([^/]+)/([^/]+)/pulls/([0-9]+)/comments/([0-9]+)/replies");
  private static final Pattern REACTIONS =
      Pattern.compile("/repos/([^/]+)/([^/]+)/pulls/comments/([0-9]+)/reactions");
  private static final Pattern REVIEW_COMMENTS =
      Pattern.compile("/repos/([^/]+)/([^/]+)/pulls/([0-9]+)/reviews/([0-9]+)/comments");

  /** Thread node ids: this prefix and the first comment's id in base 36. */
  private static final String THREAD_PREFIX = "PRRT_kw";

  private final Stubs stubs;
  private final UsersEndpoints users;
  private final ReviewStore store;

  /** first comment id → who resolved the thread (absent: not resolved). */
  private final Map<Long, String> resolved = new LinkedHashMap<>();

  /** comment id → its reactions, oldest first. */
  private final Map<Long, List<CommentReaction>> reactions = new LinkedHashMap<>();

  private final AtomicLong reactionIds = new AtomicLong(150_000_000L);

  ReviewThreadsEndpoints(Stubs stubs, UsersEndpoints users, ReviewStore store) {
    this.stubs = stubs;
    this.users = users;
    this.store = store;
  }

  void install() {
    stubs.serve("POST", "/graphql", this::graphQl);
    stubs.serve("POST", REPLIES.pattern(), this::replyEndpoint);
    stubs.serve("GET", REACTIONS.pattern(), this::reactionsEndpoint);
    stubs.serve("GET", REVIEW_COMMENTS.pattern(), this::reviewCommentsEndpoint);
  }

  synchronized void reset() {
    resolved.clear();
    reactions.clear();
  }

  static String threadId(long firstCommentId) {
    return THREAD_PREFIX + Long.toString(firstCommentId, 36);
  }

  // ---------------------------------------------------------------- scripted people

  synchronized CommentReaction react(long commentId, String content, String user) {
    Located at = locate(commentId);
    if (at == null) {
      throw new IllegalArgumentException("no review comment " + commentId);
    }
    List<CommentReaction> list = reactions.computeIfAbsent(commentId, k -> new ArrayList<>());
    // GitHub keeps one reaction of a kind per person
    for (CommentReaction r : list) {
      if (r.user().equals(user) && r.content().equals(content)) {
        return r;
      }
    }
    CommentReaction reaction =
        new CommentReaction(
            reactionIds.incrementAndGet(),
            at.ownerRepo(),
            commentId,
            user,
            content,
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    list.add(reaction);
    return reaction;
  }

  synchronized ReviewThread resolve(String threadId, String user, boolean resolve) {
    Located at = locateThread(threadId);
    if (at == null) {
      throw new IllegalArgumentException("no review thread " + threadId);
    }
    long first = at.comment().path("id").asLong();
    if (resolve) {
      resolved.put(first, user);
    } else {
      resolved.remove(first);
    }
    return thread(at.key(), at.comment());
  }

  synchronized ReviewReply reply(long commentId, String user, String text) {
    Located at = locate(commentId);
    if (at == null) {
      throw new IllegalArgumentException("no review comment " + commentId);
    }
    return asReply(at.ownerRepo(), at.number(), store.reply(at.key(), commentId, user, text));
  }

  synchronized List<ReviewThread> threads(String ownerRepo, int number) {
    String key = Stubs.key(ownerRepo, number);
    List<ReviewThread> out = new ArrayList<>();
    for (ObjectNode c : store.comments(key)) {
      if (!c.hasNonNull("in_reply_to_id")) {
        out.add(thread(key, c));
      }
    }
    return out;
  }

  /** The thread a comment belongs to, or null. */
  synchronized ReviewThread threadOf(long commentId) {
    Located at = locate(commentId);
    if (at == null) {
      return null;
    }
    long first =
        at.comment().hasNonNull("in_reply_to_id")
            ? at.comment().get("in_reply_to_id").asLong()
            : commentId;
    return thread(at.key(), store.comment(at.key(), first));
  }

  synchronized List<CommentReaction> reactions(long commentId) {
    return List.copyOf(reactions.getOrDefault(commentId, List.of()));
  }

  // ---------------------------------------------------------------- endpoints

  private EmulatedResponse graphQl(RecordedRequest request) {
    JsonNode body;
    try {
      body = GitHubJson.MAPPER.readTree(request.body().isEmpty() ? "{}" : request.body());
    } catch (IOException e) {
      return EmulatedResponse.json(
          400, GitHubJson.write(GitHubJson.error("Problems parsing JSON")));
    }
    String query = body.path("query").asText("");
    JsonNode variables = body.path("variables");
    synchronized (this) {
      if (query.contains("unresolveReviewThread")) {
        return mutation("unresolveReviewThread", variables.path("threadId").asText(), false);
      }
      if (query.contains("resolveReviewThread")) {
        return mutation("resolveReviewThread", variables.path("threadId").asText(), true);
      }
      if (query.contains("reviewThreads")) {
        return reviewThreads(
            variables.path("owner").asText(),
            variables.path("name").asText(),
            variables.path("number").asInt());
      }
    }
    return graphQlError(
        "UNSUPPORTED", "the emulator answers reviewThreads and (un)resolveReviewThread only");
  }

  private EmulatedResponse reviewThreads(String owner, String name, int number) {
    String key = Stubs.key(owner + "/" + name, number);
    if (!store.knows(key)) {
      return graphQlError(
          "NOT_FOUND",
          "Could not resolve to a Repository with the name '" + owner + "/" + name + "'.");
    }
    ArrayNode nodes = GitHubJson.MAPPER.createArrayNode();
    for (ReviewThread t : threads(owner + "/" + name, number)) {
      nodes.add(threadJson(key, t));
    }
    ObjectNode data = GitHubJson.MAPPER.createObjectNode();
    ObjectNode threads =
        data.putObject("data")
            .putObject("repository")
            .putObject("pullRequest")
            .putObject("reviewThreads");
    threads.put("totalCount", nodes.size());
    threads.putObject("pageInfo").put("hasNextPage", false).putNull("endCursor");
    threads.set("nodes", nodes);
    return EmulatedResponse.json(200, GitHubJson.write(data));
  }

  private EmulatedResponse mutation(String name, String threadId, boolean resolve) {
    Located at = locateThread(threadId);
    if (at == null) {
      return graphQlError(
          "NOT_FOUND", "Could not resolve to a node with the global id of '" + threadId + "'");
    }
    ReviewThread thread = resolve(threadId, users.login(), resolve);
    ObjectNode data = GitHubJson.MAPPER.createObjectNode();
    data.putObject("data")
        .putObject(name)
        .putObject("thread")
        .put("id", thread.nodeId())
        .put("isResolved", thread.resolved());
    return EmulatedResponse.json(200, GitHubJson.write(data));
  }

  private EmulatedResponse replyEndpoint(RecordedRequest request) {
    Matcher m = REPLIES.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    String text;
    try {
      text = GitHubJson.MAPPER.readTree(request.body()).path("body").asText(null);
    } catch (IOException e) {
      text = null;
    }
    if (text == null) {
      return EmulatedResponse.json(
          422, GitHubJson.write(GitHubJson.error("Invalid request.\n\n\"body\" wasn't supplied.")));
    }
    String key = Stubs.key(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
    ObjectNode node;
    synchronized (this) {
      node = store.reply(key, Long.parseLong(m.group(4)), users.login(), text);
    }
    return node == null ? Stubs.notFound() : EmulatedResponse.json(201, GitHubJson.write(node));
  }

  private EmulatedResponse reactionsEndpoint(RecordedRequest request) {
    Matcher m = REACTIONS.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    long commentId = Long.parseLong(m.group(3));
    List<ObjectNode> items = new ArrayList<>();
    synchronized (this) {
      Located at = locate(commentId);
      if (at == null || !at.ownerRepo().equals(m.group(1) + "/" + m.group(2))) {
        return Stubs.notFound();
      }
      for (CommentReaction r : reactions.getOrDefault(commentId, List.of())) {
        ObjectNode node = GitHubJson.MAPPER.createObjectNode();
        node.put("id", r.id());
        node.put("node_id", GitHubJson.nodeId("08:Reaction", r.id()));
        node.set("user", stubs.json().user(r.user()));
        node.put("content", r.content());
        node.put("created_at", r.createdAt().toString());
        items.add(node);
      }
    }
    return Pagination.page(request, items, stubs.baseUrl());
  }

  private EmulatedResponse reviewCommentsEndpoint(RecordedRequest request) {
    Matcher m = REVIEW_COMMENTS.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    String key = Stubs.key(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3)));
    if (!store.knows(key)) {
      return Stubs.notFound();
    }
    return Pagination.page(
        request, store.reviewComments(key, Long.parseLong(m.group(4))), stubs.baseUrl());
  }

  // ---------------------------------------------------------------- helpers

  private record Located(String key, String ownerRepo, int number, ObjectNode comment) {}

  private Located locate(long commentId) {
    for (String key : store.keys()) {
      ObjectNode c = store.comment(key, commentId);
      if (c != null) {
        int hash = key.lastIndexOf('#');
        return new Located(
            key, key.substring(0, hash), Integer.parseInt(key.substring(hash + 1)), c);
      }
    }
    return null;
  }

  private Located locateThread(String threadId) {
    if (threadId == null || !threadId.startsWith(THREAD_PREFIX)) {
      return null;
    }
    long first;
    try {
      first = Long.parseLong(threadId.substring(THREAD_PREFIX.length()), 36);
    } catch (NumberFormatException e) {
      return null;
    }
    Located at = locate(first);
    return at == null || at.comment().hasNonNull("in_reply_to_id") ? null : at;
  }

  private ReviewThread thread(String key, ObjectNode first) {
    long firstId = first.path("id").asLong();
    List<Long> ids = new ArrayList<>();
    ids.add(firstId);
    for (ObjectNode c : store.comments(key)) {
      if (c.path("in_reply_to_id").asLong() == firstId) {
        ids.add(c.path("id").asLong());
      }
    }
    int hash = key.lastIndexOf('#');
    return new ReviewThread(
        threadId(firstId),
        key.substring(0, hash),
        Integer.parseInt(key.substring(hash + 1)),
        first.path("path").asText(),
        first.path("line").asInt(),
        resolved.containsKey(firstId),
        resolved.get(firstId),
        ids);
  }

  private ObjectNode threadJson(String key, ReviewThread t) {
    ObjectNode node = GitHubJson.MAPPER.createObjectNode();
    node.put("id", t.nodeId());
    node.put("isResolved", t.resolved());
    if (t.resolvedBy() == null) {
      node.putNull("resolvedBy");
    } else {
      node.putObject("resolvedBy").put("login", t.resolvedBy());
    }
    node.put("path", t.path());
    node.put("line", t.line());
    ArrayNode comments = node.putObject("comments").putArray("nodes");
    for (long id : t.commentIds()) {
      ObjectNode c = store.comment(key, id);
      ObjectNode n = comments.addObject();
      n.put("databaseId", id);
      n.putObject("author").put("login", c.path("user").path("login").asText());
      n.put("body", c.path("body").asText());
    }
    return node;
  }

  private static EmulatedResponse graphQlError(String type, String message) {
    ObjectNode body = GitHubJson.MAPPER.createObjectNode();
    body.putNull("data");
    ObjectNode error = body.putArray("errors").addObject();
    error.put("type", type);
    error.put("message", message);
    return EmulatedResponse.json(200, GitHubJson.write(body));
  }

  private static ReviewReply asReply(String ownerRepo, int number, ObjectNode node) {
    return new ReviewReply(
        node.path("id").asLong(),
        node.path("in_reply_to_id").asLong(),
        ownerRepo,
        number,
        node.path("user").path("login").asText(),
        node.path("body").asText(),
        node.path("path").asText(),
        node.path("line").asInt(),
        Instant.parse(node.path("created_at").asText()));
  }
}
