package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A repository's git data, per {@link RepositoryFixture}: {@code GET /repos/{o}/{r}} (with its
 * default branch), {@code GET /repos/{o}/{r}/branches/{branch}}, {@code GET
 * /repos/{o}/{r}/git/trees/{commit or tree sha}} (top level; {@code ?recursive=<any value>} lists
 * every directory and file, directories before their contents, with {@code truncated} as GitHub
 * sets it) and {@code GET /repos/{o}/{r}/git/blobs/{sha}} (base64 wrapped at 60 characters, as
 * GitHub sends it). Unknown branches, commits and blobs answer GitHub's 404.
 */
final class GitDataEndpoints {

  private static final Pattern BRANCH = Pattern.compile("/repos/([^/]+)/([^/]+)/branches/(.+)");
  private static final Pattern TREE = Pattern.compile("/repos/([^/]+)/([^/]+)/git/trees/([^/]+)");
  private static final Pattern BLOB = Pattern.compile("/repos/([^/]+)/([^/]+)/git/blobs/([^/]+)");

  private final Stubs stubs;
  private final Map<String, RepositoryFixture> repositories = new ConcurrentHashMap<>();

  /** "owner/repo" → commit or tree sha → commit. */
  private final Map<String, Map<String, RepositoryFixture.Commit>> commits =
      new ConcurrentHashMap<>();

  /** "owner/repo" → blob sha → bytes. */
  private final Map<String, Map<String, byte[]>> blobs = new ConcurrentHashMap<>();

  GitDataEndpoints(Stubs stubs) {
    this.stubs = stubs;
  }

  void install() {
    stubs.serve("GET", BRANCH.pattern(), this::branch);
    stubs.serve("GET", TREE.pattern(), this::tree);
    stubs.serve("GET", BLOB.pattern(), this::blob);
  }

