package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PostedIssueComment;
import dev.attentive.testkit.github.RecordedRequest;
import dev.attentive.testkit.github.RepositoryContents;
import dev.attentive.testkit.github.RepositoryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end, the three services as their own JVMs on a real broker and the GitHub emulator: a
 * repository's {@code .attentive.yml} on its default branch, the conventions ingest learns from its
 * default branch (issue 12), and {@code /attentive} commands in PR comments.
 */
class SettingsAndCommandsEndToEndTest {

  static final String SECRET = "e2e-settings-secret";
  static final String PATH = "src/main/java/com/acme/widgets/Widget.java";
  static final String WIDGET =
      """
      package com.acme.widgets;

      import java.util.*;

      public class Widget {
        private final List<String> parts = new ArrayList<>();

        public int count(){ return parts.size(); }
      }
      """;
  static final Duration WAIT = Duration.ofSeconds(120);

  static Pipeline pipeline;

  @BeforeAll
  static void start() throws Exception {
    StackConfig config = StackConfig.fromEnvironment();
    Path work = Files.createTempDirectory("attentive-e2e-settings");
    pipeline =
        Pipeline.start(
            config.root(),
            work,
            SECRET,
            null,
            Pipeline.EMULATOR_TOKEN,
            0,
            Pipeline.SERVICES,
            ServiceProcess.QUICK_START);
  }

  @AfterAll
  static void stop() {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  @Test
  void aRepositoryThatLeavesOutStyleGetsNoStyleSuggestions() throws Exception {
    String repo = "acme/no-style";
    serve(repo, 1, "1".repeat(40));
    RepositoryContents.serve(
        pipeline.github(), repo, "main", ".attentive.yml", "version: 1\nanalyzers: [tests]\n");
    String delivery = UUID.randomUUID().toString();

    assertThat(
            pipeline.deliver("pull_request", delivery, push(repo, 1, "1".repeat(40))).statusCode())
        .isEqualTo(202);

    Review review = reviewOf(delivery);
    assertThat(review.settings().analyzers()).containsExactly("tests");
    assertThat(review.suggestions()).noneMatch(s -> s.kind() == Suggestion.Kind.STYLE);
    assertThat(review.suggestions()).noneMatch(s -> s.ruleId().startsWith("style/"));
  }

  @Test
  void aBrokenFileGetsOneCommentAndTheReviewGoesOutWithDefaults() throws Exception {
    String repo = "acme/broken-config";
    String head1 = "2".repeat(40);
    serve(repo, 2, head1);
    RepositoryContents.serve(
        pipeline.github(),
        repo,
        "main",
        ".attentive.yml",
        // Google's rule set, asked for (the default is the repository's learned conventions)
        "version: 1\nanalyzers: [style]\nreview:\n  maxComments: 500\n"
            + "style:\n  checkstyle: google_checks.xml\n");

    pipeline.deliver("pull_request", UUID.randomUUID().toString(), push(repo, 2, head1));

    List<RecordedRequest> reviews = awaitRequests("POST", "/repos/" + repo + "/pulls/2/reviews", 1);
    JsonNode posted = EventJson.mapper().readTree(reviews.get(0).body());
    assertThat(posted.path("comments").toString())
        .as("a normal review: the style findings inline")
        .contains("AvoidStarImport");
    List<PostedIssueComment> comments = awaitComments(repo, 2, 1);
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).body())
        .contains("`.attentive.yml` line 4: review.maxComments must be between 1 and 100, was 500");

