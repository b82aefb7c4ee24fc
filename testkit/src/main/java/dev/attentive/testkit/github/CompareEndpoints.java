package dev.attentive.testkit.github;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.attentive.events.EventJson;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GitHub's "compare two commits", {@code GET /repos/{o}/{r}/compare/{base}...{head}}, computed from
 * the commits registered here (a parent and the files' text at each) with java-diff-utils:
 *
 * <pre>{@code
 * gh.compare().commit("octo/repo", first, null, Map.of("A.java", "class A {}\n"));
 * gh.compare().commit("octo/repo", second, first, Map.of("A.java", "class A {\n}\n"));
 * }</pre>
 *
 * <p>Like GitHub: {@code status} is {@code identical}, {@code ahead} (base is an ancestor of head),
 * {@code behind} or {@code diverged} (a force-push), with {@code ahead_by}/{@code behind_by}, the
 * {@code merge_base_commit}, the commits from the merge base to head, and the files changed from
 * the merge base to head with their unified-diff {@code patch} (hunks only, 3 lines of context). A
 * commit not registered answers 404.
 */
public final class CompareEndpoints {

  private static final Pattern COMPARE =
      Pattern.compile("/repos/([^/]+)/([^/]+)/compare/([^/.]+)\\.\\.\\.([^/.]+)");

  /** One registered commit: its parent (null for a root) and path → text. */
  private record Snapshot(String sha, String parent, Map<String, String> files) {}

  private final Stubs stubs;

  /** owner/repo → sha → commit. */
  private final Map<String, Map<String, Snapshot>> commits = new ConcurrentHashMap<>();

  CompareEndpoints(Stubs stubs) {
    this.stubs = stubs;
  }

  /**
   * Registers a commit of {@code ownerRepo}: its sha, its parent (null for a root commit) and the
   * text of every file at it.
   */
  public CompareEndpoints commit(
      String ownerRepo, String sha, String parentSha, Map<String, String> files) {
    Objects.requireNonNull(sha, "sha");
    commits
        .computeIfAbsent(ownerRepo, k -> new ConcurrentHashMap<>())
        .put(sha, new Snapshot(sha, parentSha, Map.copyOf(files)));
    return this;
  }

  void install() {
    stubs.serve(
        "GET",
        COMPARE.pattern(),
        request -> {
          Matcher m = COMPARE.matcher(request.path());
          if (!m.matches()) {
            return Stubs.notFound();
          }
          String ownerRepo = m.group(1) + "/" + m.group(2);
          Map<String, Snapshot> repo = commits.getOrDefault(ownerRepo, Map.of());
          Snapshot base = repo.get(m.group(3));
          Snapshot head = repo.get(m.group(4));
          if (base == null || head == null) {
            return Stubs.notFound();
          }
          return EmulatedResponse.json(200, GitHubJson.write(answer(ownerRepo, repo, base, head)));
        });
  }

  void reset() {
    commits.clear();
  }

  private ObjectNode answer(
      String ownerRepo, Map<String, Snapshot> repo, Snapshot base, Snapshot head) {
    List<String> headLine = ancestry(repo, head.sha());
    List<String> baseLine = ancestry(repo, base.sha());
    Set<String> baseAncestors = new LinkedHashSet<>(baseLine);
    // The newest commit both descend from; the diff is taken from there, as git's three dots do.
    String mergeBase = headLine.stream().filter(baseAncestors::contains).findFirst().orElse(null);
    int aheadBy = mergeBase == null ? headLine.size() : headLine.indexOf(mergeBase);
    int behindBy = mergeBase == null ? baseLine.size() : baseLine.indexOf(mergeBase);
    String status =
        aheadBy == 0 && behindBy == 0
            ? "identical"
            : behindBy == 0 ? "ahead" : aheadBy == 0 ? "behind" : "diverged";
    Snapshot from = mergeBase == null ? null : repo.get(mergeBase);

    String api = stubs.baseUrl() + "/repos/" + ownerRepo;
    String web = "https://github.com/" + ownerRepo;
    String range = base.sha() + "..." + head.sha();
    ObjectNode json = EventJson.mapper().createObjectNode();
    json.put("url", api + "/compare/" + range);
    json.put("html_url", web + "/compare/" + range);
    json.put("permalink_url", web + "/compare/" + range);
    json.put("diff_url", web + "/compare/" + range + ".diff");
    json.put("patch_url", web + "/compare/" + range + ".patch");
    json.set("base_commit", commitJson(api, web, base));
    json.set(
        "merge_base_commit",
        commitJson(api, web, from == null ? new Snapshot(base.sha(), null, Map.of()) : from));
    json.put("status", status);
    json.put("ahead_by", aheadBy);
    json.put("behind_by", behindBy);
    json.put("total_commits", aheadBy);
    ArrayNode list = json.putArray("commits");
    for (int i = aheadBy - 1; i >= 0; i--) {
      list.add(commitJson(api, web, repo.get(headLine.get(i))));
    }
    ArrayNode files = json.putArray("files");
    Map<String, String> before = from == null ? Map.of() : from.files();
    for (String path : new TreeSet<>(union(before.keySet(), head.files().keySet()))) {
      String old = before.get(path);
      String now = head.files().get(path);
      if (Objects.equals(old, now)) {
        continue;
      }
      files.add(file(api, web, head.sha(), path, old, now));
    }
    return json;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  /** The commit and its ancestors, newest first. */
  private static List<String> ancestry(Map<String, Snapshot> repo, String sha) {
    List<String> line = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (Snapshot c = repo.get(sha); c != null && seen.add(c.sha()); c = repo.get(c.parent())) {
      line.add(c.sha());
      if (c.parent() == null) {
        break;
      }
    }
    return line;
  }

  private static ObjectNode commitJson(String api, String web, Snapshot c) {
    ObjectNode json = EventJson.mapper().createObjectNode();
    json.put("sha", c.sha());
    json.put("node_id", GitHubJson.nodeId("C_", GitHubJson.id("commit", c.sha())));
    json.put("url", api + "/commits/" + c.sha());
    json.put("html_url", web + "/commit/" + c.sha());
    ObjectNode commit = json.putObject("commit");
    commit.put("message", "commit " + c.sha().substring(0, Math.min(7, c.sha().length())));
    commit.put("url", api + "/git/commits/" + c.sha());
    ArrayNode parents = json.putArray("parents");
    if (c.parent() != null) {
      parents.addObject().put("sha", c.parent()).put("url", api + "/commits/" + c.parent());
    }
    return json;
  }

  private static ObjectNode file(
      String api, String web, String headSha, String path, String old, String now) {
    List<String> oldLines = lines(old);
    List<String> newLines = lines(now);
    List<String> unified =
        UnifiedDiffUtils.generateUnifiedDiff(
            "a/" + path, "b/" + path, oldLines, DiffUtils.diff(oldLines, newLines), 3);
    // GitHub's patch is the hunks only, without the ---/+++ header.
    List<String> hunks = unified.size() > 2 ? unified.subList(2, unified.size()) : List.of();
    int additions = 0;
    int deletions = 0;
    for (String line : hunks) {
      if (line.startsWith("+")) {
        additions++;
      } else if (line.startsWith("-")) {
        deletions++;
      }
    }
    ObjectNode f = EventJson.mapper().createObjectNode();
    String status = old == null ? "added" : now == null ? "removed" : "modified";
    f.put("sha", now == null ? null : GitHubJson.sha1Hex("blob:" + now));
    f.put("filename", path);
    f.put("status", status);
    f.put("additions", additions);
    f.put("deletions", deletions);
    f.put("changes", additions + deletions);
    String encoded = GitHubJson.encodePath(path);
    f.put("blob_url", web + "/blob/" + headSha + "/" + encoded);
    f.put("raw_url", web + "/raw/" + headSha + "/" + encoded);
    f.put("contents_url", api + "/contents/" + encoded + "?ref=" + headSha);
    if (!hunks.isEmpty()) {
      f.put("patch", String.join("\n", hunks));
    }
    return f;
  }

  private static List<String> lines(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    return List.of(body.split("\n", -1));
  }
}
