package dev.attentive.reviewer.analysis;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.errors.InterruptException;

/**
 * Runs each analyzer call on its own thread under a deadline, so that an analyzer stuck on a
 * repository's input (a Checkstyle regular expression that backtracks for minutes) cannot hold the
 * stream thread, and with it the partition's transaction, past a bound: at most the sum of the
 * analyzers' deadlines per chunk.
 *
 * <p>A call past its deadline is interrupted and abandoned. Work that ignores interruption (Java's
 * regular expressions do) keeps its thread until it ends; the pool has a fixed number of threads,
 * so such calls cannot pile up: when every thread is taken, an analyzer is skipped at once, never
 * waited for. One pool serves all of a service's stream tasks.
 */
public final class AnalyzerDeadlines {

  /**
   * @param standard each analyzer's deadline on one chunk
   * @param perAnalyzer deadlines by analyzer id, overriding {@code standard}
   * @param threads analyzer calls that may run at once, abandoned ones included
   */
  public record Limits(Duration standard, Map<String, Duration> perAnalyzer, int threads) {
    public static final Limits DEFAULTS = new Limits(Duration.ofSeconds(20), Map.of(), 8);

    public Limits {
      perAnalyzer = Map.copyOf(perAnalyzer);
      if (standard.isNegative() || standard.isZero() || threads < 1) {
        throw new IllegalArgumentException(
            "analyzer deadlines must be positive, threads at least 1");
      }
    }

    public Duration of(String analyzer) {
      return perAnalyzer.getOrDefault(analyzer, standard);
    }
  }

  /** The call ran past its deadline and was abandoned. */
  public static final class DeadlineExceeded extends Exception {
    DeadlineExceeded(Duration deadline) {
      super("past its deadline of " + deadline);
    }
  }

  /** Every analyzer thread is taken (by calls past their deadline): the call was not started. */
  public static final class NoThreadFree extends Exception {
    NoThreadFree(int threads) {
      super("all " + threads + " analyzer threads are busy");
    }
  }

  private final Limits limits;
  private final ThreadPoolExecutor pool;

  /** One per call running: a call holds its permit until it really ends, deadline or not. */
  private final Semaphore running;

  public AnalyzerDeadlines(Limits limits) {
    this.limits = limits;
    this.running = new Semaphore(limits.threads());
    AtomicInteger n = new AtomicInteger();
    // No queue: a call runs at once on an idle or new thread (their number is bounded by the
    // permits; a thread that has just released its permit may briefly be counted twice).
    this.pool =
        new ThreadPoolExecutor(
            0,
            Integer.MAX_VALUE,
            30,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "attentive-analyzer-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  public Limits limits() {
    return limits;
  }

  /** Analyzer calls now running, those past their deadline included. */
  public int busyThreads() {
    return limits.threads() - running.availablePermits();
  }

  /**
   * The analyzer's suggestions for the chunk, or an exception: what the analyzer threw, {@link
   * DeadlineExceeded} or {@link NoThreadFree}.
   *
   * @throws InterruptException when the stream thread itself is interrupted (shutting down): the
   *     record is then not committed
   */
  public List<Suggestion> analyze(
      Analyzer analyzer, PullRequestDiffChunk chunk, RepositorySettings settings) throws Exception {
    return analyze(analyzer, chunk, settings, null);
  }

  /** As {@link #analyze(Analyzer, PullRequestDiffChunk, RepositorySettings)}, with the profile. */
  public List<Suggestion> analyze(
      Analyzer analyzer,
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      dev.attentive.events.RepositoryProfile profile)
      throws Exception {
    return findings(analyzer, chunk, settings, profile, SourceContext.NONE).suggestions();
  }

  /** As above, with the repository's files around the changed one. */
  public List<Suggestion> analyze(
      Analyzer analyzer,
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      dev.attentive.events.RepositoryProfile profile,
      SourceContext sources)
      throws Exception {
    return findings(analyzer, chunk, settings, profile, sources).suggestions();
  }

  /**
   * As {@link #analyze(Analyzer, PullRequestDiffChunk, RepositorySettings,
   * dev.attentive.events.RepositoryProfile)}, with the analyzer's notes for the review's summary.
   */
  public Analyzer.Findings findings(
      Analyzer analyzer,
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      dev.attentive.events.RepositoryProfile profile)
      throws Exception {
    return findings(analyzer, chunk, settings, profile, SourceContext.NONE);
  }

  /** As above, with the repository's files around the changed one. */
  public Analyzer.Findings findings(
      Analyzer analyzer,
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      dev.attentive.events.RepositoryProfile profile,
      SourceContext sources)
      throws Exception {
    if (!running.tryAcquire()) {
      throw new NoThreadFree(limits.threads());
    }
    // Released as the analyzer returns, before its result is seen (so the next call finds it
    // free), or after a call cancelled before it started.
    AtomicBoolean held = new AtomicBoolean(true);
    Runnable release =
        () -> {
          if (held.getAndSet(false)) {
            running.release();
          }
        };
    FutureTask<Analyzer.Findings> call =
        new FutureTask<>(
            () -> {
              try {
                return analyzer.findings(chunk, settings, profile, sources);
              } finally {
                release.run();
              }
            });
    try {
      pool.execute(
          () -> {
            try {
              call.run();
            } finally {
              release.run();
            }
          });
    } catch (RejectedExecutionException e) {
      release.run();
      throw new NoThreadFree(limits.threads());
    }
    Duration deadline = limits.of(analyzer.id());
    try {
      return call.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw new DeadlineExceeded(deadline);
    } catch (InterruptedException e) {
      call.cancel(true);
      throw new InterruptException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw (Error) e.getCause();
    }
  }

  /** The review's note for a call stopped at its deadline. */
  public static String stoppedNote(String analyzer, Duration deadline, String path) {
    return "analyzer "
        + analyzer
        + " stopped after "
        + readable(deadline)
        + " on "
        + path
        + "; its findings are left out";
  }

  /** The review's note for a call not started because every thread is taken. */
  public static String skippedNote(String analyzer, String path) {
    return "analyzer "
        + analyzer
        + " was skipped on "
        + path
        + " (the reviewer is busy with analyses past their deadline); its findings are left out";
  }

  /** 20 s, 1500 ms. */
  public static String readable(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