    // The next push: its review, and still the one comment.
    String head2 = "3".repeat(40);
    serve(repo, 2, head2, WIDGET.replace("count()", "size()"));
    String second = UUID.randomUUID().toString();
    pipeline.deliver("pull_request", second, push(repo, 2, head2));
    reviewOf(second);
    Thread.sleep(3000);
    assertThat(pipeline.github().issueComments(repo, 2)).hasSize(1);
  }

  @Test
  void aWritersReviewCommandIsCarriedOutAndAReadersIsRefused() throws Exception {
    String repo = "acme/commands";
    serve(repo, 3, "4".repeat(40));
    // A rule set the repository asks for, so that its review has something to post
    // (AvoidStarImport):
    // without a learned profile, executed tests or a model finding, a review of Widget says
    // nothing.
    RepositoryContents.serve(
        pipeline.github(),
        repo,
        "main",
        ".attentive.yml",
        "version: 1\nstyle:\n  checkstyle: google_checks.xml\n");
    pipeline.github().permission(repo, "writer", "write");

    String refused = UUID.randomUUID().toString();
    pipeline.deliver("issue_comment", refused, comment(repo, 3, "reader", "/attentive review"));
    assertThat(awaitComments(repo, 3, 1).get(0).body()).startsWith("Sorry @reader");

    String accepted = UUID.randomUUID().toString();
    pipeline.deliver("issue_comment", accepted, comment(repo, 3, "writer", "/attentive review"));
    Review review = reviewOf(accepted);
    assertThat(review.trigger()).isEqualTo("command.review");
    assertThat(review.headSha()).isEqualTo("4".repeat(40));
    awaitRequests("POST", "/repos/" + repo + "/pulls/3/reviews", 1);
    assertThat(
            pipeline
                .kafka()
                .await(
                    Topics.REVIEWS,
                    EventSerdes.review(),
                    r -> r.deliveryId().equals(refused),
                    1,
                    Duration.ofSeconds(1)))
        .isEmpty();
  }

  // ---------------------------------------------------------------- learned conventions (issue 12)

  /** A class of a 4-space (or {@code unit}-space) repository, with blocks nested three deep. */
  static String calc(String pkg, int i, String unit) {
    String u1 = unit;
    String u2 = unit.repeat(2);
    String u3 = unit.repeat(3);
    String u4 = unit.repeat(4);
    return "package "
        + pkg
        + ";\n\npublic class Calc"
        + i
        + " {\n"
        + u1
        + "private final int base;\n\n"
        + u1
        + "public Calc"
        + i
        + "(int base) {\n"
        + u2
        + "this.base = base;\n"
        + u1
        + "}\n\n"
        + u1
        + "public int sum(int[] values) {\n"
        + u2
        + "int total = base;\n"
        + u2
        + "for (int v : values) {\n"
        + u3
        + "if (v > 0) {\n"
        + u4
        + "total += v;\n"
        + u3
        + "} else {\n"
        + u4
        + "total -= v;\n"
        + u3
        + "}\n"
        + u2
        + "}\n"
        + u2
        + "return total;\n"
        + u1
        + "}\n\n"
        + u1
        + "public String label(int n) {\n"
        + u2
        + "if (n == 0) {\n"
        + u3
        + "return \"zero\";\n"
        + u2
        + "}\n"
        + u2
        + "return \"n\" + n;\n"
        + u1
        + "}\n}\n";
  }

  /** The pull request's new file: 4-space lines, and line 6 indented the 2-space way. */
  static final String ADDED =
      """
      package com.acme.shapes;

      public class Added {
          public int twice(int x) {
              int y = x * 2;
          return y;
          }
      }
      """;

  static final String ADDED_PATH = "src/main/java/com/acme/shapes/Added.java";

  /** Serves a repository of ten classes at a new commit of main and returns the commit. */
  private static String learnable(String repo, String unit, String extraPath, String extra) {
    RepositoryFixture fixture = pipeline.github().repository(repo).defaultBranch("main");
    for (int i = 0; i < 10; i++) {
      fixture.file(
          "src/main/java/com/acme/shapes/Calc" + i + ".java", calc("com.acme.shapes", i, unit));
    }
    if (extraPath != null) {
      fixture.file(extraPath, extra);
    }
    return fixture.commit();
  }

  /** Pushes main's new head and waits for the profile ingest learns from it. */
  private static RepositoryProfile pushAndLearn(String repo, String sha) throws Exception {
    assertThat(
            pipeline
                .deliver("push", UUID.randomUUID().toString(), pushToMain(repo, sha))
                .statusCode())
        .isEqualTo(202);
    List<RepositoryProfile> profiles =
        pipeline
            .kafka()
            .await(
                Topics.REPO_PROFILES,
                EventSerdes.repositoryProfile(),
                p -> p.repository().equals(repo) && sha.equals(p.sha()),
                1,
                WAIT);
    assertThat(profiles).as("profile of " + repo + "@" + sha).hasSize(1);
    return profiles.get(0);
  }

  /**
   * The review of a pull request adding {@link #ADDED}, once the reviewer holds the repository's
   * profile: reviews made before it did say they are learning, and the push is repeated.
   */
  private static Review reviewWithProfile(String repo, int pr) throws Exception {
    Review review = null;
    for (int attempt = 1; attempt <= 10; attempt++) {
      String head = String.format("%040x", (long) pr * 1000 + attempt);
      pipeline
          .github()
          .pullRequest(repo, pr)
          .head(head)
          .base("0".repeat(40))
          .clearFiles()
          .file(ADDED_PATH, "added", SyntheticJava.newFilePatch(ADDED))
          .register();
      RepositoryContents.serve(pipeline.github(), repo, head, ADDED_PATH, ADDED);
      String delivery = UUID.randomUUID().toString();
      pipeline.deliver("pull_request", delivery, push(repo, pr, head));
      review = reviewOf(delivery);
      if (!review.notes().contains(LEARNING)) {
        return review;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("the reviewer never saw the profile of " + repo + ": " + review);
  }

  static final String LEARNING =
      "learning this repository's conventions: style comments on them start once its profile is"
          + " ready";

  @Test
  void aFourSpaceRepositoryGetsOneCommentOnThePlantedTwoSpaceLineAndNoneOnTheRest()
      throws Exception {
    String repo = "acme/four-spaces";
    RepositoryProfile profile = pushAndLearn(repo, learnable(repo, "    ", null, null));
    assertThat(profile.convention("style/indent").orElseThrow().value()).isEqualTo("4");
    assertThat(profile.convention("style/indent").orElseThrow().enforced()).isTrue();

    Review review = reviewWithProfile(repo, 11);

    assertThat(review.suggestions())
        .filteredOn(s -> s.kind() == Suggestion.Kind.STYLE)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.ruleId()).isEqualTo("style/indent");
              assertThat(s.startLine()).isEqualTo(6);
              assertThat(s.replacement()).isEqualTo("        return y;");
              assertThat(s.message()).contains("4 spaces");
            });
    List<RecordedRequest> posted = awaitRequests("POST", "/repos/" + repo + "/pulls/11/reviews", 1);
    assertThat(posted.get(posted.size() - 1).body()).contains("```suggestion\\n        return y;");
  }

  @Test
  void theSamePullRequestOnAGoogleStyleRepositoryWithACheckstyleFileGetsThatFilesRules()
      throws Exception {
    String repo = "acme/google-style";
    String checks =
        """
        <?xml version="1.0"?>
        <module name="Checker">
          <module name="TreeWalker">
            <module name="Indentation">
              <property name="basicOffset" value="2"/>
            </module>
          </module>
        </module>
        """;
    RepositoryProfile profile =
        pushAndLearn(repo, learnable(repo, "  ", "config/checkstyle/checkstyle.xml", checks));
    assertThat(profile.tools().checkstylePath()).isEqualTo("config/checkstyle/checkstyle.xml");
    assertThat(profile.convention("style/indent").orElseThrow().value()).isEqualTo("2");

    Review review = reviewWithProfile(repo, 12);

    assertThat(review.suggestions())
        .filteredOn(s -> s.kind() == Suggestion.Kind.STYLE)
        .extracting(Suggestion::ruleId)
        .contains("style/Indentation");
  }

  private static byte[] pushToMain(String repo, String sha) throws Exception {
    var root = EventJson.mapper().createObjectNode();
    root.put("ref", "refs/heads/main")
        .put("before", "0".repeat(40))
        .put("after", sha)
        .put("created", false)
        .put("deleted", false)
        .put("forced", false);
    root.putObject("repository")
        .put("full_name", repo)
        .put("name", repo.substring(repo.indexOf('/') + 1))
        .put("default_branch", "main")
        .put("master_branch", "main");
    root.putObject("installation").put("id", 77);
    root.putArray("commits");
    return EventJson.mapper().writeValueAsBytes(root);
  }

  // ---------------------------------------------------------------- helpers

  private static void serve(String repo, int pr, String head) {
    serve(repo, pr, head, WIDGET);
  }

  private static void serve(String repo, int pr, String head, String source) {
    GitHubEmulator github = pipeline.github();
    github
        .pullRequest(repo, pr)
        .head(head)
        .base("0".repeat(40))
        .clearFiles()
        .file(PATH, "added", SyntheticJava.newFilePatch(source))
        .register();
    RepositoryContents.serve(github, repo, head, PATH, source);
  }

  private static Review reviewOf(String delivery) {
    List<Review> reviews =
        pipeline
            .kafka()
            .await(
                Topics.REVIEWS,
                EventSerdes.review(),
                r -> r.deliveryId().equals(delivery),
                1,
                WAIT);
    assertThat(reviews).as("review of " + delivery).hasSize(1);
    return reviews.get(0);
  }

  private static List<RecordedRequest> awaitRequests(String method, String path, int count)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<RecordedRequest> requests = pipeline.github().requests(method, path);
    while (requests.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      requests = pipeline.github().requests(method, path);
    }
    assertThat(requests).as(method + " " + path).hasSizeGreaterThanOrEqualTo(count);
    return requests;
  }

  private static List<PostedIssueComment> awaitComments(String repo, int pr, int count)
      throws Exception {
    long deadline = System.nanoTime() + WAIT.toNanos();
    List<PostedIssueComment> comments = pipeline.github().issueComments(repo, pr);
    while (comments.size() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
      comments = pipeline.github().issueComments(repo, pr);
    }
    assertThat(comments).as("comments on " + repo + "#" + pr).hasSizeGreaterThanOrEqualTo(count);
    return comments;
  }

  private static byte[] push(String repo, int number, String head) throws Exception {
    var root = EventJson.mapper().createObjectNode();
    root.put("action", "synchronize").put("number", number);
    var pr = root.putObject("pull_request");
    pr.put("number", number).put("state", "open").put("draft", false);
    pr.putObject("head").put("sha", head).put("ref", "feature");
    pr.putObject("base").put("sha", "0".repeat(40)).put("ref", "main");
    root.putObject("repository").put("full_name", repo).put("default_branch", "main");
    root.putObject("installation").put("id", 77);
    return EventJson.mapper().writeValueAsBytes(root);
  }

  private static byte[] comment(String repo, int number, String login, String body)
      throws Exception {
    var root = EventJson.mapper().createObjectNode();
    root.put("action", "created");
    var issue = root.putObject("issue");
    issue.put("number", number).put("state", "open");
    issue
        .putObject("pull_request")
        .put("url", "https://api.github.com/repos/" + repo + "/pulls/" + number);
    var comment = root.putObject("comment");
    comment
        .put("id", Math.abs(UUID.randomUUID().getMostSignificantBits()))
        .put("body", body)
        .put("author_association", "CONTRIBUTOR")
        .put("created_at", "2026-11-23T12:00:00Z");
    comment.putObject("user").put("login", login);
    root.putObject("repository").put("full_name", repo).put("default_branch", "main");
    root.putObject("installation").put("id", 77);
    return EventJson.mapper().writeValueAsBytes(root);
  }
}
