package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pull request's conversation: {@code POST /repos/{o}/{r}/issues/{n}/comments} records a comment
 * by the authenticated user and answers GitHub's issue comment object; {@code GET} of the same path
 * lists them.
 */
final class IssueCommentsEndpoints {

  private final Stubs stubs;
  private final UsersEndpoints users;

  /** "owner/repo#n" → comments on the conversation, oldest first. */
  private final Map<String, List<PostedIssueComment>> comments = new ConcurrentHashMap<>();

  private final AtomicLong ids = new AtomicLong(900_000_000L);

  IssueCommentsEndpoints(Stubs stubs, UsersEndpoints users) {
    this.stubs = stubs;
    this.users = users;
  }

  void install() {
    stubs.serve("ANY", "/repos/[^/]+/[^/]+/issues/[0-9]+/comments", this::answer);
  }

  /** The comments posted on a pull request's conversation, oldest first. */
  List<PostedIssueComment> comments(String ownerRepo, int number) {
    List<PostedIssueComment> list = comments.get(Stubs.key(ownerRepo, number));
    if (list == null) {
      return List.of();
    }
    synchronized (list) {
      return List.copyOf(list);
    }
  }

  void reset() {
    comments.clear();
  }

  private EmulatedResponse answer(RecordedRequest request) {
    String[] parts = request.path().split("/");
    // /repos/{o}/{r}/issues/{n}/comments
    String ownerRepo = parts[2] + "/" + parts[3];
    int number = Integer.parseInt(parts[5]);
    if (request.method().equals("GET")) {
      ArrayNode list = GitHubJson.MAPPER.createArrayNode();
      comments(ownerRepo, number).forEach(c -> list.add(json(c)));
      return EmulatedResponse.json(200, GitHubJson.write(list));
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
    PostedIssueComment comment =
        new PostedIssueComment(
            ids.incrementAndGet(),
            ownerRepo,
            number,
            users.login(),
            text,
            Instant.now().truncatedTo(ChronoUnit.SECONDS));
    List<PostedIssueComment> list =
        comments.computeIfAbsent(Stubs.key(ownerRepo, number), k -> new ArrayList<>());
    synchronized (list) {
      list.add(comment);
    }
    return EmulatedResponse.json(201, GitHubJson.write(json(comment)));
  }

  private ObjectNode json(PostedIssueComment c) {
    String api = stubs.baseUrl() + "/repos/" + c.ownerRepo();
    ObjectNode node =
        GitHubJson.MAPPER
            .createObjectNode()
            .put("id", c.id())
            .put("node_id", "IC_" + c.id())
            .put("url", api + "/issues/comments/" + c.id())
            .put(
                "html_url",
                "https://github.com/"
                    + c.ownerRepo()
                    + "/pull/"
                    + c.number()
                    + "#issuecomment-"
                    + c.id())
            .put("issue_url", api + "/issues/" + c.number())
            .put("body", c.body())
            .put("author_association", "NONE")
            .put("created_at", c.createdAt().toString())
            .put("updated_at", c.createdAt().toString());
    node.set("user", stubs.json().user(c.author()));
    return node;
  }
}
