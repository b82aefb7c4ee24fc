package dev.attentive.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.DiffLine;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Hunk;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Review;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

/**
 * The whole local pipeline in one command: broker, GitHub emulator (or real GitHub), ingest,
 * reviewer and publisher; one signed webhook through it; what landed on Kafka and the review as
 * GitHub shows it, printed.
 */
final class LocalStack {

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final PrintStream OUT = System.out;

  /**
   * The reviewer runs the tests analyzer's probes and tests (in the bubblewrap sandbox) in the
   * demo, so that its TEST comments are verified tests that pin values.
   */
  static final List<String> DEMO_JVM_OPTIONS =
      Stream.concat(
              ServiceProcess.QUICK_START.stream(),
              Stream.of("-Dattentive.reviewer.tests.execution.enabled=true"))
          .toList();

  private LocalStack() {}

  static int run(Options options) throws Exception {
    StackConfig config = StackConfig.fromEnvironment();
    String repo = options.get("repo", DemoPullRequest.REPO);
    int number = options.getInt("pr", DemoPullRequest.NUMBER);
    if (config.realGitHub() && !options.named().containsKey("repo")) {
      System.err.println(
          "GITHUB_TOKEN is set, so real GitHub is used: name a pull request with --repo OWNER/NAME"
              + " --pr N (or set ATTENTIVE_GITHUB=emulator)");
      return 2;
    }
    OUT.println("== Attentive local stack");
    deleteRecursively(config.workDir());
    String token = config.githubToken().orElse(Pipeline.EMULATOR_TOKEN);
    try (Pipeline pipeline =
        Pipeline.start(
            config.root(),
            config.workDir(),
            config.webhookSecret(),
            config.githubApiUrl(),
            token,
            config.ingestPort(),
            Pipeline.SERVICES,
            DEMO_JVM_OPTIONS)) {
      EmbeddedKafka kafka = pipeline.kafka();
      GitHubEmulator emulator = pipeline.github();
      OUT.println("broker     " + kafka.bootstrapServers() + " (KRaft, in this JVM)");
      if (emulator != null) {
        DemoPullRequest.serveOn(emulator);
        OUT.println(
            "github     emulator at " + emulator.baseUrl() + " serving " + repo + "#" + number);
      } else {
        OUT.println("github     " + config.githubApiUrl() + " (token from GITHUB_TOKEN)");
      }
      for (ServiceProcess s : pipeline.services()) {
        OUT.printf(
            "%-10s %s (log: %s)%n", s.name(), s.baseUrl(), config.root().relativize(s.log()));
      }
      if (emulator != null
          && learnDemoProfile(pipeline, DemoPullRequest.serveDefaultBranch(emulator)) != 0) {
        return 1;
      }
      byte[] payload =
          emulator != null
              ? DemoPullRequest.webhookPayload()
              : realPullRequestPayload(config.githubApiUrl(), token, repo, number);
      String delivery = UUID.randomUUID().toString();
      OUT.println();
      OUT.println(
          "-> POST "
              + pipeline.webhookUrl()
              + "  X-GitHub-Event: pull_request  X-GitHub-Delivery: "
              + delivery
              + "  ("
              + payload.length
              + " bytes, signed)");
      HttpResponse<String> answer = pipeline.deliver("pull_request", delivery, payload);
      OUT.println("<- " + answer.statusCode() + " " + answer.body());
      if (answer.statusCode() != 202) {
        return 1;
      }
      int code = printWhatLanded(kafka, delivery);
      if (code == 0) {
        code = printReview(kafka, emulator, delivery);
      }
      if (options.flag("keep-running")) {
        OUT.println();
        OUT.println(
            "Running. Post signed webhooks to "
                + pipeline.webhookUrl()
                + " (secret from"
                + " ATTENTIVE_WEBHOOK_SECRET); Ctrl-C stops everything.");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
        stop.await();
      }
      return code;
    }
  }

