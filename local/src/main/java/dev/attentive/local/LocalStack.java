package dev.attentive.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.DiffLine;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Hunk;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Topics;
import dev.attentive.events.WebhookDelivery;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The whole local pipeline in one command: an in-JVM KRaft broker, the GitHub emulator (or real GitHub), and the
 * services as their own JVMs; then one signed webhook through it, and what came out, printed.
 */
final class LocalStack {

  static final String EMULATOR_TOKEN = "ghp_local_demo_token";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final PrintStream OUT = System.out;

  private LocalStack() {}

  static int run(Options options) throws Exception {
    StackConfig config = StackConfig.fromEnvironment();
    String repo = options.get("repo", DemoPullRequest.REPO);
    int number = options.getInt("pr", DemoPullRequest.NUMBER);
    if (config.realGitHub() && !options.named().containsKey("repo")) {
      System.err.println("GITHUB_TOKEN is set, so real GitHub is used: name a pull request with --repo OWNER/NAME"
          + " --pr N (or set ATTENTIVE_GITHUB=emulator)");
      return 2;
    }
    OUT.println("== Attentive local stack");
    try (EmbeddedKafka kafka = EmbeddedKafka.start(3);
        GitHubEmulator emulator = config.realGitHub() ? null : GitHubEmulator.start()) {
      OUT.println("broker   " + kafka.bootstrapServers() + " (KRaft, in this JVM)");
      String apiUrl;
      String token;
      if (emulator != null) {
        DemoPullRequest.serveOn(emulator);
        emulator.requireToken(EMULATOR_TOKEN);
        apiUrl = emulator.baseUrl();
        token = EMULATOR_TOKEN;
        OUT.println("github   emulator at " + apiUrl + " serving " + repo + "#" + number);
      } else {
        apiUrl = config.githubApiUrl();
        token = config.githubToken().orElseThrow();
        OUT.println("github   " + apiUrl + " (token from GITHUB_TOKEN)");
      }
      Path state = config.workDir().resolve("ingest-state");
      deleteRecursively(state);
      int port = freeOr(config.ingestPort());
      Map<String, String> env = new HashMap<>(Map.of(
          "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
          "ATTENTIVE_WEBHOOK_SECRET", config.webhookSecret(),
          "GITHUB_API_URL", apiUrl,
          "GITHUB_TOKEN", token,
          "ATTENTIVE_STATE_DIR", state.toString()));
      try (ServiceProcess ingest = ServiceProcess.start("ingest", config.ingestJar(), port, env, config.workDir())) {
        ingest.awaitReady(WAIT);
        OUT.println("ingest   " + ingest.baseUrl() + "/webhooks/github (log: " + config.root().relativize(ingest.log())
            + ")");
        byte[] payload = emulator != null ? DemoPullRequest.webhookPayload()
            : realPullRequestPayload(apiUrl, token, repo, number);
        String delivery = UUID.randomUUID().toString();
        OUT.println();
        OUT.println("-> POST /webhooks/github  X-GitHub-Event: pull_request  X-GitHub-Delivery: " + delivery
            + "  (" + payload.length + " bytes, signed)");
        HttpResponse<String> answer = post(ingest.baseUrl() + "/webhooks/github", delivery, payload,
            config.webhookSecret());
        OUT.println("<- " + answer.statusCode() + " " + answer.body());
        if (answer.statusCode() != 202) {
          return 1;
        }
        int code = printWhatLanded(kafka, delivery);
        if (options.flag("keep-running")) {
          OUT.println();
          OUT.println("Running. Post signed webhooks to " + ingest.baseUrl() + "/webhooks/github (secret from"
              + " ATTENTIVE_WEBHOOK_SECRET); Ctrl-C stops everything.");
          CountDownLatch stop = new CountDownLatch(1);
          Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
          stop.await();
        }
        return code;
      }
    }
  }

