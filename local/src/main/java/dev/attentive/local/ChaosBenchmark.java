package dev.attentive.local;

import dev.attentive.testkit.github.GitHubFault;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code attentive bench chaos}: the seeded workload ({@link ChaosWorkload}) run twice on the real
 * stack ({@link ChaosStack}) — once without faults (the oracle), once while services are killed
 * with {@code kill -9}, the broker is restarted, GitHub storms and webhooks come twice, late and
 * out of order ({@link ChaosRun}) — and what GitHub got compared: lost, duplicated, superseded,
 * dead letters and the recovery after each fault.
 */
final class ChaosBenchmark {

  /** The storms of a full run: every kind GitHub has, Retry-After short enough for a bench. */
  static final List<GitHubFault> ALL_STORMS =
      List.of(
          GitHubFault.serverError(),
          GitHubFault.badGateway(),
          GitHubFault.secondaryRateLimit(Duration.ofSeconds(2)),
          GitHubFault.tooManyRequests(Duration.ofSeconds(2)),
          GitHubFault.slow(Duration.ofSeconds(5)),
          GitHubFault.connectionReset(),
          GitHubFault.emptyResponse());

  /** The comparison of a faulty run with its oracle. */
  record Report(
      long seed,
      int pushes,
      int repositories,
      ChaosRun.Outcome oracle,
      ChaosRun.Outcome faulty,
      int commentsExpected,
      int commentsPosted,
      int lostComments,
      int duplicatedComments,
      int unexpectedComments,
      int newestHeads,
      int newestHeadsLost,
      int duplicatedReviews,
      int superseded,
      int deadLetters,
      int deadLettersReplayed) {

    int lost() {
      return lostComments + newestHeadsLost;
    }

    int duplicated() {
      return duplicatedComments + duplicatedReviews;
    }

    boolean goalMet() {
      return lost() == 0
          && duplicated() == 0
          && unexpectedComments == 0
          && deadLetters == deadLettersReplayed
          && faulty.converged();
    }
  }

  private ChaosBenchmark() {}

