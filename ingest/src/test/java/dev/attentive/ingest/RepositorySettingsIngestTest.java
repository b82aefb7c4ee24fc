package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.AttentionProgram;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.DiffManifest.Reason;
import dev.attentive.events.DiffManifest.SkippedFile;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.RecordedRequest;
import dev.attentive.testkit.github.RepositoryContents;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * {@code .attentive.yml}: read by the fetcher from the repository's default branch (never the PR's
 * head), validated, applied to what is fetched (ignore globs) and carried on every chunk and the
 * manifest.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class RepositorySettingsIngestTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String JAVA_PATCH = "@@ -0,0 +1,3 @@\n+package a;\n+\n+class A {}";
  static final String TEAM_CHECKS =
      """
      <?xml version="1.0"?>
      <!DOCTYPE module PUBLIC "-//Checkstyle//DTD Checkstyle Configuration 1.3//EN"
          "https://checkstyle.org/dtds/configuration_1_3.dtd">
      <module name="Checker"><module name="TreeWalker"><module name="ConstantName"/></module></module>
      """;

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  EmbeddedKafka kafka = IngestTestResource.kafka();

  @Test
  void settingsAreReadFromTheDefaultBranchNeverFromTheHead() {
    String repo = "octo-settings/greeter";
    String head = "1111111111111111111111111111111111111111";
    register(repo, 11, head);
    RepositoryContents.serve(
        IngestTestResource.github(),
        repo,
        "trunk",
        ".attentive.yml",
        """
        version: 1
        analyzers: [style]
        style:
          checkstyle: config/team-checks.xml
        ignore: ["docs/**"]
        review:
          maxComments: 5
          minConfidence: 0.5
        """);
    RepositoryContents.serve(
        IngestTestResource.github(), repo, "trunk", "config/team-checks.xml", TEAM_CHECKS);
    // What the PR itself would like: it must not count.
    RepositoryContents.serve(
        IngestTestResource.github(), repo, head, ".attentive.yml", "analyzers: []\n");

    String delivery = push(repo, 11, head, "trunk");

    List<PullRequestDiffChunk> chunks = chunksOf(delivery, 1);
    assertThat(chunks)
        .extracting(PullRequestDiffChunk::path)
        .containsExactly("src/main/java/a/A.java");
    RepositorySettings settings = chunks.get(0).settings();
    assertThat(settings).isNotNull();
    assertThat(settings.problems()).isEmpty();
    assertThat(settings.analyzers()).containsExactly("style");
    assertThat(settings.maxComments()).isEqualTo(5);
    assertThat(settings.minConfidence()).isEqualTo(0.5);
    assertThat(settings.checkstyle()).isEqualTo("config/team-checks.xml");
    assertThat(settings.checkstyleXml())
        .as("the team's Checkstyle file travels with the chunk")
        .isEqualTo(TEAM_CHECKS);
    assertThat(settings.source()).isEqualTo(repo + "@trunk:.attentive.yml");

    DiffManifest manifest = manifestOf(delivery);
    assertThat(manifest.settings()).isEqualTo(settings);
    assertThat(manifest.skipped())
        .containsExactly(new SkippedFile("docs/guide.md", Reason.IGNORED_PATH));

    List<RecordedRequest> reads =
        IngestTestResource.github()
            .requests("GET", "/repos/" + repo + "/contents/\\.attentive\\.yml");
    assertThat(reads).isNotEmpty();
    assertThat(reads)
        .extracting(r -> r.queryParam("ref"))
        .containsOnly("trunk")
        .doesNotContain(head);
    assertThat(
            IngestTestResource.github()
                .requests("GET", "/repos/" + repo + "/contents/config/team-checks\\.xml"))
        .extracting(r -> r.queryParam("ref"))
        .containsOnly("trunk");
  }

  @Test
  void aPullRequestFromAForkCannotChangeItsOwnSettingsOrAttentionProgram() {
    String repo = "octo-settings/forked";
    String fork = "mallory/forked";
    String head = "5555555555555555555555555555555555555555";
    register(repo, 15, head);
    String team =
        """
        version: 1
        analyzers: [style, model]
        review:
          minConfidence: 0.9
        model:
          attention:
            version: 1
            rules:
              - {tokens: comment, mask: true}
        """;
    RepositoryContents.serve(IngestTestResource.github(), repo, "trunk", ".attentive.yml", team);
    // The fork's wishes, wherever a careless reader might look: its head commit (also reachable in
    // the base repository as refs/pull/15/head) and the fork's own default branch.
    String mallory =
        """
        version: 1
        analyzers: []
        ignore: ["**"]
        review:
          minConfidence: 1.0
        model:
          attention:
            version: 1
            rules:
              - {tokens: added, mask: true}
        """;
    RepositoryContents.serve(IngestTestResource.github(), repo, head, ".attentive.yml", mallory);
    RepositoryContents.serve(IngestTestResource.github(), fork, head, ".attentive.yml", mallory);
    RepositoryContents.serve(IngestTestResource.github(), fork, "main", ".attentive.yml", mallory);

    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_synchronize.json",
            json -> {
              ((ObjectNode) json.path("repository"))
                  .put("full_name", repo)
                  .put("default_branch", "trunk");
              json.put("number", 15);
              ObjectNode pr = (ObjectNode) json.path("pull_request");
              pr.put("number", 15);
              ObjectNode prHead = (ObjectNode) pr.path("head");
              prHead.put("sha", head).put("ref", "main").put("label", "mallory:main");
              ((ObjectNode) prHead.path("repo"))
                  .put("full_name", fork)
                  .put("name", "forked")
                  .put("fork", true)
                  .put("default_branch", "main");
              ((ObjectNode) prHead.path("repo").path("owner")).put("login", "mallory");
            });
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);

    List<PullRequestDiffChunk> chunks = chunksOf(delivery, 1);
    assertThat(chunks).extracting(PullRequestDiffChunk::path).contains("src/main/java/a/A.java");
    RepositorySettings settings = chunks.get(0).settings();
    assertThat(settings.source()).isEqualTo(repo + "@trunk:.attentive.yml");
    assertThat(settings.analyzers()).containsExactly("style", "model");
    assertThat(settings.ignore()).isEmpty();
    assertThat(settings.minConfidence()).isEqualTo(0.9);
    assertThat(AttentionProgram.fromJson(settings.modelAttention()).bias(AttentionProgram.COMMENT))
        .isEqualTo(AttentionProgram.MASK);
    assertThat(AttentionProgram.fromJson(settings.modelAttention()).bias(AttentionProgram.ADDED))
        .as("the fork's program would mask its own added lines")
        .isNotEqualTo(AttentionProgram.MASK);
    assertThat(manifestOf(delivery).settings()).isEqualTo(settings);
    assertThat(
            IngestTestResource.github()
                .requests("GET", "/repos/" + repo + "/contents/\\.attentive\\.yml"))
        .extracting(r -> r.queryParam("ref"))
        .containsOnly("trunk");
    assertThat(IngestTestResource.github().requests("GET", "/repos/" + fork + "/.*"))
        .as("nothing is read from the fork")
        .isEmpty();
  }

  @Test
  void noFileMeansTheDefaults() {
    String repo = "octo-settings/plain";
    String head = "2222222222222222222222222222222222222222";
    register(repo, 12, head);

    String delivery = push(repo, 12, head, "main");

    List<PullRequestDiffChunk> chunks = chunksOf(delivery, 2);
    assertThat(chunks).hasSize(2).allSatisfy(c -> assertThat(c.settings()).isNull());
    assertThat(manifestOf(delivery).settings()).isNull();
    assertThat(
            IngestTestResource.github()
                .requests("GET", "/repos/" + repo + "/contents/\\.attentive\\.yml"))
        .extracting(r -> r.queryParam("ref"))
        .containsOnly("main");
  }

  @Test
  void aBrokenFileGivesDefaultsForTheBadPartsAndSaysWhatIsWrong() {
    String repo = "octo-settings/broken";
    String head = "3333333333333333333333333333333333333333";
    register(repo, 13, head);
    RepositoryContents.serve(
        IngestTestResource.github(),
        repo,
        "main",
        ".attentive.yml",
        """
        version: 1
        review:
          maxComments: 500
        style:
          checkstyle: config/missing.xml
        """);

    String delivery = push(repo, 13, head, "main");

    DiffManifest manifest = manifestOf(delivery);
    assertThat(manifest.chunkCount()).isEqualTo(2);
    assertThat(manifest.settings().problems())
        .containsExactly(
            "`.attentive.yml` line 3: review.maxComments must be between 1 and 100, was 500",
            "`.attentive.yml`: style.checkstyle names `config/missing.xml`, which is not a text file on main; the default"
                + " rule set is used");
    assertThat(manifest.settings().maxComments()).isNull();
    assertThat(manifest.settings().checkstyle()).isNull();
  }

  @Test
  void aFileGitHubRefusesToGiveMeansTheDefaultsNotALostReview() {
    String repo = "octo-settings/forbidden";
    String head = "4444444444444444444444444444444444444444";
    register(repo, 14, head);
    // An App without "Contents: read" gets 403 for the contents API.
    IngestTestResource.github()
        .failNext("GET", "/repos/" + repo + "/contents/\\.attentive\\.yml", 403, 1);

    String delivery = push(repo, 14, head, "main");

    assertThat(chunksOf(delivery, 2)).hasSize(2).allSatisfy(c -> assertThat(c.settings()).isNull());
    assertThat(manifestOf(delivery).settings()).isNull();
    assertThat(
            IngestTestResource.github()
                .requestCount("GET", "/repos/" + repo + "/contents/\\.attentive\\.yml"))
        .as("a permanent refusal is not retried")
        .isEqualTo(1);
  }

  static void register(String repo, int number, String head) {
    IngestTestResource.github()
        .pullRequest(repo, number)
        .head(head)
        .base("b".repeat(40))
        .clearFiles()
        .file("src/main/java/a/A.java", "added", JAVA_PATCH)
        .file("docs/guide.md", "modified", "@@ -1 +1,2 @@\n # Guide\n+More.")
        .register();
  }

  /**
   * A synchronize delivery for the PR, on a repository whose default branch is {@code
   * defaultBranch}.
   */
  String push(String repo, int number, String head, String defaultBranch) {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_synchronize.json",
            json -> {
              ((ObjectNode) json.path("repository"))
                  .put("full_name", repo)
                  .put("default_branch", defaultBranch);
              json.put("number", number);
              ObjectNode pr = (ObjectNode) json.path("pull_request");
              pr.put("number", number);
              ((ObjectNode) pr.path("head")).put("sha", head);
            });
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);
    return delivery;
  }

  private List<PullRequestDiffChunk> chunksOf(String delivery, int expected) {
    return kafka.await(
        Topics.DIFF_CHUNKS,
        EventSerdes.diffChunk(),
        c -> c.deliveryId().equals(delivery),
        expected,
        WAIT);
  }

  private DiffManifest manifestOf(String delivery) {
    List<DiffManifest> manifests =
        kafka.await(
            Topics.DIFF_MANIFESTS,
            EventSerdes.diffManifest(),
            m -> m.deliveryId().equals(delivery),
            1,
            WAIT);
    assertThat(manifests).as("manifest of " + delivery).hasSize(1);
    return manifests.get(0);
  }
}
