package dev.attentive.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.FileStatus;
import dev.attentive.events.PatchParser;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.Review;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RepositoryContents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Push → review posted, through the whole local pipeline (ingest, reviewer, publisher as their own
 * JVMs, broker and GitHub emulator here), for a PR that adds a 500-line Java file; then the
 * reviewer's throughput on chunks written straight to Kafka.
 */
final class PipelineBenchmark {

  static final String REPO = "attentive-bench/app";

  private PipelineBenchmark() {}

  static int run(Options options) throws Exception {
    int pushes = options.getInt("pushes", 20);
    int lines = options.getInt("lines", 500);
    int chunkCount = options.getInt("chunks", 200);
    // The publisher spaces review POSTs of one installation >= 1 s apart (GitHub's content-creation
    // limit): with one
    // installation for all pushes that spacing is what gets measured. By default each push is its
    // own installation.
    boolean sameInstallation = options.flag("same-installation");
    int reviewers = options.getInt("reviewers", 1);
    int partitions = options.getInt("partitions", Pipeline.Scale.SINGLE.partitions());
    // Null: the reviewer's own default (attentive.reviewer.analyzers).
    String analyzers = options.named().get("analyzers");
    StackConfig config = StackConfig.fromEnvironment();
    System.out.printf(
        "== pipeline benchmark: %d pushes of a %d-line Java file, then %d chunks; %d reviewer(s),"
            + " %d partitions, analyzers %s; %d cores, Java %s%n",
        pushes,
        lines,
        chunkCount,
        reviewers,
        partitions,
        analyzers == null ? "(reviewer default)" : analyzers,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    LocalStack.deleteRecursively(config.workDir());
    try (Pipeline pipeline =
        Pipeline.start(
            config.root(),
            config.workDir(),
            config.webhookSecret(),
            null,
            Pipeline.EMULATOR_TOKEN,
            0,
            Pipeline.SERVICES,
            List.of("-Xmx768m", SyntheticJava.ENFORCE_FORMATTER),
            new Pipeline.Scale(partitions, Map.of("reviewer", reviewers), analyzers, null))) {
      GitHubEmulator github = pipeline.github();
      long[] latencies = new long[pushes];
      // Warm-ups wait for a review POST: with analyzers that find nothing on these files (the model
      // alone) no review is posted, so --warmups 0.
      int warmups = options.getInt("warmups", 2);
      for (int i = -warmups; i < pushes; i++) {
        int number = 100 + warmups + i;
        String head = String.format("%040x", 0xbe7cL * 1000 + number);
        String path = "src/main/java/bench/Service" + number + ".java";
        String source = SyntheticJava.source("bench", "Service" + number, lines, number);
        github
            .pullRequest(REPO, number)
            .head(head)
            .base("0".repeat(40))
            .file(path, "added", SyntheticJava.newFilePatch(source))
            .register();
        RepositoryContents.serve(github, REPO, head, path, source);
        String reviews = "/repos/" + REPO + "/pulls/" + number + "/reviews";
        long start = System.nanoTime();
        var answer =
            pipeline.deliver(
                "pull_request",
                UUID.randomUUID().toString(),
                payload(number, head, sameInstallation ? 1 : number));
        if (answer.statusCode() != 202) {
          throw new IllegalStateException(
              "ingest answered " + answer.statusCode() + " " + answer.body());
        }
        while (github.requests("POST", reviews).isEmpty()) {
          // Loose: a first review on a busy machine (JIT, model start-up) can take minutes.
          if (System.nanoTime() - start > Duration.ofMinutes(5).toNanos()) {
            throw new IllegalStateException(
                "no review for " + REPO + "#" + number + " within 5 minutes");
          }
          Thread.sleep(5);
        }
        long elapsed = System.nanoTime() - start;
        if (i >= 0) {
          latencies[i] = elapsed;
        }
        System.out.printf(
            "  push %s#%d: review posted after %.0f ms%s%n",
            REPO, number, elapsed / 1e6, i < 0 ? " (warm-up)" : "");
      }
      if (pushes > 0) {
        Arrays.sort(latencies);
        System.out.printf(
            "push -> review posted (%d-line Java file, %d pushes, %s): p50 %.0f ms  p95 %.0f ms"
                + "  max %.0f ms%n",
            lines,
            pushes,
            sameInstallation ? "one installation" : "one installation each",
            pct(latencies, 50),
            pct(latencies, 95),
            latencies[pushes - 1] / 1e6);
      }

      // Reviewer throughput: chunks written straight to Kafka (one producer: its sends are not what
      // is measured), timed until every review is out.
      int perReview = 10;
      int reviewsExpected = chunkCount / perReview;
      String tag = UUID.randomUUID().toString().substring(0, 8);
      List<String> deliveries = new ArrayList<>();
      List<ServiceProcess> measured = pipeline.services();
      List<Duration> cpuBefore = measured.stream().map(ServiceProcess::cpuTime).toList();
      Duration benchCpuBefore = ownCpuTime();
      long start = System.nanoTime();
      try (KafkaProducer<String, byte[]> producer = producer(pipeline)) {
        for (int r = 0; r < reviewsExpected; r++) {
          String delivery = "bench-" + tag + "-" + r;
          deliveries.add(delivery);
          String key = REPO + "#" + (1000 + r);
          for (int c = 0; c < perReview; c++) {
            String path = "src/main/java/bench/Part" + c + ".java";
            String source = SyntheticJava.source("bench", "Part" + c, 100, r * perReview + c);
            PullRequestDiffChunk chunk =
                new PullRequestDiffChunk(
                    1,
                    delivery,
                    REPO,
                    1000 + r,
                    "b",
                    "h" + r,
                    1L,
                    path,
                    null,
                    FileStatus.ADDED,
                    "java",
                    c,
                    (int) source.lines().count(),
                    0,
                    PatchParser.parse(SyntheticJava.newFilePatch(source)),
                    source);
            producer.send(
                new ProducerRecord<>(
                    Topics.DIFF_CHUNKS,
                    key,
                    EventSerdes.diffChunk().serialize(Topics.DIFF_CHUNKS, chunk)));
          }
          producer.send(
              new ProducerRecord<>(
                  Topics.DIFF_MANIFESTS,
                  key,
                  EventSerdes.diffManifest()
                      .serialize(
                          Topics.DIFF_MANIFESTS,
                          new DiffManifest(
                              1,
                              delivery,
                              REPO,
                              1000 + r,
                              "b",
                              "h" + r,
                              1L,
                              "bench",
                              perReview,
                              perReview,
                              false,
                              List.of(),
                              Instant.now()))));
        }
      }
      List<Review> done =
          pipeline
              .kafka()
              .await(
                  Topics.REVIEWS,
                  EventSerdes.review(),
                  rv -> deliveries.contains(rv.deliveryId()),
                  reviewsExpected,
                  Duration.ofMinutes(10));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "reviewer throughput: %d chunks (100-line Java files) in %.1f s -> %.1f chunks/s (%d of %d"
              + " reviews out)%n",
          done.size() * perReview,
          seconds,
          done.size() * perReview / seconds,
          done.size(),
          reviewsExpected);
      // CPU each JVM used while the chunks were reviewed: chunks per core-second follow.
      for (int i = 0; i < measured.size(); i++) {
        ServiceProcess s = measured.get(i);
        double cpu = seconds(s.cpuTime().minus(cpuBefore.get(i)));
        System.out.printf(
            "  cpu %-11s %6.1f s = %.2f cores%s%n",
            s.name(),
            cpu,
            cpu / seconds,
            Pipeline.serviceOf(s.name()).equals("reviewer") && cpu > 0
                ? String.format(" -> %.1f chunks per CPU-second", done.size() * perReview / cpu)
                : "");
      }
      double benchCpu = seconds(ownCpuTime().minus(benchCpuBefore));
      System.out.printf(
          "  cpu %-11s %6.1f s = %.2f cores (broker, emulator, this benchmark)%n",
          "launcher", benchCpu, benchCpu / seconds);
      return done.size() == reviewsExpected ? 0 : 1;
    }
  }

  private static KafkaProducer<String, byte[]> producer(Pipeline pipeline) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            pipeline.kafka().bootstrapServers(),
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.MAX_REQUEST_SIZE_CONFIG,
            33554432),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private static Duration ownCpuTime() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  private static double seconds(Duration d) {
    return d.toNanos() / 1e9;
  }

  private static byte[] payload(int number, String head, long installation)
      throws java.io.IOException {
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("action", "opened").put("number", number);
    ObjectNode repo =
        EventJson.mapper().createObjectNode().put("full_name", REPO).put("name", "app");
    ObjectNode pr = root.putObject("pull_request");
    pr.put("number", number).put("state", "open").put("draft", false);
    pr.putObject("head").put("sha", head).put("ref", "bench-" + number);
    pr.putObject("base").put("sha", "0".repeat(40)).put("ref", "main");
    root.set("repository", repo);
    root.putObject("installation").put("id", installation);
    return EventJson.mapper().writeValueAsBytes(root);
  }

  private static double pct(long[] sorted, double p) {
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
  }
}
