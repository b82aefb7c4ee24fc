package dev.attentive.local;

import dev.attentive.events.DeadLetter;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Review;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.GitHubFault;
import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedReview;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * One run of the chaos workload on a fresh {@link ChaosStack}: with {@code plan} empty it is the
 * oracle; otherwise the faults are injected while the pushes are delivered, the dead letters are
 * replayed once the faults have stopped, and the run waits (bounded) until what GitHub got matches
 * the oracle.
 */
final class ChaosRun {

  /** The hidden markers carry MACs and delivery ids: compared without them. */
  private static final Pattern MARKER = Pattern.compile("<!--\\s*attentive:[^>]*-->");

  /**
   * How long a run that is still incomplete may stand still before it is given up: past the
   * services' producer transaction timeout (300 s). A service killed with an open transaction comes
   * back under a new transactional id (its stores are in memory, so Kafka Streams draws a new
   * process id), and read_committed readers of that transaction's partitions wait until the broker
   * aborts it.
   */
  private static final Duration IDLE = Duration.ofMinutes(6);

  /** One inline comment as GitHub holds it, markers removed. */
  record CommentKey(
      String repository, int number, String path, int line, Integer startLine, String body) {}

  /** A pull request's head. */
  record HeadKey(String repository, int number, String head) {}

  /** A fault as injected, with when it started and ended. */
  record Injected(String kind, String what, Instant at, Instant end) {}