  private static int printWhatLanded(EmbeddedKafka kafka, String delivery) {
    List<DiffManifest> manifests =
        kafka.await(
            Topics.DIFF_MANIFESTS,
            EventSerdes.diffManifest(),
            m -> m.deliveryId().equals(delivery),
            1,
            WAIT);
    List<WebhookDelivery> stored =
        kafka.await(
            Topics.WEBHOOK_DELIVERIES,
            EventSerdes.webhookDelivery(),
            d -> d.deliveryId().equals(delivery),
            1,
            Duration.ofSeconds(5));
    OUT.println();
    OUT.println("== " + Topics.WEBHOOK_DELIVERIES);
    for (WebhookDelivery d : stored) {
      OUT.printf(
          "  key %s  %s.%s  delivery %s  %,d bytes  installation %s%n",
          d.key(), d.event(), d.action(), d.deliveryId(), d.body().length(), d.installationId());
    }
    if (manifests.isEmpty()) {
      OUT.println(
          "no manifest for delivery "
              + delivery
              + " within "
              + WAIT
              + "; see the ingest log and "
              + Topics.DEAD_LETTERS);
      printDeadLetters(kafka);
      return 1;
    }
    DiffManifest manifest = manifests.get(0);
    List<PullRequestDiffChunk> chunks =
        kafka.await(
            Topics.DIFF_CHUNKS,
            EventSerdes.diffChunk(),
            c -> c.deliveryId().equals(delivery),
            manifest.chunkCount(),
            Duration.ofSeconds(10));
    chunks.sort(Comparator.comparingInt(PullRequestDiffChunk::chunkIndex));
    OUT.println("== " + Topics.DIFF_CHUNKS);
    for (PullRequestDiffChunk c : chunks) {
      OUT.printf(
          "  [%d] key %s  %s  (%s, %s, +%d -%d%s)%n",
          c.chunkIndex(),
          c.key(),
          c.path(),
          c.language(),
          c.status().name().toLowerCase(),
          c.additions(),
          c.deletions(),
          c.newContent() == null
              ? ""
              : ", head content attached: " + c.newContent().lines().count() + " lines");
      for (Hunk h : c.hunks()) {
        OUT.printf(
            "      @@ -%d,%d +%d,%d @@ %s%n",
            h.oldStart(), h.oldLines(), h.newStart(), h.newLines(), h.section());
        for (DiffLine l : h.lines()) {
          OUT.printf(
              "      %4s %4s %s%s%n",
              l.oldLine() == null ? "" : l.oldLine(),
              l.newLine() == null ? "" : l.newLine(),
              switch (l.kind()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CONTEXT -> " ";
              },
              l.text());
        }
      }
    }
    OUT.println("== " + Topics.DIFF_MANIFESTS);
    OUT.printf(
        "  key %s  %d chunks of %d files at %s (%s)%s%n",
        manifest.key(),
        manifest.chunkCount(),
        manifest.filesListed(),
        manifest.headSha(),
        manifest.trigger(),
        manifest.truncated() ? ", TRUNCATED" : "");
    manifest.skipped().forEach(s -> OUT.println("  skipped " + s.path() + " (" + s.reason() + ")"));
    return chunks.size() == manifest.chunkCount() ? 0 : 1;
  }

  /**
   * Pushes the demo repository's default branch and prints the conventions ingest learned from it,
   * so that the pull request is reviewed against them (without a profile the review would say it is
   * still learning).
   */
  private static int learnDemoProfile(Pipeline pipeline, String sha) throws Exception {
    String delivery = UUID.randomUUID().toString();
    OUT.println();
    OUT.println(
        "-> POST "
            + pipeline.webhookUrl()
            + "  X-GitHub-Event: push (refs/heads/main @ "
            + sha.substring(0, 7)
            + ")  X-GitHub-Delivery: "
            + delivery);
    HttpResponse<String> answer =
        pipeline.deliver("push", delivery, DemoPullRequest.pushPayload(sha));
    OUT.println("<- " + answer.statusCode() + " " + answer.body());
    List<RepositoryProfile> profiles =
        pipeline
            .kafka()
            .await(
                Topics.REPO_PROFILES,
                EventSerdes.repositoryProfile(),
                p -> p.repository().equals(DemoPullRequest.REPO) && sha.equals(p.sha()),
                1,
                WAIT);
    OUT.println("== " + Topics.REPO_PROFILES);
    if (profiles.isEmpty()) {
      OUT.println("  no profile within " + WAIT + "; see the ingest log");
      printDeadLetters(pipeline.kafka());
      return 1;
    }
    RepositoryProfile profile = profiles.get(0);
    OUT.printf(
        "  key %s  learned from %d Java files at %s (%d GitHub requests)%n",
        profile.repository(),
        profile.sample().sampledFiles(),
        profile.sha().substring(0, 7),
        profile.sample().requests());
    profile.enforced().forEach(c -> OUT.printf("  enforced  %-28s %s%n", c.ruleId(), c.evidence()));
    // The reviewers read profiles as a global table; give them a moment to see this one.
    sleep(2000);
    return 0;
  }

