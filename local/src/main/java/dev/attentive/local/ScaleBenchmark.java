package dev.attentive.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attentive.events.EventJson;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Topics;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.PostedComment;
import dev.attentive.testkit.github.PostedReview;
import dev.attentive.testkit.github.RepositoryContents;
import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code attentive bench scale}: several instances of each service on more partitions than one
 * instance would need, pull requests delivered while a reviewer is added and instances are killed
 * with {@code kill -9} (rebalances under load), then an account of what the GitHub emulator
 * received: every PR reviewed once, nothing lost, nothing posted twice.
 */
final class ScaleBenchmark {

  /**
   * What a run does.
   *
   * @param instances of each service at the start
   * @param pace between two deliveries
   * @param killIngestAndPublisher also kill one ingest and one publisher instance, not only a
   *     reviewer
   * @param await how long every PR may take to get its review
   * @param settle waited after the last review, for anything posted twice
   * @param reviewerTransactionTimeout null for the reviewer's own (5 min): how long the broker
   *     waits before it aborts the open transaction of a killed reviewer
   */
  record Plan(
      int prs,
      int partitions,
      int instances,
      long seed,
      Duration pace,
      boolean killIngestAndPublisher,
      Duration await,
      Duration settle,
      Duration reviewerTransactionTimeout) {}

  /**
   * What GitHub received, counted.
   *
   * @param lost PRs (owner/repo#n) that got no review
   * @param duplicatedComments the same path, line and body posted twice on one PR
   * @param duplicatedReviews a delivery's review posted more than once
   */
  record Outcome(
      int prsExpected,
      int redeliveries,
      int reviewsPosted,
      int commentsPosted,
      int chunks,
      List<String> lost,
      List<String> duplicatedComments,
      List<String> duplicatedReviews,
      Map<String, Integer> deadLetters,
      List<String> events) {

    boolean clean() {
      return lost.isEmpty() && duplicatedComments.isEmpty() && duplicatedReviews.isEmpty();
    }
  }

  static final String OWNER = "attentive-scale";
  static final List<String> SERVICES = Pipeline.SERVICES;

  private static final Pattern DELIVERY_MARKER =
      Pattern.compile("<!-- attentive:delivery=(\\S+) mac=");

  private ScaleBenchmark() {}

