package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reviews and review comments of the emulator's pull requests, with GitHub's validation of a
 * new review: every comment must sit on a line of its file's patch, on the side it names (RIGHT
 * when it names none), or the whole review is refused with 422 and nothing is recorded.
 */
final class ReviewStore {

  /** GitHub's limit for review and comment bodies. */
  static final int MAX_BODY = 65536;

  static final String CREATE_DOCS =
      "https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request";

  /** A response to send: status and JSON body. */
  record Answer(int status, String body) {}

  private static final class Pull {
    final String owner;
    final String repo;
    final int number;
    String headSha;
    Map<String, PatchIndex> files = Map.of();
    final List<ObjectNode> reviewNodes = new ArrayList<>();
    final List<ObjectNode> commentNodes = new ArrayList<>();
    final List<PostedReview> posted = new ArrayList<>();

    Pull(String owner, String repo, int number) {
      this.owner = owner;
      this.repo = repo;
      this.number = number;
    }
  }

  private final GitHubJson json;
  private final String api;
  private final Map<String, Pull> pulls = new LinkedHashMap<>();
  private final AtomicLong reviewIds = new AtomicLong(80_000_000L);
  private final AtomicLong commentIds = new AtomicLong(1_100_000_000L);

  ReviewStore(GitHubJson json, String api) {
    this.json = json;
    this.api = api;
  }

  /**
   * Takes the PR's current head and patches; reviews already there are kept (as on GitHub after a
   * push).
   */
  synchronized void register(PullRequestFixture pr, List<PullRequestFixture.FileChange> listed) {
    Pull pull =
        pulls.computeIfAbsent(
            key(pr.ownerRepo(), pr.number()), k -> new Pull(pr.owner(), pr.repo(), pr.number()));
    pull.headSha = pr.headSha();
    Map<String, PatchIndex> files = new LinkedHashMap<>();
    for (PullRequestFixture.FileChange change : listed) {
      files.put(change.filename(), PatchIndex.of(change.patch()));
    }
    pull.files = files;
  }

  synchronized boolean knows(String key) {
    return pulls.containsKey(key);
  }

  synchronized void clear() {
    pulls.clear();
  }

  // ---------------------------------------------------------------- create

  /** {@code POST /repos/{o}/{r}/pulls/{n}/reviews}: 200 with the review, or GitHub's 422. */
  synchronized Answer create(String key, JsonNode request, String login) {
    Pull pull = pulls.get(key);
    if (pull == null) {
      return new Answer(404, GitHubJson.write(GitHubJson.error("Not Found")));
    }
    String event = text(request, "event");
    String state;
    if (event == null || event.isEmpty()) {
      state = "PENDING";
    } else {
      state =
          switch (event) {
            case "COMMENT" -> "COMMENTED";
            case "APPROVE" -> "APPROVED";
            case "REQUEST_CHANGES" -> "CHANGES_REQUESTED";
            default -> null;
          };
      if (state == null) {
        return unprocessable(List.of("Event is not included in the list"));
      }
    }
    String body = text(request, "body");
    String commitId = Optional.ofNullable(text(request, "commit_id")).orElse(pull.headSha);
    Set<String> errors = new LinkedHashSet<>();
    if (body != null && body.length() > MAX_BODY) {
      errors.add("Body is too long (maximum is " + MAX_BODY + " characters)");
    }
    List<Resolved> comments = new ArrayList<>();
    JsonNode requested = request.path("comments");
    if (!requested.isMissingNode() && !requested.isNull() && !requested.isArray()) {
      errors.add(
          "Invalid request.\n\nFor 'properties/comments', " + requested + " is not an array.");
    }
    for (JsonNode comment : requested.isArray() ? requested : GitHubJson.MAPPER.createArrayNode()) {
      Resolution resolution = resolve(pull, comment);
      if (resolution.error() != null) {
        errors.add(resolution.error());
      } else {
        comments.add(resolution.comment());
      }
    }
    if (!errors.isEmpty()) {
      return unprocessable(List.copyOf(errors));
    }
    ObjectNode review =
        recordReview(pull, login, commitId, state, body == null ? "" : body, comments);
    return new Answer(200, GitHubJson.write(review));
  }

  /** Adds a review as history, unvalidated. */
  synchronized PostedReview add(
      String key, String login, String commitId, String body, List<NewReviewComment> comments) {
    Pull pull = pulls.get(key);
    if (pull == null) {
      throw new IllegalStateException(
          key + " is not registered; register() the pull request first");
    }
    List<Resolved> resolved = new ArrayList<>();
    for (NewReviewComment c : comments) {
      resolved.add(new Resolved(c.path(), c.line(), c.startLine(), "RIGHT", c.body(), 0, ""));
    }
    recordReview(
        pull, login, commitId == null ? pull.headSha : commitId, "COMMENTED", body, resolved);
    return pull.posted.get(pull.posted.size() - 1);
  }