  static int run(Options options) throws Exception {
    long seed = Long.parseLong(options.get("seed", "16"));
    int pushes = options.getInt("pushes", 200);
    int repos = options.getInt("repos", 20);
    int maxMinutes = options.getInt("max-minutes", 40);
    int kills = options.getInt("kills", 3);
    int brokerRestarts = options.getInt("broker-restarts", 2);
    Duration pace = Duration.ofMillis(options.getInt("pace-ms", 1000));
    StackConfig config = StackConfig.fromEnvironment();
    ChaosRun.Plan plan =
        new ChaosRun.Plan(
            seed, kills, brokerRestarts, ALL_STORMS, Duration.ofSeconds(10), 0.08, 0.05, 0.1);
    long start = System.nanoTime();
    Report report =
        measure(
            config.root(),
            config.workDir().resolve("chaos"),
            seed,
            pushes,
            repos,
            plan,
            pace,
            Duration.ofMinutes(maxMinutes),
            System.out);
    print(report, System.out);
    System.out.printf(
        "wall time %.1f min on %d cores, Java %s%n",
        (System.nanoTime() - start) / 6e10,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    return report.goalMet() ? 0 : 1;
  }

  static Report measure(
      Path root,
      Path workDir,
      long seed,
      int pushes,
      int repos,
      ChaosRun.Plan plan,
      Duration pace,
      Duration bound,
      PrintStream log)
      throws Exception {
    Instant deadline = Instant.now().plus(bound);
    ChaosWorkload workload = ChaosWorkload.generate(seed, pushes, repos);
    log.printf(
        "== chaos bench: seed %d, %d pushes over %d repositories, %d pull requests%n",
        seed,
        workload.pushes().size(),
        repos,
        workload.pushes().stream().filter(ChaosWorkload.Push::last).count());
    log.println("-- oracle: the same workload without faults");
    ChaosRun.Outcome oracle =
        new ChaosRun(workload, ChaosRun.Plan.NONE, pace, deadline, log)
            .run(root, workDir.resolve("oracle"), null);
    if (!oracle.converged()) {
      throw new IllegalStateException("the oracle run did not finish within the time bound");
    }
    log.println("-- faulty run");
    ChaosRun.Outcome faulty =
        new ChaosRun(workload, plan, pace, deadline, log)
            .run(root, workDir.resolve("faulty"), oracle);
    return compare(workload, oracle, faulty);
  }

  static Report compare(ChaosWorkload workload, ChaosRun.Outcome oracle, ChaosRun.Outcome faulty) {
    int lost = 0;
    for (var key : oracle.comments().keySet()) {
      if (!faulty.comments().containsKey(key)) {
        lost++;
      }
    }
    int duplicatedComments = 0;
    int unexpected = 0;
    int posted = 0;
    for (var entry : faulty.comments().entrySet()) {
      posted += entry.getValue();
      duplicatedComments += entry.getValue() - 1;
      if (!oracle.comments().containsKey(entry.getKey())) {
        unexpected++;
      }
    }
    int duplicatedReviews = 0;
    for (int count : faulty.reviewsPerHead().values()) {
      duplicatedReviews += count - 1;
    }
    Set<ChaosRun.HeadKey> newest = new HashSet<>();
    for (var p : workload.pushes()) {
      if (p.last()) {
        newest.add(new ChaosRun.HeadKey(p.repository(), p.number(), p.head()));
      }
    }
    int newestLost = 0;
    for (var head : newest) {
      if (!faulty.headsReviewedOnKafka().contains(head)) {
        newestLost++;
      }
    }
    int superseded = 0;
    for (var head : oracle.reviewsPerHead().keySet()) {
      if (!newest.contains(head) && !faulty.reviewsPerHead().containsKey(head)) {
        superseded++;
      }
    }
    int letters = faulty.deadLetters().values().stream().mapToInt(Integer::intValue).sum();
    int replayed = faulty.deadLettersReplayed().values().stream().mapToInt(Integer::intValue).sum();
    return new Report(
        workload.seed(),
        workload.pushes().size(),
        workload.repositories().size(),
        oracle,
        faulty,
        oracle.comments().size(),
        posted,
        lost,
        duplicatedComments,
        unexpected,
        newest.size(),
        newestLost,
        duplicatedReviews,
        superseded,
        letters,
        replayed);
  }

  static void print(Report r, PrintStream out) {
    ChaosRun.Outcome f = r.faulty();
    out.println();
    out.println("| chaos bench                                  |     |");
    out.println("|----------------------------------------------|----:|");
    row(out, "seed", r.seed());
    row(out, "pushes sent (repositories)", r.pushes() + " (" + r.repositories() + ")");
    row(out, "webhooks sent (incl. repeats)", f.webhooksSent());
    row(out, "  redelivered (ingest or broker down, late)", f.redelivered());
    row(out, "  duplicated (same delivery at once)", f.duplicated());
    row(out, "  out of order (older head after newer)", f.outOfOrder());
    row(out, "reviews expected (oracle's POSTs)", r.oracle().reviewsPosted());
    row(out, "reviews posted", f.reviewsPosted());
    row(
        out,
        "newest heads reviewed",
        (r.newestHeads() - r.newestHeadsLost()) + "/" + r.newestHeads());
    row(out, "superseded/skipped heads", r.superseded());
    row(out, "inline comments expected", r.commentsExpected());
    row(out, "inline comments posted", r.commentsPosted());
    row(out, "**lost** (comments + newest heads)", r.lost());
    row(out, "**duplicated** (comments + reviews per head)", r.duplicated());
    row(out, "unexpected comments (not in the oracle)", r.unexpectedComments());
    row(out, "dead letters (replayed)", r.deadLetters() + " (" + r.deadLettersReplayed() + ")");
    for (Map.Entry<String, Integer> e : f.deadLetters().entrySet()) {
      row(
          out,
          "  " + e.getKey(),
          e.getValue() + " (" + f.deadLettersReplayed().getOrDefault(e.getKey(), 0) + ")");
    }
    row(
        out,
        "oracle's dead letters",
        r.oracle().deadLetters().values().stream().mapToInt(i -> i).sum());
    row(out, "converged within the bound", f.converged() ? "yes" : "NO");
    out.println();
    out.println("| fault | at (s) | lasted (s) | next review posted (s after start / after end) |");
    out.println("|-------|-------:|-----------:|-----------------------------------------------:|");
    Instant first = f.faults().isEmpty() ? Instant.now() : f.faults().get(0).at();
    List<String> rows = new ArrayList<>();
    for (ChaosRun.Injected fault : f.faults()) {
      Instant next = null;
      for (Instant t : f.reviewTimes()) {
        if (!t.isBefore(fault.at())) {
          next = t;
          break;
        }
      }
      rows.add(
          String.format(
              "| %s %s | %.0f | %.1f | %s |",
              fault.kind(),
              fault.what(),
              Duration.between(first, fault.at()).toMillis() / 1e3,
              Duration.between(fault.at(), fault.end()).toMillis() / 1e3,
              next == null
                  ? "none"
                  : String.format(
                      "%.1f / %.1f",
                      Duration.between(fault.at(), next).toMillis() / 1e3,
                      Math.max(0, Duration.between(fault.end(), next).toMillis()) / 1e3)));
    }
    rows.forEach(out::println);
    out.printf(
        "%noracle run %.1f min, faulty run %.1f min%n",
        r.oracle().took().toMillis() / 6e4, f.took().toMillis() / 6e4);
  }

  private static void row(PrintStream out, String name, Object value) {
    out.printf("| %-44s | %s |%n", name, value);
  }
}
