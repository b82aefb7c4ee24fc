package dev.attentive.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.ProfileBuilder;
import dev.attentive.conventions.rules.TrailingWhitespace;
import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.ProfileRequest;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Topics;
import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.Ticker;
import dev.attentive.ingest.github.KohsukeGitHubGateway;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RepositoryFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * The profile sub-topology against the GitHub emulator, through the real kohsuke gateway and
 * retries: when a profile is (re)learned, what it holds, and the dead letter of every way GitHub or
 * the repository can fail it.
 */
class ProfileProcessorTest {

  @TempDir Path stateDir;

  static final int ATTEMPTS = 3;
  static final Duration MAX_AGE = Duration.ofDays(7);

  static GitHubEmulator github;

  MutableClock clock = new MutableClock(Instant.parse("2026-11-30T08:00:00Z"));
  TopologyTestDriver driver;
  TestInputTopic<String, byte[]> requests;
  TestOutputTopic<String, RepositoryProfile> profiles;
  TestOutputTopic<String, DeadLetter> deadLetters;
  int deliveries;

  @BeforeAll
  static void startGitHub() {
    github = GitHubEmulator.start();
  }

  @AfterAll
  static void stopGitHub() {
    github.close();
  }

  @BeforeEach
  void start() {
    github.reset();
    var clients =
        new InstallationClients(
            GitHubCredentials.token(github.baseUrl(), "t"),
            b ->
                b.withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                    .withRateLimitHandler(GitHubRateLimitHandler.FAIL));
    var metrics = new SimpleMeterRegistry();
    var calls =
        new GitHubCalls(
            new RetryPolicy(
                ATTEMPTS,
                Duration.ofMillis(1),
                Duration.ofMillis(4),
                Duration.ofMillis(1),
                Duration.ofSeconds(30)),
            new Ticker() {
              @Override
              public long nanoTime() {
                return System.nanoTime();
              }

              @Override
              public void sleep(Duration duration) {}
            },
            clock,
            metrics,
            "test.retries");
    ProfileFetcher fetcher =
        new ProfileFetcher(
            new KohsukeGitHubGateway(clients, 3000, 100),
            calls,
            ProfileBuilder.standard(),
            new BlobCache(1 << 20),
            clock);
    Topology topology = new Topology();
    ProfileProcessor.addTo(topology, fetcher, MAX_AGE, metrics, clock);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "profile-test");
    // Its own state directory: the stores are RocksDB, which locks its files.
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(topology, props);
    requests =
        driver.createInputTopic(
            Topics.PROFILE_REQUESTS, new StringSerializer(), new ByteArraySerializer());
    profiles =
        driver.createOutputTopic(
            Topics.REPO_PROFILES,
            new StringDeserializer(),
            EventSerdes.repositoryProfile().deserializer());
    deadLetters =
        driver.createOutputTopic(
            Topics.DEAD_LETTERS, new StringDeserializer(), EventSerdes.deadLetter().deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aPushIsLearnedAtItsCommitOnceWithTheSampleAndItsConventions() {
    RepositoryFixture repo = JavaTrees.classes(github.repository("octo/push"), 60);
    String sha = repo.commit();

    byte[] request = send(push("octo/push", sha));

    var record = profiles.readRecord();
    assertThat(record.key()).isEqualTo("octo/push");
    RepositoryProfile profile = record.value();
    assertThat(profile.sha()).isEqualTo(sha);
    assertThat(profile.defaultBranch()).isEqualTo("main");
    assertThat(profile.learnedAt()).isEqualTo(clock.instant());
    assertThat(profile.sample().javaFiles()).isEqualTo(60);
    assertThat(profile.sample().sampledFiles()).isEqualTo(60);
    assertThat(profile.sample().requests())
        .as("the repository, the tree, 60 Java blobs and pom.xml; no branch read for a push")
        .isEqualTo(63);
    assertThat(profile.convention(TrailingWhitespace.ID).orElseThrow().enforced()).isTrue();
    assertThat(github.requestCount("GET", "/repos/octo/push/git/blobs/.*")).isEqualTo(61);
    assertThat(github.requestCount("GET", "/repos/octo/push/branches/.*")).isZero();
    assertThat(deadLetters.isEmpty()).isTrue();

    requests.pipeInput("octo/push", request);
    assertThat(profiles.isEmpty()).as("the same commit is not learned again").isTrue();
    assertThat(github.requestCount("GET", "/repos/octo/push/git/trees/.*")).isEqualTo(1);

    String next =
        repo.file(
                "src/main/java/com/example/New.java", JavaTrees.javaClass("com.example", "New", 2))
            .commit();
    send(push("octo/push", next));
    RepositoryProfile relearned = profiles.readValue();
    assertThat(relearned.sha()).as("a new commit is").isEqualTo(next);
    assertThat(relearned.sample().sampledFiles()).isEqualTo(61);
    assertThat(relearned.sample().requests())
        .as("the repository, the tree and the one new file: the others are cached by blob id")
        .isEqualTo(3);
    assertThat(github.requestCount("GET", "/repos/octo/push/git/blobs/.*")).isEqualTo(62);
  }

  @Test
  void aPullRequestLearnsOnlyWhenThereIsNoProfileOrItIsOlderThanTheMaxAge() {
    String sha = JavaTrees.classes(github.repository("octo/pr"), 10).commit();

    send(pullRequest("octo/pr"));
    assertThat(profiles.readValue().sha()).as("the branch head").isEqualTo(sha);
    assertThat(github.requestCount("GET", "/repos/octo/pr/branches/main")).isEqualTo(1);

    clock.advance(MAX_AGE.minusMinutes(1));
    send(pullRequest("octo/pr"));
    assertThat(profiles.isEmpty()).as("a fresh profile is not relearned").isTrue();
    assertThat(github.requestCount("GET", "/repos/octo/pr/git/trees/.*")).isEqualTo(1);

    clock.advance(Duration.ofMinutes(2));
    send(pullRequest("octo/pr"));
    RepositoryProfile relearned = profiles.readValue();
    assertThat(relearned.learnedAt()).isEqualTo(clock.instant());
    assertThat(github.requestCount("GET", "/repos/octo/pr/git/trees/.*")).isEqualTo(2);
  }

  @Test
  void badInputIsSkippedWithNotesAndNeverRead() {
    RepositoryFixture repo = JavaTrees.classes(github.repository("octo/bad"), 30);
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    junk[0] = 0;
    repo.file("src/main/java/Junk.java", junk)
        .file("src/main/java/Huge.java", "// x\n".repeat(300_000)) // 1.5 MB
        .file("src/main/java/Broken.java", "class Broken {{{ (((\n")
        .file("vendor/lib/src/Vendored.java", "class Vendored {\n\tint x;   \n}\n")
        .file("target/generated-sources/G.java", "class G {\n\tint x;   \n}\n");

    send(push("octo/bad", repo.commit()));

    RepositoryProfile profile = profiles.readValue();
    assertThat(profile.sample().javaFiles())
        .as("vendored and generated trees do not count")
        .isEqualTo(33);
    assertThat(profile.notes()).anyMatch(n -> n.startsWith("src/main/java/Junk.java is not UTF-8"));
    assertThat(profile.convention(TrailingWhitespace.ID).orElseThrow().enforced()).isTrue();
    String hugeBlob =
        RepositoryFixture.blobSha("// x\n".repeat(300_000).getBytes(StandardCharsets.UTF_8));
    assertThat(github.requestCount("GET", "/repos/octo/bad/git/blobs/" + hugeBlob))
        .as("a file over the budget is never downloaded")
        .isZero();
    assertThat(github.requestCount("GET", "/repos/octo/bad/git/blobs/.*"))
        .as("32 sampled Java files and pom.xml")
        .isEqualTo(33);
  }

  @Test
  void aRepositoryWithoutJavaGetsAnEmptyProfileThatSaysSo() {
    String sha =
        github
            .repository("octo/docs")
            .file("README.md", "# Docs\n")
            .file("pom.xml", "<project/>\n")
            .commit();

    send(push("octo/docs", sha));

    RepositoryProfile profile = profiles.readValue();
    assertThat(profile.sample().javaFiles()).isZero();
    assertThat(profile.enforced()).isEmpty();
    assertThat(profile.notes())
        .contains("no hand-written Java files in the default branch: nothing to learn");
  }

  @Test
  void aTruncatedTreeIsSampledFromWhatWasListedWithANote() {
    RepositoryFixture repo =
        JavaTrees.classes(github.repository("octo/huge"), 40).truncateTreesAt(30);

    send(push("octo/huge", repo.commit()));

    assertThat(profiles.readValue().notes())
        .anyMatch(n -> n.startsWith("GitHub listed only part of the tree"));
  }

  @Test
  void gitHubFailuresBecomeDeadLettersWithTheirReasonAndTheNextRequestIsServed() {
    String sha = JavaTrees.classes(github.repository("octo/fail"), 5).commit();
    String trees = "/repos/octo/fail/git/trees/.*";

    byte[] unknown = send(push("octo/fail", "f".repeat(40)));
    assertDeadLetter("profile_branch_not_found", unknown);

    byte[] noBranch = send(request("octo/fail", "gone", null, ProfileRequest.PULL_REQUEST));
    assertDeadLetter("profile_branch_not_found", noBranch);

    github.secondaryRateLimitNext("GET", trees, 0, ATTEMPTS);
    assertDeadLetter("profile_rate_limited", send(push("octo/fail", sha)));

    github.failNext("GET", trees, 502, ATTEMPTS);
    assertDeadLetter("profile_github_unavailable", send(push("octo/fail", sha)));

    github.failNext("GET", trees, 403, 1);
    assertDeadLetter("profile_forbidden", send(push("octo/fail", sha)));

    assertThat(profiles.isEmpty()).isTrue();
    send(push("octo/fail", sha));
    assertThat(profiles.readValue().sha()).as("the stream goes on").isEqualTo(sha);
  }

  @Test
  void aBranchThatVanishesWhileItIsReadIsADeadLetter() {
    String sha = JavaTrees.classes(github.repository("octo/moved"), 10).commit();
    // As after a force push and garbage collection: the tree was listed, its blobs are gone.
    github.failNext("GET", "/repos/octo/moved/git/blobs/.*", 404, 11);

    byte[] request = send(push("octo/moved", sha));

    assertDeadLetter("profile_branch_not_found", request);
    assertThat(profiles.isEmpty()).isTrue();
  }

  @Test
  void anUnreadableOrInvalidRequestIsADeadLetter() {
    requests.pipeInput("octo/x", "{not json".getBytes(StandardCharsets.UTF_8));
    assertThat(deadLetters.readValue().error()).startsWith("unreadable_profile_request: ");
    send(request("octo/x", "main", null, ProfileRequest.PUSH));
    assertThat(deadLetters.readValue().error()).startsWith("invalid_profile_request: ");
  }

  private void assertDeadLetter(String reason, byte[] request) {
    List<DeadLetter> letters = deadLetters.readValuesToList();
    assertThat(letters)
        .as(reason)
        .singleElement()
        .satisfies(
            l -> {
              assertThat(l.error()).startsWith(reason + ": ");
              assertThat(l.value()).as("the request, to replay").isEqualTo(request);
              assertThat(l.sourceTopic()).isEqualTo(Topics.PROFILE_REQUESTS);
            });
  }

  private byte[] send(ProfileRequest request) {
    byte[] bytes = EventSerdes.profileRequest().serialize(Topics.PROFILE_REQUESTS, request);
    requests.pipeInput(request.repository(), bytes);
    return bytes;
  }

  private ProfileRequest push(String repo, String sha) {
    return request(repo, "main", sha, ProfileRequest.PUSH);
  }

  private ProfileRequest pullRequest(String repo) {
    return request(repo, "main", null, ProfileRequest.PULL_REQUEST);
  }

  private ProfileRequest request(String repo, String branch, String sha, String reason) {
    return new ProfileRequest(
        ProfileRequest.SCHEMA_VERSION,
        "delivery-" + ++deliveries,
        repo,
        null,
        branch,
        sha,
        reason,
        clock.instant());
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