  synchronized List<ObjectNode> reviews(String key) {
    Pull pull = pulls.get(key);
    return pull == null ? List.of() : List.copyOf(pull.reviewNodes);
  }

  synchronized List<ObjectNode> comments(String key) {
    Pull pull = pulls.get(key);
    return pull == null ? List.of() : List.copyOf(pull.commentNodes);
  }

  synchronized List<PostedReview> posted(String key) {
    Pull pull = pulls.get(key);
    return pull == null ? List.of() : List.copyOf(pull.posted);
  }

  /** The comments of one review, in the order they were posted (replies are not among them). */
  synchronized List<ObjectNode> reviewComments(String key, long reviewId) {
    Pull pull = pulls.get(key);
    if (pull == null) {
      return List.of();
    }
    return pull.commentNodes.stream()
        .filter(c -> c.path("pull_request_review_id").asLong() == reviewId)
        .filter(c -> !c.hasNonNull("in_reply_to_id"))
        .toList();
  }

  /** The review comment with this id on the pull request, or null. */
  synchronized ObjectNode comment(String key, long commentId) {
    Pull pull = pulls.get(key);
    if (pull == null) {
      return null;
    }
    return pull.commentNodes.stream()
        .filter(c -> c.path("id").asLong() == commentId)
        .findFirst()
        .orElse(null);
  }

  /**
   * Records a reply to a review comment, as GitHub does ({@code POST
   * .../pulls/{n}/comments/{id}/replies}): on the same path and line, with {@code in_reply_to_id}
   * the thread's first comment (a reply to a reply joins the same thread). Null when there is no
   * such comment.
   */
  synchronized ObjectNode reply(String key, long commentId, String login, String body) {
    ObjectNode parent = comment(key, commentId);
    if (parent == null) {
      return null;
    }
    long top =
        parent.hasNonNull("in_reply_to_id") ? parent.get("in_reply_to_id").asLong() : commentId;
    long id = commentIds.incrementAndGet();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    ObjectNode node = parent.deepCopy();
    String url = node.path("url").asText().replaceAll("/[0-9]+$", "/" + id);
    String web = node.path("html_url").asText().replaceAll("#discussion_r[0-9]+$", "");
    node.put("id", id);
    node.put("node_id", GitHubJson.nodeId("024:PullRequestReviewComment", id));
    node.put("url", url);
    node.put("html_url", web + "#discussion_r" + id);
    node.put("in_reply_to_id", top);
    node.set("user", json.user(login));
    node.put("body", body);
    node.put("created_at", now.toString());
    node.put("updated_at", now.toString());
    ObjectNode links = node.putObject("_links");
    links.putObject("self").put("href", url);
    links.putObject("html").put("href", web + "#discussion_r" + id);
    links.putObject("pull_request").put("href", node.path("pull_request_url").asText());
    pulls.get(key).commentNodes.add(node);
    return node;
  }

  /** The registered pull requests' keys ({@code owner/repo#n}). */
  synchronized List<String> keys() {
    return List.copyOf(pulls.keySet());
  }

  // ---------------------------------------------------------------- validation

  private record Resolved(
      String path,
      int line,
      Integer startLine,
      String side,
      String body,
      int position,
      String diffHunk) {}

  /** A comment placed on the diff, or why GitHub would refuse it. */
  private record Resolution(Resolved comment, String error) {

    static Resolution ok(Resolved comment) {
      return new Resolution(comment, null);
    }

    static Resolution refused(String error) {
      return new Resolution(null, error);
    }
  }

  private static Resolution resolve(Pull pull, JsonNode comment) {
    String path = text(comment, "path");
    String body = text(comment, "body");
    if (path == null || body == null) {
      return Resolution.refused(
          "Invalid request.\n\n\"path\" and \"body\" are required for every comment.");
    }
    if (body.length() > MAX_BODY) {
      return Resolution.refused("Body is too long (maximum is " + MAX_BODY + " characters)");
    }
    PatchIndex patch = pull.files.get(path);
    if (patch == null) {
      return Resolution.refused("Path could not be resolved");
    }
    if (!comment.hasNonNull("line")) {
      if (comment.hasNonNull("position")) {
        Optional<PatchIndex.Entry> at = patch.position(comment.get("position").asInt());
        if (at.isEmpty()) {
          return Resolution.refused("Position could not be resolved");
        }
        PatchIndex.Entry e = at.get();
        boolean right = e.onRight();
        return Resolution.ok(
            new Resolved(
                path,
                right ? e.newLine() : e.oldLine(),
                null,
                right ? "RIGHT" : "LEFT",
                body,
                e.position(),
                patch.diffHunk(e)));
      }
      return Resolution.refused("Line could not be resolved");
    }
    String side = Optional.ofNullable(text(comment, "side")).orElse("RIGHT");
    if (!side.equals("RIGHT") && !side.equals("LEFT")) {
      return Resolution.refused(
          "Invalid request.\n\n" + side + " is not a member of [\"LEFT\", \"RIGHT\"].");
    }
    int line = comment.get("line").asInt();
    Optional<PatchIndex.Entry> end = patch.line(side, line);
    if (end.isEmpty()) {
      return Resolution.refused("Line could not be resolved");
    }
    Integer startLine = comment.hasNonNull("start_line") ? comment.get("start_line").asInt() : null;
    if (startLine != null) {
      if (startLine >= line) {
        return Resolution.refused(
            "pull_request_review_thread.start_line must precede the end line.");
      }
      String startSide = Optional.ofNullable(text(comment, "start_side")).orElse(side);
      Optional<PatchIndex.Entry> start = patch.line(startSide, startLine);
      if (start.isEmpty() || start.get().hunk() != end.get().hunk()) {
        return Resolution.refused(
            "pull_request_review_thread.start_line must be part of the same hunk as the line.");
      }
    }
    return Resolution.ok(
        new Resolved(
            path, line, startLine, side, body, end.get().position(), patch.diffHunk(end.get())));
  }