  private static int printWhatLanded(EmbeddedKafka kafka, String delivery) {
    List<DiffManifest> manifests = kafka.await(Topics.DIFF_MANIFESTS, EventSerdes.diffManifest(),
        m -> m.deliveryId().equals(delivery), 1, WAIT);
    List<WebhookDelivery> stored = kafka.await(Topics.WEBHOOK_DELIVERIES, EventSerdes.webhookDelivery(),
        d -> d.deliveryId().equals(delivery), 1, Duration.ofSeconds(5));
    OUT.println();
    OUT.println("== " + Topics.WEBHOOK_DELIVERIES);
    for (WebhookDelivery d : stored) {
      OUT.printf("  key %s  %s.%s  delivery %s  %,d bytes  installation %s%n", d.key(), d.event(), d.action(),
          d.deliveryId(), d.body().length(), d.installationId());
    }
    if (manifests.isEmpty()) {
      OUT.println("no manifest for delivery " + delivery + " within " + WAIT + "; see the ingest log and "
          + Topics.DEAD_LETTERS);
      kafka.await(Topics.DEAD_LETTERS, EventSerdes.deadLetter(), l -> true, 10, Duration.ofSeconds(2))
          .forEach(l -> OUT.println("  dead letter: " + l.error()));
      return 1;
    }
    DiffManifest manifest = manifests.get(0);
    List<PullRequestDiffChunk> chunks = kafka.await(Topics.DIFF_CHUNKS, EventSerdes.diffChunk(),
        c -> c.deliveryId().equals(delivery), manifest.chunkCount(), Duration.ofSeconds(10));
    chunks.sort(Comparator.comparingInt(PullRequestDiffChunk::chunkIndex));
    OUT.println("== " + Topics.DIFF_CHUNKS);
    for (PullRequestDiffChunk c : chunks) {
      OUT.printf("  [%d] key %s  %s  (%s, %s, +%d -%d)%n", c.chunkIndex(), c.key(), c.path(), c.language(),
          c.status().name().toLowerCase(), c.additions(), c.deletions());
      for (Hunk h : c.hunks()) {
        OUT.printf("      @@ -%d,%d +%d,%d @@ %s%n", h.oldStart(), h.oldLines(), h.newStart(), h.newLines(),
            h.section());
        for (DiffLine l : h.lines()) {
          OUT.printf("      %4s %4s %s%s%n", l.oldLine() == null ? "" : l.oldLine(),
              l.newLine() == null ? "" : l.newLine(), switch (l.kind()) {
                case ADDED -> "+";
                case REMOVED -> "-";
                case CONTEXT -> " ";
              }, l.text());
        }
      }
    }
    OUT.println("== " + Topics.DIFF_MANIFESTS);
    OUT.printf("  key %s  %d chunks of %d files at %s (%s)%s%n", manifest.key(), manifest.chunkCount(),
        manifest.filesListed(), manifest.headSha(), manifest.trigger(), manifest.truncated() ? ", TRUNCATED" : "");
    manifest.skipped().forEach(s -> OUT.println("  skipped " + s.path() + " (" + s.reason() + ")"));
    return chunks.size() == manifest.chunkCount() ? 0 : 1;
  }

  static HttpResponse<String> post(String url, String delivery, byte[] payload, String secret)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("X-GitHub-Event", "pull_request")
        .header("X-GitHub-Delivery", delivery)
        .header("X-Hub-Signature-256", sign(payload, secret))
        .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  static String sign(byte[] body, String secret) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A {@code pull_request.synchronize} payload for a real PR, built from GitHub's own PR object. */
  private static byte[] realPullRequestPayload(String api, String token, String repo, int number)
      throws IOException, InterruptedException {
    HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create(api + "/repos/" + repo + "/pulls/" + number))
        .header("Accept", "application/vnd.github+json")
        .header("Authorization", "Bearer " + token)
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GitHub answered " + r.statusCode() + " for " + repo + "#" + number + ": "
          + r.body());
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

  private static int freeOr(int preferred) throws IOException {
    try (ServerSocket s = new ServerSocket(preferred)) {
      return preferred;
    } catch (IOException busy) {
      try (ServerSocket s = new ServerSocket(0)) {
        return s.getLocalPort();
      }
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