  /** What a run left on GitHub and Kafka, and what it took. */
  record Outcome(
      Map<CommentKey, Integer> comments,
      Map<HeadKey, Integer> reviewsPerHead,
      Set<HeadKey> headsReviewedOnKafka,
      List<Instant> reviewTimes,
      Map<String, Integer> deadLetters,
      Map<String, Integer> deadLettersReplayed,
      int webhooksSent,
      int redelivered,
      int duplicated,
      int outOfOrder,
      List<Injected> faults,
      boolean converged,
      Duration took) {

    int reviewsPosted() {
      return reviewsPerHead.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /** What to do to the stack, seeded. */
  record Plan(
      long seed,
      int killsPerService,
      int brokerRestarts,
      List<GitHubFault> storms,
      Duration stormLength,
      double duplicateRate,
      double redeliveryRate,
      double outOfOrderRate) {

    static final Plan NONE = new Plan(0, 0, 0, List.of(), Duration.ZERO, 0, 0, 0);

    boolean faulty() {
      return !equals(NONE);
    }
  }

  private final ChaosWorkload workload;
  private final Plan plan;
  private final Duration pace;
  private final Instant deadline;
  private final PrintStream log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Injected> injected = new CopyOnWriteArrayList<>();
  private final AtomicInteger sent = new AtomicInteger();
  private final AtomicInteger redelivered = new AtomicInteger();
  private int duplicated;
  private int outOfOrder;
  private ChaosStack stack;
  private String secret;

  ChaosRun(ChaosWorkload workload, Plan plan, Duration pace, Instant deadline, PrintStream log) {
    this.workload = workload;
    this.plan = plan;
    this.pace = pace;
    this.deadline = deadline;
    this.log = log;
  }

  /**
   * Runs the workload; {@code oracle} (null for the oracle run itself) is what GitHub must have got
   * at the end.
   */
  Outcome run(Path root, Path workDir, Outcome oracle) throws Exception {
    long start = System.nanoTime();
    secret = "chaos-" + workload.seed();
    LocalStack.deleteRecursively(workDir);
    try (ChaosStack started = ChaosStack.start(root, workDir, secret, 3)) {
      stack = started;
      GitHubEmulator github = stack.github();
      workload.serveContents(github);
      log.printf("  stack up after %.0f s (%s)%n", (System.nanoTime() - start) / 1e9, workDir);
      Thread faults = new Thread(this::injectFaults, "chaos-faults");
      faults.setDaemon(true);
      if (plan.faulty()) {
        faults.start();
      }
      deliverAll();
      faults.join(Duration.between(Instant.now(), deadline).toMillis() + 1);
      log.printf("  delivered %d webhooks; faults done%n", sent.get());
      Map<String, Integer> deadLetters = new TreeMap<>();
      Map<String, Integer> replayed = new TreeMap<>();
      boolean converged = awaitConvergence(oracle, deadLetters, replayed);
      Outcome outcome = collect(deadLetters, replayed, converged, System.nanoTime() - start);
      stack = null;
      return outcome;
    }
  }

  // ---- pushes ----

  private void deliverAll() throws Exception {
    Random random = new Random(plan.seed() + 2);
    List<ChaosWorkload.Push> heldBack = new ArrayList<>();
    List<ChaosWorkload.Push> redeliverLater = new ArrayList<>();
    for (ChaosWorkload.Push push : workload.pushes()) {
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("time bound reached while delivering");
      }
      push.register(stack.github());
      boolean hold = !push.last() && random.nextDouble() < plan.outOfOrderRate();
      boolean duplicate = random.nextDouble() < plan.duplicateRate();
      if (hold) {
        // Its webhook arrives after the next push's (an older head's webhook after a newer one).
        heldBack.add(push);
        outOfOrder++;
      } else {
        deliver(push);
        for (var held : List.copyOf(heldBack)) {
          if (held.pullRequest().equals(push.pullRequest())) {
            heldBack.remove(held);
            deliver(held);
          }
        }
      }
      if (duplicate && !hold) {
        duplicated++;
        deliver(push);
      }
      if (random.nextDouble() < plan.redeliveryRate()) {
        redeliverLater.add(push);
      }
      Thread.sleep(pace.toMillis());
    }
    for (var push : redeliverLater) {
      redelivered.incrementAndGet();
      deliver(push);
    }
  }

  /**
   * Delivers until ingest answers 2xx: while it is down or the broker is, GitHub's delivery fails
   * and is redelivered (same id and body).
   */
  private void deliver(ChaosWorkload.Push push) throws Exception {
    byte[] body = push.payload();
    HttpRequest request =
        HttpRequest.newBuilder(java.net.URI.create(stack.webhookUrl()))
            .timeout(Duration.ofSeconds(15))
            .header("Content-Type", "application/json")
            .header("User-Agent", "GitHub-Hookshot/attentive-chaos")
            .header("X-GitHub-Event", "pull_request")
            .header("X-GitHub-Delivery", push.deliveryId())
            .header("X-Hub-Signature-256", Webhook.sign(body, secret))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    for (int attempt = 1; ; attempt++) {
      sent.incrementAndGet();
      if (attempt > 1) {
        redelivered.incrementAndGet();
      }
      try {
        int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status / 100 == 2) {
          return;
        }
        if (status / 100 == 4) {
          throw new IllegalStateException(
              "ingest refused delivery " + push.deliveryId() + ": " + status);
        }
      } catch (IOException down) {
        // ingest is down: GitHub's delivery fails
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("ingest did not accept " + push.deliveryId() + " in time");
      }
      Thread.sleep(1000);
    }
  }

  // ---- faults ----

  private record Event(long atMillis, String kind, String target, GitHubFault storm) {}

  private List<Event> schedule() {
    Random random = new Random(plan.seed() + 1);
    long window = Math.max(10_000, workload.pushes().size() * pace.toMillis());
    List<Event> events = new ArrayList<>();
    for (String service : Pipeline.SERVICES) {
      for (int k = 0; k < plan.killsPerService(); k++) {
        events.add(new Event(at(random, window), "kill -9", service, null));
      }
    }
    for (int k = 0; k < plan.brokerRestarts(); k++) {
      events.add(
          new Event(at(random, window), k % 2 == 0 ? "broker stop" : "broker kill -9", "", null));
    }
    for (GitHubFault storm : plan.storms()) {
      events.add(new Event(at(random, window), "storm", storm.toString(), storm));
    }
    events.sort(java.util.Comparator.comparingLong(Event::atMillis));
    return events;
  }

  private static long at(Random random, long window) {
    return (long) (window * (0.1 + 0.8 * random.nextDouble()));
  }