  private static Answer unprocessable(List<String> errors) {
    ObjectNode node = GitHubJson.MAPPER.createObjectNode();
    node.put("message", "Unprocessable Entity");
    ArrayNode list = node.putArray("errors");
    errors.forEach(list::add);
    node.put("documentation_url", CREATE_DOCS);
    node.put("status", "422");
    return new Answer(422, GitHubJson.write(node));
  }

  // ---------------------------------------------------------------- GitHub's JSON

  private ObjectNode recordReview(
      Pull pull,
      String login,
      String commitId,
      String state,
      String body,
      List<Resolved> comments) {
    long id = reviewIds.incrementAndGet();
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String web = GitHubJson.WEB + "/" + pull.owner + "/" + pull.repo + "/pull/" + pull.number;
    String pullApi = api + "/repos/" + pull.owner + "/" + pull.repo + "/pulls/" + pull.number;
    ObjectNode review = GitHubJson.MAPPER.createObjectNode();
    review.put("id", id);
    review.put("node_id", GitHubJson.nodeId("017:PullRequestReview", id));
    review.set("user", json.user(login));
    review.put("body", body);
    review.put("state", state);
    review.put("html_url", web + "#pullrequestreview-" + id);
    review.put("pull_request_url", pullApi);
    review.put("author_association", "NONE");
    ObjectNode links = review.putObject("_links");
    links.putObject("html").put("href", web + "#pullrequestreview-" + id);
    links.putObject("pull_request").put("href", pullApi);
    if (!state.equals("PENDING")) {
      review.put("submitted_at", now.toString());
    }
    review.put("commit_id", commitId);
    pull.reviewNodes.add(review);

    List<PostedComment> posted = new ArrayList<>();
    for (Resolved c : comments) {
      long commentId = commentIds.incrementAndGet();
      ObjectNode node = GitHubJson.MAPPER.createObjectNode();
      String url = api + "/repos/" + pull.owner + "/" + pull.repo + "/pulls/comments/" + commentId;
      node.put("url", url);
      node.put("pull_request_review_id", id);
      node.put("id", commentId);
      node.put("node_id", GitHubJson.nodeId("024:PullRequestReviewComment", commentId));
      node.put("diff_hunk", c.diffHunk());
      node.put("path", c.path());
      node.put("position", c.position());
      node.put("original_position", c.position());
      node.put("commit_id", commitId);
      node.put("original_commit_id", commitId);
      node.set("user", json.user(login));
      node.put("body", c.body());
      node.put("created_at", now.toString());
      node.put("updated_at", now.toString());
      node.put("html_url", web + "#discussion_r" + commentId);
      node.put("pull_request_url", pullApi);
      node.put("author_association", "NONE");
      ObjectNode commentLinks = node.putObject("_links");
      commentLinks.putObject("self").put("href", url);
      commentLinks.putObject("html").put("href", web + "#discussion_r" + commentId);
      commentLinks.putObject("pull_request").put("href", pullApi);
      if (c.startLine() == null) {
        node.putNull("start_line");
        node.putNull("original_start_line");
        node.putNull("start_side");
      } else {
        node.put("start_line", c.startLine());
        node.put("original_start_line", c.startLine());
        node.put("start_side", c.side());
      }
      node.put("line", c.line());
      node.put("original_line", c.line());
      node.put("side", c.side());
      node.put("subject_type", "line");
      pull.commentNodes.add(node);
      posted.add(
          new PostedComment(commentId, id, c.path(), c.line(), c.startLine(), c.side(), c.body()));
    }
    pull.posted.add(
        new PostedReview(
            id, login, commitId, state, body, state.equals("PENDING") ? null : now, posted));
    return review;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  static String key(String ownerRepo, int number) {
    return ownerRepo + "#" + number;
  }
}
