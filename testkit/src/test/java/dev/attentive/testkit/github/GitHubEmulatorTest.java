package dev.attentive.testkit.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHRateLimit;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;

class GitHubEmulatorTest {

  private static final String HEAD = "ec26c3e57ca3a959ca5aad62de7213c562f8c821";
  private static final String BASE = "f95f852bd8fca8fcc58a9a2d6c842781e32a215e";
  private static final String PATCH =
      "@@ -1,2 +1,3 @@\n-old line\n+new line\n+another line\n context";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static GitHubEmulator emulator;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void startEmulator() {
    emulator = GitHubEmulator.start();
  }

  @AfterAll
  static void stopEmulator() {
    emulator.close();
  }

  @BeforeEach
  void resetEmulator() {
    emulator.reset();
  }

  private static GitHub client(String token) throws IOException {
    return new GitHubBuilder().withEndpoint(emulator.baseUrl()).withOAuthToken(token).build();
  }

  private HttpResponse<String> rawGet(String pathAndQuery, String token) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(emulator.baseUrl() + pathAndQuery)).GET();
    if (token != null) {
      request.header("Authorization", "token " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static List<String> names(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> String.format("src/main/File%04d.java", i))
        .toList();
  }

  @Test
  void baseUrlIsLoopbackWithTheBoundPort() {
    assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
    assertThat(emulator.port()).isPositive();
  }

  @Test
  void kohsukeReadsRepositoryAndPullRequest() throws Exception {
    emulator
        .pullRequest("octo/widgets", 7)
        .head(HEAD)
        .base(BASE)
        .headRef("feature/widgets")
        .title("Add widgets")
        .body("Adds the widgets.")
        .draft(true)
        .commits(3)
        .file("src/Widget.java", "modified", PATCH)
        .file("README.md", "added", "@@ -0,0 +1,2 @@\n+# Widgets\n+hello")
        .register();

    GitHub github = client("t0ken");
    // GitHubBuilder.withOAuthToken(token).build() looks the login up eagerly
    assertThat(emulator.requestCount("GET", "/user")).isEqualTo(1);
    GHRepository repo = github.getRepository("octo/widgets");
    assertThat(repo.getFullName()).isEqualTo("octo/widgets");
    assertThat(repo.getName()).isEqualTo("widgets");
    assertThat(repo.getOwnerName()).isEqualTo("octo");
    assertThat(repo.getDefaultBranch()).isEqualTo("main");
    assertThat(repo.getId()).isEqualTo(GitHubJson.id("repo", "octo/widgets"));
    assertThat(repo.getUrl().toString()).isEqualTo(emulator.baseUrl() + "/repos/octo/widgets");
    assertThat(repo.getHtmlUrl().toString()).isEqualTo("https://github.com/octo/widgets");

    GHPullRequest pr = repo.getPullRequest(7);
    assertThat(pr.getNumber()).isEqualTo(7);
    assertThat(pr.getTitle()).isEqualTo("Add widgets");
    assertThat(pr.getBody()).isEqualTo("Adds the widgets.");
    assertThat(pr.isDraft()).isTrue();
    assertThat(pr.getState()).isEqualTo(GHIssueState.OPEN);
    assertThat(pr.getHead().getSha()).isEqualTo(HEAD);
    assertThat(pr.getHead().getRef()).isEqualTo("feature/widgets");
    assertThat(pr.getHead().getLabel()).isEqualTo("octo:feature/widgets");
    assertThat(pr.getHead().getRepository().getFullName()).isEqualTo("octo/widgets");
    assertThat(pr.getBase().getSha()).isEqualTo(BASE);
    assertThat(pr.getBase().getRef()).isEqualTo("main");
    assertThat(pr.getUser().getLogin()).isEqualTo("octo");
    assertThat(pr.getChangedFiles()).isEqualTo(2);
    assertThat(pr.getAdditions()).isEqualTo(4);
    assertThat(pr.getDeletions()).isEqualTo(1);
    assertThat(pr.getCommits()).isEqualTo(3);
    assertThat(pr.getHtmlUrl().toString()).isEqualTo("https://github.com/octo/widgets/pull/7");
    assertThat(pr.getDiffUrl().toString()).isEqualTo("https://github.com/octo/widgets/pull/7.diff");
    assertThat(pr.getUrl().toString())
        .isEqualTo(emulator.baseUrl() + "/repos/octo/widgets/pulls/7");

    assertThat(emulator.requestCount("GET", "/repos/octo/widgets")).isEqualTo(1);
    assertThat(emulator.requestCount("GET", "/repos/octo/widgets/pulls/7")).isEqualTo(1);
    RecordedRequest prRequest = emulator.requests("GET", "/repos/octo/widgets/pulls/7").get(0);
    assertThat(prRequest.method()).isEqualTo("GET");
    assertThat(prRequest.url()).isEqualTo("/repos/octo/widgets/pulls/7");
    assertThat(prRequest.header("authorization")).isEqualTo("token t0ken");
    assertThat(prRequest.body()).isEmpty();
  }

  @Test
  void fileObjectsHaveGitHubsFields() throws Exception {
    emulator
        .pullRequest("octo/widgets", 3)
        .head(HEAD)
        .file("src/My Widget.java", "modified", PATCH)
        .binaryFile("img/logo.png")
        .renamedFile("src/New.java", "src/Old.java", "@@ -3 +3 @@\n-a\n+b")
        .renamedFile("docs/moved.md", "docs/original.md", null)
        .file("gone.txt", "removed", "@@ -1,2 +0,0 @@\n-x\n-y")
        .register();

    List<GHPullRequestFileDetail> files =
        client("t").getRepository("octo/widgets").getPullRequest(3).listFiles().toList();
    assertThat(files)
        .extracting(GHPullRequestFileDetail::getFilename)
        .containsExactly(
            "src/My Widget.java", "img/logo.png", "src/New.java", "docs/moved.md", "gone.txt");

    GHPullRequestFileDetail modified = files.get(0);
    assertThat(modified.getStatus()).isEqualTo("modified");
    assertThat(modified.getAdditions()).isEqualTo(2);
    assertThat(modified.getDeletions()).isEqualTo(1);
    assertThat(modified.getChanges()).isEqualTo(3);
    assertThat(modified.getPatch()).isEqualTo(PATCH);
    assertThat(modified.getPreviousFilename()).isNull();
    assertThat(modified.getSha()).hasSize(40).matches("[0-9a-f]{40}");
    assertThat(modified.getBlobUrl().toString())
        .isEqualTo("https://github.com/octo/widgets/blob/" + HEAD + "/src/My%20Widget.java");
    assertThat(modified.getRawUrl().toString())
        .isEqualTo("https://github.com/octo/widgets/raw/" + HEAD + "/src/My%20Widget.java");
    assertThat(modified.getContentsUrl().toString())
        .isEqualTo(
            emulator.baseUrl() + "/repos/octo/widgets/contents/src/My%20Widget.java?ref=" + HEAD);

    GHPullRequestFileDetail binary = files.get(1);
    assertThat(binary.getStatus()).isEqualTo("added");
    assertThat(binary.getPatch()).isNull();
    assertThat(binary.getAdditions()).isZero();
    assertThat(binary.getDeletions()).isZero();
    assertThat(binary.getChanges()).isZero();

    GHPullRequestFileDetail renamed = files.get(2);
    assertThat(renamed.getStatus()).isEqualTo("renamed");
    assertThat(renamed.getPreviousFilename()).isEqualTo("src/Old.java");
    assertThat(renamed.getPatch()).isEqualTo("@@ -3 +3 @@\n-a\n+b");
    assertThat(renamed.getChanges()).isEqualTo(2);

    assertThat(files.get(3).getPreviousFilename()).isEqualTo("docs/original.md");
    assertThat(files.get(3).getPatch()).isNull();
    assertThat(files.get(3).getChanges()).isZero();

    assertThat(files.get(4).getStatus()).isEqualTo("removed");
    assertThat(files.get(4).getDeletions()).isEqualTo(2);
    assertThat(files.get(4).getAdditions()).isZero();

    // the raw JSON: patch is absent (not null) for the binary, previous_filename only on renames
    JsonNode raw = MAPPER.readTree(rawGet("/repos/octo/widgets/pulls/3/files", null).body());
    assertThat(raw.get(0).has("previous_filename")).isFalse();
    assertThat(raw.get(1).has("patch")).isFalse();
    assertThat(raw.get(2).get("previous_filename").asText()).isEqualTo("src/Old.java");
    assertThat(raw.get(0).fieldNames())
        .toIterable()
        .containsExactly(
            "sha",
            "filename",
            "status",
            "additions",
            "deletions",
            "changes",
            "blob_url",
            "raw_url",
            "contents_url",
            "patch");
  }

  @Test
  void listFilesFollowsLinkHeaderAcrossPages() throws Exception {
    List<String> names = names(250);
    PullRequestFixture fixture = emulator.pullRequest("octo/big", 12).head(HEAD);
    names.forEach(name -> fixture.file(name, "modified", PATCH));
    fixture.register();

    GHPullRequest pr = client("t").getRepository("octo/big").getPullRequest(12);
    List<GHPullRequestFileDetail> files = pr.listFiles().withPageSize(100).toList();

    assertThat(files)
        .extracting(GHPullRequestFileDetail::getFilename)
        .containsExactlyElementsOf(names);
    List<RecordedRequest> pages = emulator.requests("GET", "/repos/octo/big/pulls/12/files");
    assertThat(pages).hasSize(3);
    assertThat(pages)
        .extracting(r -> r.queryParam("per_page"))
        .containsExactly("100", "100", "100");
    assertThat(pages).extracting(r -> r.queryParam("page")).containsExactly(null, "2", "3");
    assertThat(emulator.requestCount("GET", "/repos/octo/big/pulls/12/files")).isEqualTo(3);

    // without a page size kohsuke sends no per_page, so GitHub's default of 30 applies: ceil(250 /
    // 30) = 9 pages
    assertThat(pr.listFiles().toList())
        .extracting(GHPullRequestFileDetail::getFilename)
        .containsExactlyElementsOf(names);
    assertThat(emulator.requestCount("GET", "/repos/octo/big/pulls/12/files")).isEqualTo(3 + 9);
  }

  @Test
  void paginationHeadersAndLimitsMatchGitHub() throws Exception {
    PullRequestFixture fixture = emulator.pullRequest("octo/big", 5);
    names(250).forEach(name -> fixture.file(name, "added", "@@ -0,0 +1 @@\n+x"));
    fixture.register();
    String files = emulator.baseUrl() + "/repos/octo/big/pulls/5/files";

    HttpResponse<String> first = rawGet("/repos/octo/big/pulls/5/files?per_page=100", null);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(first.body()).size()).isEqualTo(100);
    assertThat(first.headers().firstValue("Link"))
        .hasValue(
            "<"
                + files
                + "?per_page=100&page=2>; rel=\"next\", <"
                + files
                + "?per_page=100&page=3>; rel=\"last\"");

    HttpResponse<String> middle = rawGet("/repos/octo/big/pulls/5/files?per_page=100&page=2", null);
    assertThat(MAPPER.readTree(middle.body()).get(0).get("filename").asText())
        .isEqualTo("src/main/File0100.java");
    assertThat(middle.headers().firstValue("Link"))
        .hasValue(
            "<"
                + files
                + "?per_page=100&page=1>; rel=\"prev\", "
                + "<"
                + files
                + "?per_page=100&page=3>; rel=\"next\", "
                + "<"
                + files
                + "?per_page=100&page=3>; rel=\"last\", "
                + "<"
                + files
                + "?per_page=100&page=1>; rel=\"first\"");

    HttpResponse<String> last = rawGet("/repos/octo/big/pulls/5/files?per_page=100&page=3", null);
    assertThat(MAPPER.readTree(last.body()).size()).isEqualTo(50);
    assertThat(last.headers().firstValue("Link"))
        .hasValue(
            "<"
                + files
                + "?per_page=100&page=2>; rel=\"prev\", <"
                + files
                + "?per_page=100&page=1>; rel=\"first\"");

    HttpResponse<String> defaults = rawGet("/repos/octo/big/pulls/5/files", null);
    assertThat(MAPPER.readTree(defaults.body()).size()).isEqualTo(30);
    assertThat(defaults.headers().firstValue("Link"))
        .hasValue("<" + files + "?page=2>; rel=\"next\", <" + files + "?page=9>; rel=\"last\"");

    HttpResponse<String> capped = rawGet("/repos/octo/big/pulls/5/files?per_page=500", null);
    assertThat(MAPPER.readTree(capped.body()).size()).isEqualTo(100);

    HttpResponse<String> beyond = rawGet("/repos/octo/big/pulls/5/files?per_page=100&page=4", null);
    assertThat(beyond.statusCode()).isEqualTo(200);
    assertThat(beyond.body()).isEqualTo("[]");

    // a single page carries no Link header
    emulator.pullRequest("octo/small", 1).file("a.txt", "added", "@@ -0,0 +1 @@\n+a").register();
    HttpResponse<String> single = rawGet("/repos/octo/small/pulls/1/files", null);
    assertThat(single.headers().firstValue("Link")).isEmpty();
    assertThat(MAPPER.readTree(single.body()).size()).isEqualTo(1);
  }

  @Test
  void filesListIsCappedAt3000() throws Exception {
    List<String> names = names(3005);
    PullRequestFixture fixture = emulator.pullRequest("octo/huge", 9).head(HEAD);
    names.forEach(name -> fixture.file(name, "added", "@@ -0,0 +1 @@\n+x"));
    fixture.register();

    GHPullRequest pr = client("t").getRepository("octo/huge").getPullRequest(9);
    assertThat(pr.getChangedFiles()).isEqualTo(3005);
    assertThat(pr.getAdditions()).isEqualTo(3005);
    List<GHPullRequestFileDetail> files = pr.listFiles().withPageSize(100).toList();
    assertThat(files).hasSize(3000);
    assertThat(files)
        .extracting(GHPullRequestFileDetail::getFilename)
        .containsExactlyElementsOf(names.subList(0, 3000));
    assertThat(emulator.requestCount("GET", "/repos/octo/huge/pulls/9/files")).isEqualTo(30);
  }

  @Test
  void reRegisteringReplacesTheServedState() throws Exception {
    PullRequestFixture fixture =
        emulator.pullRequest("octo/widgets", 4).head(HEAD).file("a.txt", "added", null);
    fixture.register();
    assertThat(emulator.pullRequest("octo/widgets", 4)).isSameAs(fixture);
    String newHead = "0123456789abcdef0123456789abcdef01234567";
    fixture.head(newHead).clearFiles().file("b.txt", "modified", "@@ -1 +1 @@\n-b\n+B").register();

    GHPullRequest pr = client("t").getRepository("octo/widgets").getPullRequest(4);
    assertThat(pr.getHead().getSha()).isEqualTo(newHead);
    assertThat(pr.listFiles().toList())
        .extracting(GHPullRequestFileDetail::getFilename)
        .containsExactly("b.txt");
  }

  @Test
  void requireTokenRejectsOtherCredentials() throws Exception {
    emulator.pullRequest("octo/widgets", 7).head(HEAD).register();
    emulator.requireToken("s3cret");

    assertThat(client("s3cret").getRepository("octo/widgets").getPullRequest(7).getHead().getSha())
        .isEqualTo(HEAD);

    // build() swallows the 401 of its GET /user; the first real call fails
    GitHub wrong = client("wrong");
    assertThat(emulator.requestCount("GET", "/user")).isEqualTo(2);
    assertThatThrownBy(() -> wrong.getRepository("octo/widgets"))
        .isInstanceOfSatisfying(
            HttpException.class,
            e -> {
              assertThat(e.getResponseCode()).isEqualTo(401);
              assertThat(e.getMessage()).contains("Bad credentials");
            });

    HttpResponse<String> anonymous = rawGet("/repos/octo/widgets", null);
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(MAPPER.readTree(anonymous.body()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\"}"));

    HttpResponse<String> bearer =
        http.send(
            HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/repos/octo/widgets"))
                .header("Authorization", "Bearer s3cret")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(bearer.statusCode()).isEqualTo(200);
    assertThat(rawGet("/repos/octo/widgets", "s3cret-but-longer").statusCode()).isEqualTo(401);

    emulator.requireToken(null);
    assertThat(rawGet("/repos/octo/widgets", null).statusCode()).isEqualTo(200);
  }

  @Test
  void failNextReturnsTheStatusThenRecovers() throws Exception {
    emulator.pullRequest("octo/widgets", 7).head(HEAD).register();
    emulator.failNext("GET", "/repos/octo/widgets/pulls/7", 502, 2);

    HttpResponse<String> firstTry = rawGet("/repos/octo/widgets/pulls/7", null);
    assertThat(firstTry.statusCode()).isEqualTo(502);
    assertThat(MAPPER.readTree(firstTry.body()).get("message").asText()).isEqualTo("Server Error");
    // other paths are not affected
    assertThat(rawGet("/repos/octo/widgets", null).statusCode()).isEqualTo(200);
    assertThat(rawGet("/repos/octo/widgets/pulls/7", null).statusCode()).isEqualTo(502);
    HttpResponse<String> third = rawGet("/repos/octo/widgets/pulls/7", null);
    assertThat(third.statusCode()).isEqualTo(200);
    assertThat(MAPPER.readTree(third.body()).get("head").get("sha").asText()).isEqualTo(HEAD);
    assertThat(rawGet("/repos/octo/widgets/pulls/7", null).statusCode()).isEqualTo(200);
    assertThat(emulator.requestCount("GET", "/repos/octo/widgets/pulls/7")).isEqualTo(4);
  }

  @Test
  void kohsukeSurfacesInjectedFailures() throws Exception {
    emulator.pullRequest("octo/widgets", 7).head(HEAD).register();
    GHRepository repo = client("t").getRepository("octo/widgets");
    emulator.failNext("GET", "/repos/octo/widgets/pulls/7", 502, 1);

    assertThatThrownBy(() -> repo.getPullRequest(7))
        .isInstanceOfSatisfying(
            HttpException.class, e -> assertThat(e.getResponseCode()).isEqualTo(502));
    assertThat(repo.getPullRequest(7).getHead().getSha()).isEqualTo(HEAD);
    assertThat(emulator.requestCount("GET", "/repos/octo/widgets/pulls/7")).isEqualTo(2);
  }

  @Test
  void userRateLimitAndNotFound() throws Exception {
    GitHub github = client("t");
    assertThat(github.getMyself().getLogin()).isEqualTo("octocat");
    emulator.authenticatedUser("attentive-bot");
    assertThat(client("t").getMyself().getLogin()).isEqualTo("attentive-bot");

    GHRateLimit rateLimit = github.getRateLimit();
    assertThat(rateLimit.getCore().getLimit()).isEqualTo(5000);
    assertThat(rateLimit.getSearch().getLimit()).isEqualTo(30);

    HttpResponse<String> missing = rawGet("/repos/nobody/nothing", null);
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(MAPPER.readTree(missing.body()))
        .isEqualTo(
            MAPPER.readTree(
                "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}"));
    assertThatThrownBy(() -> github.getRepository("nobody/nothing"))
        .isInstanceOf(org.kohsuke.github.GHFileNotFoundException.class);
  }

  @Test
  void responsesCarryGitHubHeaders() throws Exception {
    emulator.pullRequest("octo/widgets", 7).register();
    HttpResponse<String> first = rawGet("/repos/octo/widgets/pulls/7", null);
    HttpResponse<String> second = rawGet("/repos/octo/widgets", null);

    assertThat(first.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(first.headers().firstValue("X-GitHub-Media-Type"))
        .hasValue("github.v3; format=json");
    assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("5000");
    assertThat(first.headers().firstValue("X-RateLimit-Used")).hasValue("1");
    assertThat(first.headers().firstValue("X-RateLimit-Remaining")).hasValue("4999");
    assertThat(first.headers().firstValue("X-RateLimit-Resource")).hasValue("core");
    assertThat(first.headers().firstValue("Date"))
        .hasValueSatisfying(
            date ->
                assertThat(date)
                    .matches(
                        "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT"));
    assertThat(first.headers().firstValue("Matched-Stub-Id")).isEmpty();
    assertThat(second.headers().firstValue("X-RateLimit-Used")).hasValue("2");
    assertThat(second.headers().firstValue("X-RateLimit-Remaining")).hasValue("4998");
    long reset = Long.parseLong(first.headers().firstValue("X-RateLimit-Reset").orElseThrow());
    assertThat(reset)
        .isBetween(System.currentTimeMillis() / 1000, System.currentTimeMillis() / 1000 + 3600);

    HttpResponse<String> notFound = rawGet("/nope", null);
    assertThat(notFound.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(notFound.headers().firstValue("X-RateLimit-Used")).hasValue("3");

    JsonNode rate = MAPPER.readTree(rawGet("/rate_limit", null).body());
    assertThat(rate.get("rate").get("used").asInt()).isEqualTo(3);
    assertThat(rate.get("rate").get("remaining").asInt()).isEqualTo(4997);
    assertThat(rate.get("resources").get("core").get("reset").asLong()).isEqualTo(reset);
  }

  @Test
  void pullRequestJsonHasGitHubsShape() throws Exception {
    emulator
        .pullRequest("octo/widgets", 7)
        .head(HEAD)
        .base(BASE)
        .file("a.txt", "added", "@@ -0,0 +1 @@\n+a")
        .register();
    JsonNode pr = MAPPER.readTree(rawGet("/repos/octo/widgets/pulls/7", null).body());
    assertThat(pr.get("number").isInt()).isTrue();
    assertThat(pr.get("id").isNumber()).isTrue();
    assertThat(pr.get("node_id").asText())
        .isEqualTo(GitHubJson.nodeId("011:PullRequest", pr.get("id").asLong()));
    assertThat(pr.get("state").asText()).isEqualTo("open");
    assertThat(pr.get("draft").isBoolean()).isTrue();
    assertThat(pr.get("body").isNull()).isTrue();
    assertThat(pr.get("merged").asBoolean()).isFalse();
    assertThat(pr.get("mergeable").isNull()).isTrue();
    assertThat(pr.get("head").get("repo").get("full_name").asText()).isEqualTo("octo/widgets");
    assertThat(pr.get("base").get("label").asText()).isEqualTo("octo:main");
    assertThat(pr.get("statuses_url").asText())
        .isEqualTo(emulator.baseUrl() + "/repos/octo/widgets/statuses/" + HEAD);
    assertThat(pr.get("_links").get("self").get("href").asText())
        .isEqualTo(emulator.baseUrl() + "/repos/octo/widgets/pulls/7");
    assertThat(pr.get("changed_files").asInt()).isEqualTo(1);
    String text = pr.toString();
    assertThat(text).doesNotContain("%").doesNotContain("Codertocat");

    JsonNode repo = MAPPER.readTree(rawGet("/repos/octo/widgets", null).body());
    assertThat(repo.get("owner").get("login").asText()).isEqualTo("octo");
    assertThat(repo.get("private").isBoolean()).isTrue();
    assertThat(repo.get("permissions").get("pull").asBoolean()).isTrue();
    assertThat(repo.get("clone_url").asText()).isEqualTo("https://github.com/octo/widgets.git");
    assertThat(repo.toString()).doesNotContain("%").doesNotContain("Codertocat");
  }

  @Test
  void resetForgetsEverything() throws Exception {
    emulator.pullRequest("octo/widgets", 7).register();
    emulator.requireToken("x");
    assertThat(rawGet("/repos/octo/widgets", "x").statusCode()).isEqualTo(200);

    emulator.reset();
    assertThat(emulator.requestCount("ANY", "/.*")).isZero();
    assertThat(emulator.requiredToken()).isNull();
    assertThat(rawGet("/repos/octo/widgets", null).statusCode()).isEqualTo(404);
    assertThat(rawGet("/user", null).statusCode()).isEqualTo(200);
    assertThat(emulator.requests("ANY", "/.*"))
        .extracting(RecordedRequest::path)
        .containsExactly("/repos/octo/widgets", "/user");
  }

  @Test
  void rejectsInvalidFixtureInput() {
    assertThatThrownBy(() -> emulator.pullRequest("no-slash", 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.pullRequest("o/r", 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.pullRequest("o/r", 1).file("a", "edited", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> emulator.failNext("GET", "/x", 502, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
