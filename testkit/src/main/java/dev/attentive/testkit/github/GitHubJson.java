package dev.attentive.testkit.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Builds GitHub's REST JSON objects from the templates under {@code /github/*.json} (the shapes are
 * taken from real GitHub payloads). Template string values carry {@code %NAME%} placeholders that
 * are replaced value by value after parsing; numbers and user-supplied strings are set with Jackson
 * afterwards, so nothing is concatenated into JSON text.
 */
final class GitHubJson {

  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String WEB = "https://github.com";
  static final String DOCS = "https://docs.github.com/rest";

  private static final Map<String, ObjectNode> TEMPLATES = new ConcurrentHashMap<>();

  private final String api;

  GitHubJson(String apiBaseUrl) {
    this.api = apiBaseUrl;
  }

  // ---------------------------------------------------------------- objects

  /**
   * The "simple user" object GitHub embeds everywhere ({@code user}, {@code owner}, {@code
   * sender}).
   */
  ObjectNode user(String login) {
    long id = id("user", login);
    ObjectNode user =
        fill(
            template("user"),
            Map.of(
                "%API%",
                api,
                "%WEB%",
                WEB,
                "%LOGIN%",
                login,
                "%USER_ID%",
                Long.toString(id),
                "%NODE_ID%",
                nodeId("04:User", id)));
    user.put("login", login);
    user.put("id", id);
    return user;
  }

  /** {@code GET /user}: the simple user plus the private-profile fields. */
  ObjectNode authenticatedUser(String login) {
    ObjectNode user = user(login);
    user.setAll(template("authenticated_user_extra"));
    return user;
  }

  /** {@code GET /repos/{owner}/{repo}} (also embedded as {@code head.repo} / {@code base.repo}). */
  ObjectNode repository(String owner, String name, String defaultBranch) {
    long id = id("repo", owner + "/" + name);
    ObjectNode repo =
        fill(
            template("repository"),
            Map.of(
                "%API%",
                api,
                "%WEB%",
                WEB,
                "%WEB_HOST%",
                URI.create(WEB).getHost(),
                "%OWNER%",
                owner,
                "%REPO%",
                name,
                "%NODE_ID%",
                nodeId("010:Repository", id),
                "%DEFAULT_BRANCH%",
                defaultBranch));
    repo.put("id", id);
    repo.put("name", name);
    repo.put("full_name", owner + "/" + name);
    repo.set("owner", user(owner));
    repo.put("default_branch", defaultBranch);
    return repo;
  }

  ObjectNode pullRequest(PullRequestFixture pr, ObjectNode repo) {
    String owner = pr.owner();
    long id = id("pull", pr.ownerRepo() + "#" + pr.number());
    ObjectNode node =
        fill(
            template("pull_request"),
            Map.of(
                "%API%",
                api,
                "%WEB%",
                WEB,
                "%OWNER%",
                owner,
                "%REPO%",
                pr.repo(),
                "%NUMBER%",
                Integer.toString(pr.number()),
                "%HEAD_SHA%",
                pr.headSha(),
                "%NODE_ID%",
                nodeId("011:PullRequest", id)));
    node.put("id", id);
    node.put("number", pr.number());
    node.put("title", pr.title());
    if (pr.body() == null) {
      node.putNull("body");
    } else {
      node.put("body", pr.body());
    }
    node.set("user", user(owner));
    node.put("draft", pr.draft());
    side((ObjectNode) node.get("head"), owner, pr.headRef(), pr.headSha(), repo);
    side((ObjectNode) node.get("base"), owner, pr.baseRef(), pr.baseSha(), repo);
    List<PullRequestFixture.FileChange> files = pr.files();
    node.put("commits", pr.commits());
    node.put("additions", files.stream().mapToInt(PullRequestFixture.FileChange::additions).sum());
    node.put("deletions", files.stream().mapToInt(PullRequestFixture.FileChange::deletions).sum());
    node.put("changed_files", files.size());
    return node;
  }

  private void side(ObjectNode side, String owner, String ref, String sha, ObjectNode repo) {
    side.put("label", owner + ":" + ref);
    side.put("ref", ref);
    side.put("sha", sha);
    side.set("user", user(owner));
    side.set("repo", repo.deepCopy());
  }

