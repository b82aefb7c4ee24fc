package dev.attentive.local;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.attentive.conventions.ProfileBuilder;
import dev.attentive.conventions.ProfileLearner;
import dev.attentive.conventions.SampleBudget;
import dev.attentive.events.ProfileRequest;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.github.auth.GitHubCredentials;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.RetryPolicy;
import dev.attentive.github.call.Ticker;
import dev.attentive.ingest.github.KohsukeGitHubGateway;
import dev.attentive.ingest.profile.BlobCache;
import dev.attentive.ingest.profile.ProfileFetcher;
import dev.attentive.testkit.github.GitHubEmulator;
import dev.attentive.testkit.github.RepositoryFixture;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;

/**
 * What learning one repository profile costs: a repository of {@code --files} real-looking Java
 * files (varied sizes, tests, a generated tree, a few files over the per-file cap) served by the
 * GitHub emulator, learned through the service's own path (kohsuke gateway, retries, {@link
 * ProfileFetcher}, {@link ProfileBuilder}), {@code --runs} times. Prints GitHub requests, bytes
 * over HTTP, wall time and memory per run.
 */
final class ProfileBenchmark {

  private ProfileBenchmark() {}

  static int run(Options options) throws Exception {
    int files = options.getInt("files", 5000);
    int runs = options.getInt("runs", 3);
    SampleBudget budget =
        new SampleBudget(
            options.getInt("max-files", SampleBudget.DEFAULT.maxFiles()),
            Long.parseLong(
                options.get("max-bytes", String.valueOf(SampleBudget.DEFAULT.maxBytes()))),
            Long.parseLong(
                options.get("max-file-bytes", String.valueOf(SampleBudget.DEFAULT.maxFileBytes()))),
            SampleBudget.DEFAULT.maxToolFiles());
    System.out.printf(
        "== profile benchmark: %d files, budget %d files / %d KiB / %d KiB per file, %d runs, %d"
            + " cores, Java %s, max heap %d MiB%n",
        files,
        budget.maxFiles(),
        budget.maxBytes() / 1024,
        budget.maxFileBytes() / 1024,
        runs,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"),
        Runtime.getRuntime().maxMemory() >> 20);
    try (GitHubEmulator github = GitHubEmulator.start()) {
      RepositoryFixture repo = github.repository("bench/profiled");
      long repoBytes = generate(repo, files, new Random(12));
      String sha = repo.commit();
      System.out.printf(
          "repository: %d files, %.1f MiB, at %s%n", files + 2, repoBytes / 1048576.0, sha);

      InstallationClients clients =
          new InstallationClients(
              GitHubCredentials.token(github.baseUrl(), "bench"),
              b ->
                  b.withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL)
                      .withRateLimitHandler(GitHubRateLimitHandler.FAIL));
      GitHubCalls calls =
          new GitHubCalls(
              new RetryPolicy(
                  4,
                  Duration.ofMillis(500),
                  Duration.ofSeconds(30),
                  Duration.ofSeconds(60),
                  Duration.ofMinutes(2)),
              Ticker.system(),
              Clock.systemUTC(),
              new SimpleMeterRegistry(),
              "attentive.bench.github.retries");
      var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      List<MemoryPoolMXBean> heap =
          ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(p -> p.getType() == MemoryType.HEAP)
              .toList();
      System.out.println(
          "run   requests  blob-reqs  http-bytes  sample-bytes  sampled/java  skipped  enforced"
              + "   wall-ms  alloc-MiB  peak-heap-MiB");
      BlobCache cache = null;
      for (int run = 1; run <= runs + 1; run++) {
        boolean afterPush = run == runs + 1;
        if (afterPush) {
          // A push that changes 50 files, learned with the blobs the last run cached.
          Random random = new Random(34);
          for (int i = 0; i < 50; i++) {
            int n = random.nextInt(files);
            repo.file(pathOf(n), javaClass(packageOf(n), "Type" + n, 60, n + 1));
          }
          repo.commit();
        } else {
          cache = new BlobCache(64L << 20); // cold: nothing cached
        }
        ProfileFetcher fetcher =
            new ProfileFetcher(
                new KohsukeGitHubGateway(clients, 3000, 100),
                calls,
                new ProfileBuilder(budget, ProfileLearner.standard()),
                cache,
                Clock.systemUTC());
        github.wireMock().resetRequests();
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        RepositoryProfile profile =
            fetcher.learn(
                new ProfileRequest(
                    ProfileRequest.SCHEMA_VERSION,
                    "bench-" + run,
                    "bench/profiled",
                    null,
                    null,
                    null,
                    ProfileRequest.PULL_REQUEST,
                    null));
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        long allocMiB = (threads.getCurrentThreadAllocatedBytes() - allocated) >> 20;
        long peakMiB = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        List<ServeEvent> served = github.wireMock().getAllServeEvents();
        long httpBytes =
            served.stream()
                .mapToLong(
                    e -> e.getResponse().getBody() == null ? 0 : e.getResponse().getBody().length)
                .sum();
        int blobRequests = github.requestCount("GET", "/repos/bench/profiled/git/blobs/.*");
        System.out.printf(
            "%4s %8d  %9d  %10d  %12d  %5d/%-6d  %7d  %8d  %8d  %9d  %13d%n",
            afterPush ? "push" : String.valueOf(run),
            served.size(),
            blobRequests,
            httpBytes,
            profile.sample().bytes(),
            profile.sample().sampledFiles(),
            profile.sample().javaFiles(),
            profile.sample().skippedFiles(),
            profile.enforced().size(),
            wallMs,
            allocMiB,
            peakMiB);
        if (run == runs) {
          System.out.println(
              "requests counted by the profile itself: " + profile.sample().requests());
          profile.notes().forEach(n -> System.out.println("note: " + n));
        }
      }
      System.out.println(
          "runs 1.."
              + runs
              + ": an empty blob cache each; push: 50 files changed, relearned with the cache of the"
              + " last run");
      System.out.println(
          "alloc-MiB: bytes allocated by the learning thread (client side only); peak-heap-MiB:"
              + " the whole JVM's peak heap during the run, emulator included (an upper bound)");
    }
    return 0;
  }

  /**
   * {@code files} Java files: mostly main code over 40 modules and 400 packages, a tenth tests, a
   * generated tree, sizes from 20 to about 800 lines and one in a hundred of 2,000 to 8,000 lines
   * (some over the per-file cap); 4-space indentation, clean line ends. Returns the bytes.
   */
  static long generate(RepositoryFixture repo, int files, Random random) {
    long bytes = 0;
    repo.file("pom.xml", "<project><modelVersion>4.0.0</modelVersion></project>\n");
    repo.file("README.md", "# Profiled\n");
    for (int i = 0; i < files; i++) {
      int lines =
          random.nextInt(100) == 0
              ? 2000 + random.nextInt(6000)
              : 20 + (int) (Math.exp(random.nextDouble() * Math.log(100)) * 8);
      String source = javaClass(packageOf(i), "Type" + i, lines, i);
      bytes += source.length();
      repo.file(pathOf(i), source);
    }
    return bytes;
  }

  /** File {@code i}'s package: 40 modules of 10 packages. */
  private static String packageOf(int i) {
    return "org.example.m" + (i % 40) + ".p" + (i / 40 % 10);
  }

  /** File {@code i}'s path: main code, a tenth tests, one in fifty generated. */
  private static String pathOf(int i) {
    String module = "module" + (i % 40);
    String root =
        i % 50 == 0
            ? module + "/target/generated-sources/annotations/"
            : i % 10 == 0 ? module + "/src/test/java/" : module + "/src/main/java/";
    return root + packageOf(i).replace('.', '/') + "/Type" + i + ".java";
  }

  private static String javaClass(String pkg, String name, int lines, int seed) {
    StringBuilder s = new StringBuilder(lines * 40);
    s.append("package ").append(pkg).append(";\n\n");
    s.append("import java.util.ArrayList;\nimport java.util.List;\n\n");
    s.append("/** ").append(name).append(": generated for the profile benchmark. */\n");
    s.append("public class ").append(name).append(" {\n\n");
    s.append("    private static final int LIMIT = ").append(seed % 97 + 3).append(";\n");
    s.append("    private final List<Integer> values = new ArrayList<>();\n");
    int written = 8;
    for (int m = 0; written < lines - 2; m++, written += 9) {
      s.append("\n    public int compute").append(m).append("(int limit) {\n");
      s.append("        int total = 0;\n");
      s.append("        for (int i = 0; i < Math.min(limit, LIMIT); i++) {\n");
      s.append("            if (i < values.size()) {\n");
      s.append("                total += values.get(i) * ").append(m + 1).append(";\n");
      s.append("            }\n");
      s.append("        }\n");
      s.append("        return total;\n");
      s.append("    }\n");
    }
    s.append("}\n");
    return s.toString();
  }
}