  RepositoryFixture repository(String ownerRepo) {
    String[] parts = Objects.requireNonNull(ownerRepo, "ownerRepo").split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("expected owner/repo, got " + ownerRepo);
    }
    return repositories.computeIfAbsent(
        ownerRepo, k -> new RepositoryFixture(this, parts[0], parts[1]));
  }

  /** Serves the repository as it is now, and the commit when there is one. */
  void add(RepositoryFixture repo, RepositoryFixture.Commit commit) {
    String key = repo.ownerRepo();
    if (commit != null) {
      Map<String, RepositoryFixture.Commit> known =
          commits.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
      known.put(commit.sha(), commit);
      known.put(commit.treeSha(), commit);
      Map<String, byte[]> repoBlobs = blobs.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
      commit.files().values().forEach(b -> repoBlobs.put(RepositoryFixture.blobSha(b), b));
    }
    ObjectNode node = stubs.json().repository(repo.owner(), repo.name(), repo.defaultBranch());
    stubs.upsert(
        get(urlPathEqualTo("/repos/" + key))
            .withId(Stubs.stubId("repo:" + key))
            .willReturn(Stubs.response(200, GitHubJson.write(node))));
  }

  void reset() {
    repositories.clear();
    commits.clear();
    blobs.clear();
  }

  private EmulatedResponse branch(RecordedRequest request) {
    Matcher m = BRANCH.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    String key = m.group(1) + "/" + m.group(2);
    String branch = URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
    RepositoryFixture repo = repositories.get(key);
    String sha = repo == null ? null : repo.branch(branch);
    RepositoryFixture.Commit commit = sha == null ? null : commits.get(key).get(sha);
    if (commit == null) {
      return EmulatedResponse.json(404, GitHubJson.write(GitHubJson.error("Branch not found")));
    }
    String api = stubs.baseUrl() + "/repos/" + key;
    ObjectNode body = GitHubJson.MAPPER.createObjectNode().put("name", branch);
    ObjectNode head = body.putObject("commit");
    head.put("sha", sha)
        .put("node_id", "C_" + sha.substring(0, 20))
        .put("url", api + "/commits/" + sha)
        .put("html_url", GitHubJson.WEB + "/" + key + "/commit/" + sha)
        .put("comments_url", api + "/commits/" + sha + "/comments");
    ObjectNode inner = head.putObject("commit");
    for (String who : new String[] {"author", "committer"}) {
      inner
          .putObject(who)
          .put("name", "Octo Cat")
          .put("email", "octocat@example.com")
          .put("date", "2026-01-01T00:00:00Z");
    }
    inner.put("message", "Snapshot");
    inner
        .putObject("tree")
        .put("sha", commit.treeSha())
        .put("url", api + "/git/trees/" + commit.treeSha());
    inner.put("url", api + "/git/commits/" + sha).put("comment_count", 0);
    inner
        .putObject("verification")
        .put("verified", false)
        .put("reason", "unsigned")
        .putNull("signature")
        .putNull("payload")
        .putNull("verified_at");
    head.putNull("author").putNull("committer").putArray("parents");
    body.putObject("_links")
        .put("self", api + "/branches/" + m.group(3))
        .put("html", GitHubJson.WEB + "/" + key + "/tree/" + m.group(3));
    body.put("protected", false);
    ObjectNode protection = body.putObject("protection").put("enabled", false);
    ObjectNode checks =
        protection.putObject("required_status_checks").put("enforcement_level", "off");
    checks.putArray("contexts");
    checks.putArray("checks");
    body.put("protection_url", api + "/branches/" + m.group(3) + "/protection");
    return EmulatedResponse.json(200, GitHubJson.write(body));
  }

  private EmulatedResponse tree(RecordedRequest request) {
    Matcher m = TREE.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    String key = m.group(1) + "/" + m.group(2);
    RepositoryFixture repo = repositories.get(key);
    RepositoryFixture.Commit commit =
        commits.getOrDefault(key, Map.of()).get(m.group(3).toLowerCase(java.util.Locale.ROOT));
    if (repo == null || commit == null) {
      return Stubs.notFound();
    }
    boolean recursive = request.queryParam("recursive") != null;
    String api = stubs.baseUrl() + "/repos/" + key + "/git";
    ObjectNode body =
        GitHubJson.MAPPER
            .createObjectNode()
            .put("sha", commit.treeSha())
            .put("url", api + "/trees/" + commit.treeSha());
    ArrayNode entries = body.putArray("tree");
    TreeSet<String> directories = new TreeSet<>();
    commit
        .files()
        .keySet()
        .forEach(
            path -> {
              for (int i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
                directories.add(path.substring(0, i));
              }
            });
    TreeSet<String> paths = new TreeSet<>(commit.files().keySet());
    paths.addAll(directories);
    int limit = repo.treeLimit();
    boolean truncated = false;
    for (String path : paths) {
      if (!recursive && path.indexOf('/') >= 0) {
        continue;
      }
      if (entries.size() >= limit) {
        truncated = recursive;
        break;
      }
      ObjectNode entry = entries.addObject().put("path", path);
      if (directories.contains(path)) {
        String sha = RepositoryFixture.sha1(commit.treeSha() + ":" + path);
        entry
            .put("mode", "040000")
            .put("type", "tree")
            .put("sha", sha)
            .put("url", api + "/trees/" + sha);
      } else {
        byte[] bytes = commit.files().get(path);
        String sha = RepositoryFixture.blobSha(bytes);
        entry
            .put("mode", "100644")
            .put("type", "blob")
            .put("sha", sha)
            .put("size", bytes.length)
            .put("url", api + "/blobs/" + sha);
      }
    }
    body.put("truncated", truncated);
    return EmulatedResponse.json(200, GitHubJson.write(body));
  }

  private EmulatedResponse blob(RecordedRequest request) {
    Matcher m = BLOB.matcher(request.path());
    if (!m.matches()) {
      return Stubs.notFound();
    }
    String key = m.group(1) + "/" + m.group(2);
    String sha = m.group(3).toLowerCase(java.util.Locale.ROOT);
    byte[] bytes = blobs.getOrDefault(key, Map.of()).get(sha);
    if (bytes == null) {
      return Stubs.notFound();
    }
    String base64 =
        Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes)
            + "\n";
    ObjectNode body =
        GitHubJson.MAPPER
            .createObjectNode()
            .put("sha", sha)
            .put("node_id", "B_" + sha.substring(0, 20))
            .put("size", bytes.length)
            .put("url", stubs.baseUrl() + "/repos/" + key + "/git/blobs/" + sha)
            .put("content", base64)
            .put("encoding", "base64");
    return EmulatedResponse.json(200, GitHubJson.write(body));
  }
}
