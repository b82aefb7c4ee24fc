package dev.attentive.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.conventions.rules.TrailingWhitespace;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Topics;
import dev.attentive.ingest.profile.JavaTrees;
import dev.attentive.testkit.Fixtures;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RepositoryFixture;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/**
 * Repository profiles end to end: webhooks in over HTTP, the broker, the profile sub-topology, the
 * GitHub emulator's git data, and the compacted profiles topic out.
 */
@QuarkusTest
@WithTestResource(IngestTestResource.class)
class ProfileIngestTest {

  static final Duration WAIT = Duration.ofSeconds(60);
  static final String JAVA_PATCH = "@@ -0,0 +1,3 @@\n+package a;\n+\n+class A {}";

  @TestHTTPResource("/webhooks/github")
  URI endpoint;

  @Inject Topology topology;

  EmbeddedKafka kafka = IngestTestResource.kafka();
  GitHubEmulator github = IngestTestResource.github();

  @Test
  void aPushToTheDefaultBranchPublishesTheProfileAtThatCommit() {
    String repo = "octo-profile/pushed";
    RepositoryFixture fixture = JavaTrees.classes(github.repository(repo), 60);
    String sha = fixture.commit();

    assertThat(push(repo, "refs/heads/main", sha, false).field("status")).isEqualTo("accepted");

    RepositoryProfile profile = profileOf(repo, sha);
    assertThat(profile.defaultBranch()).isEqualTo("main");
    assertThat(profile.sample().javaFiles()).isEqualTo(60);
    assertThat(profile.sample().sampledFiles()).isEqualTo(60);
    assertThat(profile.sample().requests()).isEqualTo(63);
    assertThat(profile.convention(TrailingWhitespace.ID).orElseThrow())
        .satisfies(
            c -> {
              assertThat(c.enforced()).isTrue();
              assertThat(c.evidence()).contains("in 60 sampled files");
            });
  }

  @Test
  void aPushToAnotherBranchOrOneDeletingTheDefaultBranchAsksForNothing() {
    String repo = "octo-profile/branches";
    RepositoryFixture fixture = JavaTrees.classes(github.repository(repo), 5);
    String feature = fixture.commit();
    fixture.branch("feature", feature);

    Webhooks.Response other = push(repo, "refs/heads/feature", feature, false);
    Webhooks.Response deleted = push(repo, "refs/heads/main", "0".repeat(40), true);

    assertThat(other.field("status")).isEqualTo("ignored");
    assertThat(other.field("reason")).contains("not to the default branch");
    assertThat(deleted.field("status")).isEqualTo("ignored");
    String main = fixture.file("NEW.md", "new\n").commit();
    push(repo, "refs/heads/main", main, false);
    assertThat(profileOf(repo, main).sha()).isEqualTo(main);
    assertThat(github.requestCount("GET", "/repos/" + repo + "/git/trees/" + feature))
        .as("the feature branch was never read")
        .isZero();
  }

  @Test
  void aPullRequestLearnsAMissingProfileAndLeavesAFreshOneAlone() {
    String repo = "octo-profile/reviewed";
    String sha = JavaTrees.classes(github.repository(repo), 8).commit();
    register(repo, 31, "3".repeat(40));

    String first = pullRequest(repo, 31, "3".repeat(40));
    assertThat(chunksOf(first)).hasSize(1);
    assertThat(profileOf(repo, sha).sample().sampledFiles()).isEqualTo(8);
    assertThat(github.requestCount("GET", "/repos/" + repo + "/git/trees/.*")).isEqualTo(1);

    String second = pullRequest(repo, 31, "4".repeat(40));
    assertThat(chunksOf(second)).hasSize(1);
    // The request of the second delivery comes after its chunks; a later push is processed
    // after it on the same partition, so its profile proves the request was seen and skipped.
    String moved = github.repository(repo).file("B.md", "b\n").commit();
    push(repo, "refs/heads/main", moved, false);
    profileOf(repo, moved);
    assertThat(github.requestCount("GET", "/repos/" + repo + "/git/trees/.*"))
        .as("the fresh profile was not relearned for the second pull request")
        .isEqualTo(2);
    assertThat(github.requestCount("GET", "/repos/" + repo + "/git/trees/" + sha)).isEqualTo(1);
  }

