package dev.attentive.testkit.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pull requests and their files, per registered {@link PullRequestFixture}: {@code GET
 * /repos/{o}/{r}}, {@code GET /repos/{o}/{r}/pulls/{n}} and {@code GET
 * /repos/{o}/{r}/pulls/{n}/files} (paginated, at most {@link #MAX_LISTED_FILES} files ever listed).
 * Registering also hands the listed files' patches to the reviews, which validate comments against
 * them.
 */
final class PullsEndpoints {

  /** GitHub lists at most this many files of a pull request; the rest are never returned. */
  static final int MAX_LISTED_FILES = 3000;

  private static final Pattern FILES_PATH =
      Pattern.compile("/repos/([^/]+)/([^/]+)/pulls/([0-9]+)/files");

  private final Stubs stubs;
  private final ReviewsEndpoints reviews;
  private final Map<String, PullRequestFixture> pulls = new ConcurrentHashMap<>();

  /** "owner/repo#n" → the (capped) files list as served. */
  private final Map<String, List<ObjectNode>> fileLists = new ConcurrentHashMap<>();

  PullsEndpoints(Stubs stubs, ReviewsEndpoints reviews) {
    this.stubs = stubs;
    this.reviews = reviews;
  }

  void install() {
    stubs.serve(
        "GET",
        FILES_PATH.pattern(),
        request -> {
          Matcher m = FILES_PATH.matcher(request.path());
          List<ObjectNode> files =
              m.matches()
                  ? fileLists.get(
                      Stubs.key(m.group(1) + "/" + m.group(2), Integer.parseInt(m.group(3))))
                  : null;
          return files == null
              ? Stubs.notFound()
              : Pagination.page(request, files, stubs.baseUrl());
        });
  }

  /** The fixture for {@code owner/repo} #{@code number}: a new one, or the one already known. */
  PullRequestFixture pullRequest(String ownerRepo, int number) {
    String[] parts = Objects.requireNonNull(ownerRepo, "ownerRepo").split("/", -1);
    if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
      throw new IllegalArgumentException("expected owner/repo, got " + ownerRepo);
    }
    if (number < 1) {
      throw new IllegalArgumentException("pull request numbers start at 1");
    }
    return pulls.computeIfAbsent(
        Stubs.key(ownerRepo, number),
        k -> new PullRequestFixture(this, parts[0], parts[1], number));
  }

  /** Serves the fixture as it is now (again, if it was registered before). */
  void install(PullRequestFixture pr) {
    String owner = pr.owner();
    String repo = pr.repo();
    ObjectNode repoNode;
    ObjectNode pullNode;
    List<ObjectNode> files = new ArrayList<>();
    List<PullRequestFixture.FileChange> listed = new ArrayList<>();
    GitHubJson json = stubs.json();
    synchronized (pr) {
      repoNode = json.repository(owner, repo, "main");
      pullNode = json.pullRequest(pr, repoNode);
      for (PullRequestFixture.FileChange change : pr.files()) {
        if (files.size() == MAX_LISTED_FILES) {
          break;
        }
        files.add(json.file(owner, repo, pr.headSha(), change));
        listed.add(change);
      }
      reviews.register(pr, listed);
    }
    String key = Stubs.key(pr.ownerRepo(), pr.number());
    pulls.put(key, pr);
    fileLists.put(key, List.copyOf(files));
    String repoPath = "/repos/" + owner + "/" + repo;
    stubs.upsert(
        get(urlPathEqualTo(repoPath))
            .withId(Stubs.stubId("repo:" + pr.ownerRepo()))
            .willReturn(Stubs.response(200, GitHubJson.write(repoNode))));
    stubs.upsert(
        get(urlPathEqualTo(repoPath + "/pulls/" + pr.number()))
            .withId(Stubs.stubId("pull:" + key))
            .willReturn(Stubs.response(200, GitHubJson.write(pullNode))));
  }

  void reset() {
    pulls.clear();
    fileLists.clear();
  }
}