  private void injectFaults() {
    Random random = new Random(plan.seed() + 3);
    long start = System.nanoTime();
    try {
      for (Event e : schedule()) {
        long wait = e.atMillis() - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
          Thread.sleep(wait);
        }
        Instant at = Instant.now();
        switch (e.kind()) {
          case "kill -9" -> {
            stack.kill9(e.target());
            Thread.sleep(random.nextInt(3000));
            stack.restart(e.target());
          }
          case "broker stop", "broker kill -9" -> {
            if (e.kind().equals("broker stop")) {
              stack.broker().stop();
            } else {
              stack.broker().kill9();
            }
            Thread.sleep(3000 + random.nextInt(4000));
            stack.broker().start();
          }
          default -> {
            try (var storm = stack.github().storm(e.storm(), "ANY", "/repos/.*")) {
              Thread.sleep(plan.stormLength().toMillis());
            }
          }
        }
        injected.add(new Injected(e.kind(), e.target(), at, Instant.now()));
        log.printf(
            "  fault: %s %s at +%.0f s, over after %.0f s%n",
            e.kind(), e.target(), e.atMillis() / 1e3, secondsSince(at));
      }
    } catch (Exception e) {
      log.println("  fault injection stopped: " + e);
    }
  }

  private static double secondsSince(Instant at) {
    return Duration.between(at, Instant.now()).toMillis() / 1000.0;
  }

  // ---- the end ----

  /**
   * Waits until every pull request's newest head has its review on Kafka and GitHub has every
   * comment of the oracle (the oracle itself: every delivery reviewed), then until nothing more is
   * posted for a while (a late repeat would show). Dead letters are replayed as they come.
   */
  private boolean awaitConvergence(
      Outcome oracle, Map<String, Integer> deadLetters, Map<String, Integer> replayed)
      throws Exception {
    Set<String> replayedOffsets = new HashSet<>();
    Set<String> expectedDeliveries = new HashSet<>();
    for (var p : workload.pushes()) {
      if (oracle == null || p.last()) {
        expectedDeliveries.add(p.deliveryId());
      }
    }
    int lastCount = -1;
    long stableSince = System.nanoTime();
    Duration settle = Duration.ofSeconds(15);
    int rounds = 0;
    while (Instant.now().isBefore(deadline)) {
      replayDeadLetters(replayedOffsets, deadLetters, replayed);
      Set<String> reviewed = new HashSet<>();
      for (Review r : reviews()) {
        reviewed.add(r.deliveryId());
      }
      Map<CommentKey, Integer> comments = comments();
      boolean complete =
          reviewed.containsAll(expectedDeliveries)
              && (oracle == null || comments.keySet().containsAll(oracle.comments().keySet()));
      int count = comments.values().stream().mapToInt(Integer::intValue).sum() + posted().size();
      if (count != lastCount) {
        lastCount = count;
        stableSince = System.nanoTime();
      }
      long quiet = System.nanoTime() - stableSince;
      if (complete && quiet > settle.toNanos()) {
        return true;
      }
      if (quiet > IDLE.toNanos()) {
        // nothing moves any more: what is missing now stays missing
        log.printf("  nothing posted for %d s and still incomplete: giving up%n", IDLE.toSeconds());
        return false;
      }
      if (++rounds % 15 == 0) {
        log.printf(
            "  waiting: %d of %d deliveries reviewed, %d comments%s%n",
            expectedDeliveries.stream().filter(reviewed::contains).count(),
            expectedDeliveries.size(),
            comments.size(),
            oracle == null ? "" : " of " + oracle.comments().size());
      }
      Thread.sleep(2000);
    }
    return false;
  }

  private void replayDeadLetters(
      Set<String> done, Map<String, Integer> byReason, Map<String, Integer> replayed)
      throws Exception {
    List<ConsumerRecord<String, byte[]>> records = read(Topics.DEAD_LETTERS);
    for (var r : records) {
      String id = r.partition() + "@" + r.offset();
      if (!done.add(id)) {
        continue;
      }
      DeadLetter letter = EventSerdes.deadLetter().deserialize(Topics.DEAD_LETTERS, r.value());
      String reason = letter.service() + " " + reason(letter.error());
      byReason.merge(reason, 1, Integer::sum);
      if (plan.faulty()) {
        // After the faults: the cause is gone, so the replay must go through.
        try (var producer = producer()) {
          producer
              .send(new ProducerRecord<>(letter.sourceTopic(), letter.key(), letter.value()))
              .get(30, TimeUnit.SECONDS);
        }
        replayed.merge(reason, 1, Integer::sum);
        log.printf("  replayed dead letter %s (%s)%n", reason, letter.key());
      }
    }
  }

  static String reason(String error) {
    if (error == null) {
      return "unknown";
    }
    int end = 0;
    while (end < error.length()
        && (Character.isLetterOrDigit(error.charAt(end)) || error.charAt(end) == '_')) {
      end++;
    }
    return end == 0 ? "unknown" : error.substring(0, end);
  }

  private Outcome collect(
      Map<String, Integer> deadLetters,
      Map<String, Integer> replayed,
      boolean converged,
      long tookNanos)
      throws Exception {
    Map<HeadKey, Integer> perHead = new HashMap<>();
    List<Instant> times = new ArrayList<>();
    for (var entry : posted().entrySet()) {
      PostedReview review = entry.getValue();
      perHead.merge(
          new HeadKey(entry.getKey().repository(), entry.getKey().number(), review.commitId()),
          1,
          Integer::sum);
      times.add(review.submittedAt());
    }
    times.sort(null);
    Set<HeadKey> onKafka = new HashSet<>();
    for (Review r : reviews()) {
      onKafka.add(new HeadKey(r.repository(), r.pullRequestNumber(), r.headSha()));
    }
    return new Outcome(
        comments(),
        perHead,
        onKafka,
        times,
        deadLetters,
        replayed,
        sent.get(),
        redelivered.get(),
        duplicated,
        outOfOrder,
        List.copyOf(injected),
        converged,
        Duration.ofNanos(tookNanos));
  }

  private record PostedAt(String repository, int number, long id) {}

  /** Every review GitHub accepted, by pull request and review id. */
  private Map<PostedAt, PostedReview> posted() {
    Map<PostedAt, PostedReview> all = new HashMap<>();
    Set<String> prs = new HashSet<>();
    for (var p : workload.pushes()) {
      if (prs.add(p.pullRequest())) {
        for (PostedReview r : stack.github().reviewsPosted(p.repository(), p.number())) {
          all.put(new PostedAt(p.repository(), p.number(), r.id()), r);
        }
      }
    }
    return all;
  }

  private Map<CommentKey, Integer> comments() {
    Map<CommentKey, Integer> all = new HashMap<>();
    for (var entry : posted().entrySet()) {
      for (PostedComment c : entry.getValue().comments()) {
        all.merge(
            new CommentKey(
                entry.getKey().repository(),
                entry.getKey().number(),
                c.path(),
                c.line(),
                c.startLine(),
                MARKER.matcher(c.body()).replaceAll("").strip()),
            1,
            Integer::sum);
      }
    }
    return all;
  }

  private List<Review> reviews() {
    List<Review> out = new ArrayList<>();
    for (var r : read(Topics.REVIEWS)) {
      try {
        out.add(EventSerdes.review().deserialize(Topics.REVIEWS, r.value()));
      } catch (RuntimeException unreadable) {
        // not a review of ours
      }
    }
    return out;
  }

  /** Every committed record of a topic, read from the beginning to its end. */
  private List<ConsumerRecord<String, byte[]>> read(String topic) {
    Properties props = new Properties();
    props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
    props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
    try (var consumer =
        new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
      long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
          && System.nanoTime() < until) {
        consumer.poll(Duration.ofMillis(200)).forEach(out::add);
      }
    }
    return out;
  }

  private KafkaProducer<String, byte[]> producer() {
    Properties props = new Properties();
    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.broker().bootstrapServers());
    props.put(ProducerConfig.ACKS_CONFIG, "all");
    return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
  }
}