  @Test
  void whenProfilingFailsThePullRequestIsStillFetchedAndTheFailureDeadLettered() {
    String repo = "octo-profile/failing";
    String sha = JavaTrees.classes(github.repository(repo), 3).commit();
    register(repo, 41, "5".repeat(40));
    // more than the 4 attempts a read gets
    github.failNext("GET", "/repos/" + repo + "/git/trees/.*", 500, 4);

    String delivery = pullRequest(repo, 41, "5".repeat(40));

    assertThat(chunksOf(delivery)).hasSize(1);
    List<DeadLetter> letters =
        kafka.await(
            Topics.DEAD_LETTERS, EventSerdes.deadLetter(), l -> repo.equals(l.key()), 1, WAIT);
    assertThat(letters)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.error()).startsWith("profile_github_unavailable: ");
              assertThat(l.sourceTopic()).isEqualTo(Topics.PROFILE_REQUESTS);
            });

    pullRequest(repo, 41, "6".repeat(40));
    assertThat(profileOf(repo, sha).sha()).as("the next request is served").isEqualTo(sha);
  }

  @Test
  void profilesAreLearnedInASubTopologyOfTheirOwn() {
    TopologyDescription.Subtopology profiles = subtopologyReading(Topics.PROFILE_REQUESTS);
    TopologyDescription.Subtopology deliveries = subtopologyReading(Topics.WEBHOOK_DELIVERIES);
    assertThat(profiles.id())
        .as("a profile must never hold back a pull request's chunks")
        .isNotEqualTo(deliveries.id());
  }

  private TopologyDescription.Subtopology subtopologyReading(String topic) {
    return topology.describe().subtopologies().stream()
        .filter(
            s ->
                s.nodes().stream()
                    .anyMatch(
                        n ->
                            n instanceof TopologyDescription.Source source
                                && source.topicSet().contains(topic)))
        .findFirst()
        .orElseThrow();
  }

  private RepositoryProfile profileOf(String repo, String sha) {
    List<RepositoryProfile> found =
        kafka.await(
            Topics.REPO_PROFILES,
            EventSerdes.repositoryProfile(),
            p -> p.repository().equals(repo) && p.sha().equals(sha),
            1,
            WAIT);
    assertThat(found).as("profile of " + repo + "@" + sha).hasSize(1);
    return found.get(0);
  }

  private List<PullRequestDiffChunk> chunksOf(String delivery) {
    return kafka.await(
        Topics.DIFF_CHUNKS, EventSerdes.diffChunk(), c -> c.deliveryId().equals(delivery), 1, WAIT);
  }

  private void register(String repo, int number, String head) {
    github
        .pullRequest(repo, number)
        .head(head)
        .base("b".repeat(40))
        .clearFiles()
        .file("src/main/java/a/A.java", "added", JAVA_PATCH)
        .register();
  }

  private String pullRequest(String repo, int number, String head) {
    String delivery = UUID.randomUUID().toString();
    byte[] body =
        Webhooks.fixture(
            "pull_request_synchronize.json",
            json -> {
              ((ObjectNode) json.path("repository"))
                  .put("full_name", repo)
                  .put("default_branch", "main");
              json.put("number", number);
              ObjectNode pr = (ObjectNode) json.path("pull_request");
              pr.put("number", number);
              ((ObjectNode) pr.path("head")).put("sha", head);
            });
    assertThat(Webhooks.post(endpoint, "pull_request", delivery, body).status()).isEqualTo(202);
    return delivery;
  }

  /**
   * A {@code push} delivery as GitHub sends it (its repository, sender and installation taken from
   * the pull request fixture).
   */
  private Webhooks.Response push(String repo, String ref, String after, boolean deleted) {
    try {
      ObjectNode source =
          (ObjectNode)
              EventJson.mapper().readTree(Fixtures.webhook("pull_request_synchronize.json"));
      ObjectNode body = EventJson.mapper().createObjectNode();
      body.put("ref", ref)
          .put("before", "a".repeat(40))
          .put("after", after)
          .put("created", false)
          .put("deleted", deleted)
          .put("forced", false)
          .putNull("base_ref")
          .put("compare", "https://github.com/" + repo + "/compare/aaaaaaaaaaaa...abc");
      body.putArray("commits");
      body.putNull("head_commit");
      ObjectNode repository = source.path("repository").deepCopy();
      repository.put("full_name", repo).put("default_branch", "main");
      body.set("repository", repository);
      body.putObject("pusher").put("name", "octocat").put("email", "octocat@example.com");
      body.set("sender", source.path("sender"));
      if (source.has("installation")) {
        body.set("installation", source.path("installation"));
      }
      body.put("attentive_test_nonce", UUID.randomUUID().toString());
      Webhooks.Response response =
          Webhooks.post(
              endpoint,
              "push",
              UUID.randomUUID().toString(),
              EventJson.mapper().writeValueAsBytes(body));
      assertThat(response.status()).isEqualTo(202);
      return response;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
