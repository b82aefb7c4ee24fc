package dev.attentive.local;

import java.util.Arrays;

/** {@code attentive <command>}: the entry point of bin/attentive. */
public final class Main {

  private static final String USAGE =
      """
      usage: attentive <command> [options]

        local [--repo OWNER/NAME --pr N] [--keep-running]
            Start a broker, ingest and the GitHub emulator (or real GitHub when GITHUB_TOKEN is set), send a
            signed pull_request webhook and print what landed on Kafka.
        bench ingest [--rate R] [--seconds S] [--warmup S]
            Send signed webhooks at a steady rate on loopback and print ack latency p50/p99 and throughput.
        bench pipeline [--pushes N] [--warmups W] [--lines L] [--chunks C] [--reviewers R] [--partitions P] [--analyzers A,B]
            Push -> review posted latency through the whole local pipeline, and reviewer chunks/s (with R
            reviewer instances, P partitions, the analyzers A,B), with each JVM's CPU time.
        bench scale [--prs N] [--instances I] [--partitions P] [--pace-ms MS] [--reviewer-only] [--seed S]
            I instances of each service; while N PRs are delivered a reviewer is added and one reviewer, one
            ingest and one publisher are killed with kill -9; counts PRs lost and comments posted twice.
        bench chaos [--seed S] [--pushes N] [--repos R] [--max-minutes M] [--kills K] [--broker-restarts B]
            The real stack (broker process, services, GitHub emulator) under kill -9, broker restarts, GitHub
            storms and repeated/out-of-order webhooks, compared with the same seeded run without faults
            (docs/operations.md#chaos).
        bench style [--set tune|report|all] [--plants N] [--seed S] [--json FILE] [--maven-repo URL] [--cache DIR]
            Learned conventions on consecutive releases (sources jars from Maven Central): comments per 100
            changed lines, and recall on planted deviations (docs/benchmarks.md).
        bench mutants [--seed S] [--mutants N] [--preserving N] [--libraries G:A:V,...] [--sources DIR]
            The tests analyzer on one-statement mutants of real libraries' methods (sources jars from Maven
            Central): how many output-changing mutants get a behaviour-change report, and how many
            behaviour-preserving edits do (bin/attentive runs it with the reviewer's classpath).
        bench profile [--files N] [--runs R] [--max-files F] [--max-bytes B] [--max-file-bytes B]
            GitHub requests, bytes, time and memory to learn a repository profile of N Java files (emulator).
        report --repo OWNER/NAME [--bootstrap HOST:PORT] [--out report.html]
            One self-contained HTML page of what a repository taught Attentive, read from the broker: acceptance
            over time per kind and rule, outcomes per type, what is muted and why, the model kinds' thresholds.
      """;

  private Main() {}

  private static int bench(Options options) throws Exception {
    String which = options.positional().isEmpty() ? "" : options.positional().get(0);
    return switch (which) {
      case "ingest" -> IngestBenchmark.run(options);
      case "pipeline" -> PipelineBenchmark.run(options);
      case "chaos" -> ChaosBenchmark.run(options);
      case "style" -> StyleBenchmark.run(options);
      case "profile" -> ProfileBenchmark.run(options);
      case "scale" -> ScaleBenchmark.run(options);
      default -> {
        System.err.print(
            "usage: attentive bench ingest|pipeline|scale|chaos|style|profile [options]\n" + USAGE);
        yield 2;
      }
    };
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("java.util.logging.config.file", "");
    if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
      System.out.print(USAGE);
      System.exit(args.length == 0 ? 2 : 0);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    int code =
        switch (args[0]) {
          case "local" -> LocalStack.run(Options.parse(rest));
          case "bench" -> bench(Options.parse(rest));
          case "report" -> LearningReport.run(Options.parse(rest));
          default -> {
            System.err.print("unknown command '" + args[0] + "'\n" + USAGE);
            yield 2;
          }
        };
    System.exit(code);
  }
}
