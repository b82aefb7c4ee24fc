package dev.attentive.local;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.kafka.EmbeddedKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop load on ingest over loopback: signed {@code pull_request} webhooks at a fixed rate,
 * each answered only after Kafka acknowledged it (acks=all). Latency is measured from each
 * request's scheduled send time, so a stall shows up in the numbers instead of silently lowering
 * the rate (no coordinated omission).
 */
final class IngestBenchmark {

  private IngestBenchmark() {}

  static int run(Options options) throws Exception {
    int rate = options.getInt("rate", 200);
    int seconds = options.getInt("seconds", 30);
    int warmup = options.getInt("warmup", 10);
    StackConfig config = StackConfig.fromEnvironment();
    System.out.printf("ingest JVM options: %s%n", options.get("ingest-jvm", "-Xmx512m"));
    System.out.printf(
        "== ingest benchmark: %d req/s for %d s after %d s warm-up, %d cores, Java %s%n",
        rate,
        seconds,
        warmup,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    LocalStack.deleteRecursively(config.workDir());
    String jvm = options.get("ingest-jvm", "-Xmx512m");
    try (Pipeline pipeline =
        Pipeline.start(
            config.root(),
            config.workDir(),
            config.webhookSecret(),
            null,
            Pipeline.EMULATOR_TOKEN,
            0,
            java.util.List.of("ingest"),
            java.util.List.of(jvm.split(" ")))) {
      EmbeddedKafka kafka = pipeline.kafka();
      GitHubEmulator github = pipeline.github();
      DemoPullRequest.serveOn(github);
      byte[] payload = DemoPullRequest.webhookPayload();
      String signature = Webhook.sign(payload, config.webhookSecret());
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI endpoint = URI.create(pipeline.webhookUrl());

      phase(http, endpoint, payload, signature, rate, warmup, "warmup");
      github.wireMock().resetRequests(); // the emulator's request journal is not what is measured
      Result result = phase(http, endpoint, payload, signature, rate, seconds, "run");
      result.print(rate, seconds);
      long stored =
          kafka.readRaw(Topics.WEBHOOK_DELIVERIES, Integer.MAX_VALUE, Duration.ofSeconds(3)).size();
      System.out.printf(
          "deliveries on %s: %d (warm-up and run, sent %d, non-202 in run %d)%n",
          Topics.WEBHOOK_DELIVERIES, stored, rate * (warmup + seconds), result.failures());
      long manifests =
          kafka
              .await(
                  Topics.DIFF_MANIFESTS,
                  EventSerdes.diffManifest(),
                  m -> true,
                  Integer.MAX_VALUE,
                  Duration.ofSeconds(3))
              .size();
      System.out.printf("PR fetches completed so far (manifests): %d%n", manifests);
      return 0;
    }
  }

  private record Result(
      long[] latenciesNanos, int sent, Map<Integer, Integer> statuses, double elapsedSeconds) {

    int failures() {
      return statuses.entrySet().stream()
          .filter(e -> e.getKey() != 202)
          .mapToInt(Map.Entry::getValue)
          .sum();
    }

    void print(int rate, int seconds) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      System.out.printf(
          "requests %d, answered %d in %.1f s -> throughput %.1f req/s (target %d)%n",
          sent, sorted.length, elapsedSeconds, sorted.length / elapsedSeconds, rate);
      System.out.printf(
          "ack latency ms: p50 %.2f  p90 %.2f  p99 %.2f  p99.9 %.2f  max %.2f%n",
          pct(sorted, 50),
          pct(sorted, 90),
          pct(sorted, 99),
          pct(sorted, 99.9),
          sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
      System.out.println("statuses " + new TreeMap<>(statuses));
    }

    private static double pct(long[] sorted, double p) {
      if (sorted.length == 0) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
  }

  private static Result phase(
      HttpClient http,
      URI endpoint,
      byte[] payload,
      String signature,
      int rate,
      int seconds,
      String name)
      throws InterruptedException {
    int total = rate * seconds;
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long[] latencies = new long[total];
    Arrays.fill(latencies, -1);
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    AtomicInteger done = new AtomicInteger();
    long start = System.nanoTime();
    for (int i = 0; i < total; i++) {
      long scheduled = start + i * interval;
      long wait = scheduled - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      final int index = i;
      HttpRequest request =
          Webhook.request(
              endpoint.toString(),
              "pull_request",
              name + "-" + i + "-" + java.util.UUID.randomUUID(),
              payload,
              signature);
      http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
          .whenComplete(
              (response, error) -> {
                latencies[index] = System.nanoTime() - scheduled;
                statuses.merge(error != null ? -1 : response.statusCode(), 1, Integer::sum);
                done.incrementAndGet();
              });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (done.get() < total && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    long[] answered = Arrays.stream(latencies).filter(l -> l >= 0).toArray();
    return new Result(answered, total, statuses, elapsed);
  }
}