  /** One element of {@code GET /repos/{o}/{r}/pulls/{n}/files}, in GitHub's field order. */
  ObjectNode file(String owner, String repo, String headSha, PullRequestFixture.FileChange change) {
    ObjectNode f = MAPPER.createObjectNode();
    String path = encodePath(change.filename());
    f.put("sha", sha1Hex("blob:" + headSha + ":" + change.filename()));
    f.put("filename", change.filename());
    f.put("status", change.status());
    f.put("additions", change.additions());
    f.put("deletions", change.deletions());
    f.put("changes", change.additions() + change.deletions());
    f.put("blob_url", WEB + "/" + owner + "/" + repo + "/blob/" + headSha + "/" + path);
    f.put("raw_url", WEB + "/" + owner + "/" + repo + "/raw/" + headSha + "/" + path);
    f.put(
        "contents_url",
        api + "/repos/" + owner + "/" + repo + "/contents/" + path + "?ref=" + headSha);
    if (change.patch() != null) {
      f.put("patch", change.patch());
    }
    if (change.previousFilename() != null) {
      f.put("previous_filename", change.previousFilename());
    }
    return f;
  }

  /**
   * {@code GET /rate_limit}: every resource at its limit except {@code core}/{@code rate}, which
   * report usage.
   */
  ObjectNode rateLimit(int limit, int used, long reset) {
    ObjectNode node = template("rate_limit");
    Iterator<Map.Entry<String, JsonNode>> resources = node.get("resources").fields();
    while (resources.hasNext()) {
      Map.Entry<String, JsonNode> resource = resources.next();
      ObjectNode r = (ObjectNode) resource.getValue();
      r.put("reset", reset);
      if (resource.getKey().equals("core")) {
        rate(r, limit, used);
      }
    }
    ObjectNode rate = (ObjectNode) node.get("rate");
    rate.put("reset", reset);
    rate(rate, limit, used);
    return node;
  }

  private static void rate(ObjectNode r, int limit, int used) {
    r.put("limit", limit);
    r.put("used", used);
    r.put("remaining", Math.max(0, limit - used));
  }

  static ObjectNode error(String message) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("message", message);
    node.put("documentation_url", DOCS);
    return node;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String writeArray(List<? extends JsonNode> nodes) {
    ArrayNode array = MAPPER.createArrayNode();
    array.addAll(nodes);
    return write(array);
  }

  // ---------------------------------------------------------------- helpers

  private static ObjectNode template(String name) {
    return TEMPLATES.computeIfAbsent(name, GitHubJson::load).deepCopy();
  }

  private static ObjectNode load(String name) {
    String resource = "/github/" + name + ".json";
    try (InputStream in = GitHubJson.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing template " + resource);
      }
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces {@code %NAME%} placeholders inside every string value of the tree (in place). */
  private static ObjectNode fill(ObjectNode node, Map<String, String> values) {
    fillNode(node, values);
    return node;
  }

  private static void fillNode(JsonNode node, Map<String, String> values) {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(substitute(field.getValue().textValue(), values)));
        } else {
          fillNode(field.getValue(), values);
        }
      }
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        if (array.get(i).isTextual()) {
          array.set(i, TextNode.valueOf(substitute(array.get(i).textValue(), values)));
        } else {
          fillNode(array.get(i), values);
        }
      }
    }
  }

  private static String substitute(String text, Map<String, String> values) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    String result = text;
    for (Map.Entry<String, String> value : values.entrySet()) {
      result = result.replace(value.getKey(), value.getValue());
    }
    return result;
  }

  /** A stable positive id for a name, in the range GitHub's ids live in. */
  static long id(String kind, String key) {
    byte[] digest = sha1((kind + ":" + key).getBytes(StandardCharsets.UTF_8));
    long value = 0;
    for (int i = 0; i < 4; i++) {
      value = (value << 8) | (digest[i] & 0xff);
    }
    return 10_000_000L + (value % 900_000_000L);
  }

  /**
   * Legacy (v1) global node id, e.g. {@code MDExOlB1bGxSZXF1ZXN0Mjc5MTQ3NDM3} =
   * base64("011:PullRequest279147437").
   */
  static String nodeId(String prefix, long id) {
    return Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.UTF_8));
  }

  static String sha1Hex(String text) {
    return HexFormat.of().formatHex(sha1(text.getBytes(StandardCharsets.UTF_8)));
  }

  private static byte[] sha1(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-1").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Percent-encodes each path segment the way GitHub writes file URLs ({@code a b/c.txt} → {@code
   * a%20b/c.txt}).
   */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder();
    boolean first = true;
    for (String segment : path.split("/", -1)) {
      if (!first) {
        out.append('/');
      }
      first = false;
      out.append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
    }
    return out.toString();
  }
}