  static int run(Options options) throws Exception {
    Plan plan =
        new Plan(
            options.getInt("prs", 60),
            options.getInt("partitions", 4),
            options.getInt("instances", 2),
            Long.parseLong(options.get("seed", "16")),
            Duration.ofMillis(options.getInt("pace-ms", 500)),
            !options.flag("reviewer-only"),
            Duration.ofSeconds(options.getInt("await-s", 600)),
            Duration.ofSeconds(options.getInt("settle-s", 15)),
            options.named().containsKey("reviewer-transaction-timeout-s")
                ? Duration.ofSeconds(options.getInt("reviewer-transaction-timeout-s", 300))
                : null);
    StackConfig config = StackConfig.fromEnvironment();
    System.out.printf(
        "== scale benchmark: %d PRs, %d instances of each service, %d partitions, seed %d;"
            + " %d cores, Java %s%n",
        plan.prs(),
        plan.instances(),
        plan.partitions(),
        plan.seed(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    // Its own directory, not .local-stack: another benchmark may be running from this checkout.
    Path work = Files.createTempDirectory("attentive-scale-bench");
    System.out.println("service logs and state: " + work);
    try (Pipeline pipeline = start(config, work, plan, List.of("-Xmx768m"))) {
      Outcome outcome = run(pipeline, plan, System.out);
      print(outcome, System.out);
      return outcome.clean() ? 0 : 1;
    }
  }

  static Pipeline start(StackConfig config, Path workDir, Plan plan, List<String> jvm)
      throws IOException, InterruptedException {
    Map<String, Integer> instances = new HashMap<>();
    SERVICES.forEach(s -> instances.put(s, plan.instances()));
    List<String> options = new java.util.ArrayList<>(jvm);
    options.add(SyntheticJava.ENFORCE_FORMATTER);
    return Pipeline.start(
        config.root(),
        workDir,
        config.webhookSecret(),
        null,
        Pipeline.EMULATOR_TOKEN,
        0,
        SERVICES,
        options,
        new Pipeline.Scale(plan.partitions(), instances, null, plan.reviewerTransactionTimeout()));
  }

  /**
   * Delivers the PRs at the plan's pace; a third of the way in a reviewer is added (in the
   * background: deliveries go on while it starts), half-way the second reviewer is killed with
   * {@code kill -9}, two thirds in the second ingest and publisher too; then waits for the reviews
   * and counts.
   */
  static Outcome run(Pipeline pipeline, Plan plan, PrintStream log) throws Exception {
    GitHubEmulator github = pipeline.github();
    Random random = new Random(plan.seed());
    List<PullRequest> prs = new ArrayList<>();
    for (int i = 1; i <= plan.prs(); i++) {
      prs.add(serve(github, random, i));
    }
    List<String> events = new ArrayList<>();
    long start = System.nanoTime();
    CompletableFuture<ServiceProcess> added = null;
    int redeliveries = 0;
    for (int i = 0; i < prs.size(); i++) {
      if (i == prs.size() / 3) {
        note(events, at(start) + "add a reviewer", log);
        added =
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    ServiceProcess p = pipeline.addInstance("reviewer");
                    note(events, at(start) + p.name() + " ready", log);
                    return p;
                  } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException("no third reviewer: " + e, e);
                  }
                });
      }
      if (i == prs.size() / 2) {
        note(events, at(start) + kill(pipeline, "reviewer"), log);
      }
      if (i == 2 * prs.size() / 3 && plan.killIngestAndPublisher()) {
        note(events, at(start) + kill(pipeline, "ingest"), log);
        note(events, at(start) + kill(pipeline, "publisher"), log);
      }
      redeliveries += deliver(pipeline, prs.get(i), log);
      Thread.sleep(plan.pace().toMillis());
    }
    note(events, at(start) + "all " + prs.size() + " PRs delivered", log);
    long deadline = System.nanoTime() + plan.await().toNanos();
    int reviewed = reviewed(github, prs);
    while (reviewed < prs.size() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      int now = reviewed(github, prs);
      if (now != reviewed) {
        // When each review arrives shows which partitions waited for a killed instance.
        note(events, at(start) + now + " of " + prs.size() + " PRs reviewed", log);
        reviewed = now;
      }
    }
    if (added != null) {
      added.get();
    }
    Thread.sleep(plan.settle().toMillis());
    return account(pipeline, prs, redeliveries, events);
  }

  /** One PR adding 1–3 Java files of 40–300 lines, its own installation (no write spacing). */
  record PullRequest(String repo, int number, String head, String delivery, int files) {

    String name() {
      return repo + "#" + number;
    }
  }

  private static PullRequest serve(GitHubEmulator github, Random random, int i) {
    String repo = OWNER + "/app-" + (i % 4);
    String head = String.format("%040x", 0x5ca1eL * 100_000 + i);
    int files = 1 + random.nextInt(3);
    var fixture = github.pullRequest(repo, i).head(head).base("0".repeat(40));
    List<String[]> sources = new ArrayList<>();
    for (int f = 0; f < files; f++) {
      String type = "Part" + i + "x" + f;
      String path = "src/main/java/scale/" + type + ".java";
      String source = SyntheticJava.source("scale", type, 40 + random.nextInt(261), i * 10 + f);
      fixture.file(path, "added", SyntheticJava.newFilePatch(source));
      sources.add(new String[] {path, source});
    }
    fixture.register();
    for (String[] s : sources) {
      RepositoryContents.serve(github, repo, head, s[0], s[1]);
    }
    if (i <= 4) {
      // A default branch to learn the repository's conventions from (else each delivery
      // dead-letters its profile request with profile_branch_not_found).
      github
          .repository(repo)
          .defaultBranch("main")
          .file("src/main/java/scale/Base.java", SyntheticJava.source("scale", "Base", 80, i))
          .commit();
    }
    return new PullRequest(repo, i, head, UUID.randomUUID().toString(), files);
  }

  /**
   * Posts the PR's webhook; a refused or broken delivery (its ingest killed under it) is sent again
   * with the same delivery id, as GitHub's redelivery would. Returns the redeliveries.
   */
  private static int deliver(Pipeline pipeline, PullRequest pr, PrintStream log)
      throws IOException, InterruptedException {
    byte[] payload = payload(pr);
    for (int attempt = 0; ; attempt++) {
      String failure;
      try {
        HttpResponse<String> answer = pipeline.deliver("pull_request", pr.delivery(), payload);
        if (answer.statusCode() == 202) {
          return attempt;
        }
        failure = answer.statusCode() + " " + answer.body();
      } catch (IOException e) {
        failure = e.toString();
      }
      if (attempt >= 10) {
        throw new IllegalStateException(pr.name() + " not accepted: " + failure);
      }
      log.printf("  %s: %s, redelivering%n", pr.name(), failure);
      Thread.sleep(1000);
    }
  }

  /** Kills the second instance of a service (the first one stays: it has the fixed port). */
  private static String kill(Pipeline pipeline, String service) {
    ServiceProcess victim = pipeline.instances(service).get(1);
    victim.kill9();
    return "kill -9 " + victim.name() + " (pid " + victim.pid() + ")";
  }

  private static void note(List<String> events, String event, PrintStream log) {
    log.println("  " + event);
    synchronized (events) {
      events.add(event);
    }
  }

  private static int reviewed(GitHubEmulator github, List<PullRequest> prs) {
    int n = 0;
    for (PullRequest pr : prs) {
      if (!github.reviewsPosted(pr.repo(), pr.number()).isEmpty()) {
        n++;
      }
    }
    return n;
  }

  static Outcome account(
      Pipeline pipeline, List<PullRequest> prs, int redeliveries, List<String> events) {
    GitHubEmulator github = pipeline.github();
    List<String> lost = new ArrayList<>();
    List<String> duplicatedComments = new ArrayList<>();
    List<String> duplicatedReviews = new ArrayList<>();
    int reviews = 0;
    int comments = 0;
    int chunks = 0;
    for (PullRequest pr : prs) {
      chunks += pr.files();
      List<PostedReview> posted = github.reviewsPosted(pr.repo(), pr.number());
      reviews += posted.size();
      if (posted.isEmpty()) {
        lost.add(pr.name());
      }
      Map<String, Integer> perDelivery = new HashMap<>();
      Map<String, Integer> perComment = new HashMap<>();
      for (PostedReview review : posted) {
        Matcher marker = DELIVERY_MARKER.matcher(review.body());
        perDelivery.merge(marker.find() ? marker.group(1) : "(no marker)", 1, Integer::sum);
        for (PostedComment c : review.comments()) {
          comments++;
          perComment.merge(
              c.path() + ":" + c.startLine() + "-" + c.line() + ":" + c.body(), 1, Integer::sum);
        }
      }
      perDelivery.forEach(
          (delivery, n) -> {
            if (n > 1) {
              duplicatedReviews.add(pr.name() + " delivery " + delivery + " x" + n);
            }
          });
      perComment.forEach(
          (comment, n) -> {
            if (n > 1) {
              duplicatedComments.add(
                  pr.name() + " " + comment.substring(0, comment.lastIndexOf(':')) + " x" + n);
            }
          });
    }
    Map<String, Integer> deadLetters = new TreeMap<>();
    pipeline
        .kafka()
        .await(
            Topics.DEAD_LETTERS,
            EventSerdes.deadLetter(),
            l -> true,
            Integer.MAX_VALUE,
            Duration.ofSeconds(2))
        // The reason code, not the message (which names the PR).
        .forEach(
            l -> deadLetters.merge(l.service() + ": " + l.error().split(":")[0], 1, Integer::sum));
    return new Outcome(
        prs.size(),
        redeliveries,
        reviews,
        comments,
        chunks,
        lost,
        duplicatedComments,
        duplicatedReviews,
        deadLetters,
        events);
  }

  static void print(Outcome o, PrintStream out) {
    out.println();
    synchronized (o.events()) {
      o.events().forEach(e -> out.println("  " + e));
    }
    out.println();
    out.println("| measure | count |");
    out.println("|---|---|");
    out.printf("| PRs expected (files = chunks) | %d (%d) |%n", o.prsExpected(), o.chunks());
    out.printf("| redeliveries (ingest refused or killed) | %d |%n", o.redeliveries());
    out.printf("| reviews posted | %d |%n", o.reviewsPosted());
    out.printf("| inline comments posted | %d |%n", o.commentsPosted());
    out.printf("| lost (PR without review) | %d |%n", o.lost().size());
    out.printf(
        "| duplicated comments (PR, path, line, body) | %d |%n", o.duplicatedComments().size());
    out.printf("| duplicated reviews (one delivery) | %d |%n", o.duplicatedReviews().size());
    out.printf(
        "| dead letters | %d |%n",
        o.deadLetters().values().stream().mapToInt(Integer::intValue).sum());
    o.deadLetters().forEach((why, n) -> out.printf("| - %s | %d |%n", why, n));
    o.lost().forEach(l -> out.println("lost: " + l));
    o.duplicatedComments().forEach(d -> out.println("duplicated comment: " + d));
    o.duplicatedReviews().forEach(d -> out.println("duplicated review: " + d));
  }

  private static String at(long start) {
    return String.format("%6.1f s  ", (System.nanoTime() - start) / 1e9);
  }

  private static byte[] payload(PullRequest pr) throws IOException {
    ObjectNode root = EventJson.mapper().createObjectNode();
    root.put("action", "opened").put("number", pr.number());
    ObjectNode p = root.putObject("pull_request");
    p.put("number", pr.number()).put("state", "open").put("draft", false);
    p.putObject("head").put("sha", pr.head()).put("ref", "scale-" + pr.number());
    p.putObject("base").put("sha", "0".repeat(40)).put("ref", "main");
    root.putObject("repository")
        .put("full_name", pr.repo())
        .put("name", pr.repo().substring(pr.repo().indexOf('/') + 1))
        .put("default_branch", "main");
    root.putObject("installation").put("id", 5000 + pr.number());
    return EventJson.mapper().writeValueAsBytes(root);
  }
}