  private static int printReview(EmbeddedKafka kafka, GitHubEmulator emulator, String delivery)
      throws IOException {
    List<Review> reviews =
        kafka.await(
            Topics.REVIEWS, EventSerdes.review(), r -> r.deliveryId().equals(delivery), 1, WAIT);
    OUT.println("== " + Topics.REVIEWS);
    if (reviews.isEmpty()) {
      OUT.println("  no review within " + WAIT + "; see the reviewer log");
      printDeadLetters(kafka);
      return 1;
    }
    Review review = reviews.get(0);
    OUT.printf(
        "  key %s  %d suggestions over %d files at %s%n",
        review.key(), review.suggestions().size(), review.filesReviewed(), review.headSha());
    if (review.suggestions().isEmpty()) {
      OUT.println("  nothing to say: the publisher posts no review when there is nothing new");
      return 0;
    }
    if (emulator == null) {
      OUT.println();
      OUT.println(
          "The publisher posts the review on https://github.com/"
              + review.repository()
              + "/pull/"
              + review.pullRequestNumber());
      return 0;
    }
    String path =
        "/repos/" + review.repository() + "/pulls/" + review.pullRequestNumber() + "/reviews";
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (emulator.requests("POST", path).isEmpty() && System.nanoTime() < deadline) {
      sleep(200);
    }
    var posts = emulator.requests("POST", path);
    if (posts.isEmpty()) {
      OUT.println("  nothing posted to GitHub within " + WAIT + "; see the publisher log");
      printDeadLetters(kafka);
      return 1;
    }
    OUT.println();
    OUT.println(
        "== on GitHub: "
            + review.repository()
            + "#"
            + review.pullRequestNumber()
            + " (POST "
            + path
            + ")");
    JsonNode posted = EventJson.mapper().readTree(posts.get(posts.size() - 1).body());
    OUT.println(
        "attentive-bot commented (event "
            + posted.path("event").asText()
            + ", commit "
            + posted.path("commit_id").asText()
            + ")");
    OUT.println(indent(posted.path("body").asText()));
    for (JsonNode comment : posted.path("comments")) {
      int line = comment.path("line").asInt();
      String lines =
          comment.hasNonNull("start_line")
              ? "lines " + comment.path("start_line").asInt() + "-" + line
              : "line " + line;
      OUT.println("---- " + comment.path("path").asText() + " " + lines);
      OUT.println(indent(comment.path("body").asText()));
    }
    return 0;
  }

  private static void printDeadLetters(EmbeddedKafka kafka) {
    kafka
        .await(Topics.DEAD_LETTERS, EventSerdes.deadLetter(), l -> true, 10, Duration.ofSeconds(2))
        .forEach(l -> OUT.println("  dead letter from " + l.service() + ": " + l.error()));
  }

  private static String indent(String text) {
    return text.lines().map(l -> "  | " + l).reduce((a, b) -> a + "\n" + b).orElse("  |");
  }

  /**
   * A {@code pull_request.synchronize} payload for a real PR, built from GitHub's own PR object.
   */
  private static byte[] realPullRequestPayload(String api, String token, String repo, int number)
      throws IOException, InterruptedException {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(api + "/repos/" + repo + "/pulls/" + number))
                    .header("Accept", "application/vnd.github+json")
                    .header("Authorization", "Bearer " + token)
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(
          "GitHub answered " + r.statusCode() + " for " + repo + "#" + number + ": " + r.body());
    }
    JsonNode pr = EventJson.mapper().readTree(r.body());
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("action", "synchronize");
    root.put("number", number);
    root.set("pull_request", pr);
    root.set("repository", pr.path("base").path("repo"));
    root.set("sender", pr.path("user"));
    return EventJson.mapper().writeValueAsBytes(root);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
