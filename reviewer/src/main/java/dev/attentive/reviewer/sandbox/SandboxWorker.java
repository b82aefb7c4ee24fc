package dev.attentive.reviewer.sandbox;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.SandboxJob;
import dev.attentive.events.SandboxResult;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.testgen.Sandbox;
import dev.attentive.streams.DeadLetters;
import dev.attentive.streams.ExactlyOnceProcessor;
import dev.attentive.streams.Sinks;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The sandbox worker, the reviewer application in role {@code sandbox}: consumes {@link
 * SandboxJob}s and runs each through the local bubblewrap {@link Sandbox}, answering a {@link
 * SandboxResult}. It has no analyzers, no model and no GitHub credential; in Kubernetes it runs in
 * a Deployment of its own without network beyond Kafka (docs/security.md). A job is answered in the
 * transaction that consumes it; one delivered again (the worker died mid-run) is run and answered
 * again.
 *
 * <pre>
 *   sandbox-jobs ──▶ run (bubblewrap) ──▶ sandbox-results   (and dead-letters: unreadable jobs)
 * </pre>
 *
 * @param maxTimeout the longest run a job may ask for
 * @param maxHeapMb the largest heap a job may ask for
 * @param javaHome the JDK that runs the code under test; null: this JVM's
 */
public record SandboxWorker(Duration maxTimeout, int maxHeapMb, Path javaHome) {

  static final String RUN = "run";

  /** The worker's topology (Kafka Streams, exactly once like the other services). */
  public Topology topology(MeterRegistry metrics, Clock clock) {
    Topology topology =
        new Topology()
            .addSource(
                "jobs",
                Serdes.String().deserializer(),
                Serdes.ByteArray().deserializer(),
                Topics.SANDBOX_JOBS)
            .addProcessor(RUN, () -> new RunProcessor(this, metrics, clock), "jobs");
    Sinks.SANDBOX_RESULTS.addTo(topology, RUN);
    Sinks.DEAD_LETTERS.addTo(topology, RUN);
    return topology;
  }

  /** Runs one job; a job that cannot run is answered {@code UNAVAILABLE} with the reason. */
  public SandboxResult answer(SandboxJob job) throws InterruptedException {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("attentive-sandbox-job-");
      Path classes = dir.resolve("classes");
      try {
        ClassesZip.unzip(job.classesZip(), classes);
      } catch (IOException e) {
        return unavailable(job, "the job's classes cannot be unpacked: " + e.getMessage());
      }
      Duration timeout =
          job.timeoutMillis() <= 0
              ? maxTimeout
              : Duration.ofMillis(Math.min(job.timeoutMillis(), maxTimeout.toMillis()));
      int heap = Math.max(16, Math.min(job.maxHeapMb(), maxHeapMb));
      Sandbox.Run run =
          new Sandbox(timeout, heap, javaHome)
              .run(Files.createDirectories(dir.resolve("run")), classes, job.args());
      return result(job, run);
    } catch (IOException e) {
      return unavailable(job, "the sandbox worker failed: " + e.getMessage());
    } finally {
      ClassesZip.deleteTree(dir);
    }
  }

  private static SandboxResult result(SandboxJob job, Sandbox.Run run) {
    List<String> lines = new ArrayList<>();
    long bytes = 0;
    int dropped = 0;
    for (String line : run.lines()) {
      bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes > SandboxResult.MAX_LINES_BYTES) {
        dropped++;
      } else {
        lines.add(line);
      }
    }
    String output = run.output();
    if (dropped > 0) {
      output =
          "[sandbox worker: the last "
              + dropped
              + " result lines dropped, over "
              + SandboxResult.MAX_LINES_BYTES
              + " bytes]\n"
              + output;
    }
    return new SandboxResult(
        SandboxResult.SCHEMA_VERSION,
        job.jobId(),
        run.outcome().name(),
        lines,
        run.exitCode(),
        output,
        run.took().toMillis(),
        java.time.Instant.now());
  }

  private static SandboxResult unavailable(SandboxJob job, String why) {
    return new SandboxResult(
        SandboxResult.SCHEMA_VERSION,
        job.jobId(),
        Sandbox.Outcome.UNAVAILABLE.name(),
        List.of(),
        -1,
        why,
        0,
        java.time.Instant.now());
  }

  /** Reads a job, runs it, answers it; an unreadable job is dead-lettered. */
  static final class RunProcessor extends ExactlyOnceProcessor<SandboxJob> {

    private final SandboxWorker worker;

    RunProcessor(SandboxWorker worker, MeterRegistry metrics, Clock clock) {
      super(
          Topics.SANDBOX_JOBS,
          EventSerdes.sandboxJob(),
          "sandbox_job",
          new DeadLetters("reviewer", metrics, clock));
      this.worker = worker;
    }

    @Override
    protected void validate(SandboxJob job) {
      if (job.jobId() == null || job.jobId().isBlank()) {
        throw new IllegalArgumentException("a sandbox job without an id");
      }
      if (job.args() == null || job.args().isEmpty()) {
        throw new IllegalArgumentException("a sandbox job without arguments");
      }
      if (job.classesZip() == null) {
        throw new IllegalArgumentException("a sandbox job without classes");
      }
    }

    @Override
    protected void process(Record<String, byte[]> record, SandboxJob job) {
      SandboxResult result;
      try {
        result = worker.answer(job);
      } catch (InterruptedException e) {
        // shutting down: the transaction is aborted and the job goes to another worker
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running sandbox job " + job.jobId(), e);
      }
      send(Sinks.SANDBOX_RESULTS, new Record<>(job.jobId(), result, record.timestamp()));
    }
  }
}
