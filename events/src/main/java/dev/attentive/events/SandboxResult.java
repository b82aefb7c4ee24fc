package dev.attentive.events;

import java.time.Instant;
import java.util.List;

/**
 * How a {@link SandboxJob} ended, from a sandbox worker on {@link Topics#SANDBOX_RESULTS}, keyed by
 * the job's id. A job delivered twice is answered twice; the reviewer keeps the first answer and
 * ignores answers it no longer waits for.
 *
 * @param outcome the sandbox's outcome: {@code COMPLETED}, {@code TIMEOUT}, {@code OUT_OF_MEMORY},
 *     {@code CRASHED}, {@code EXITED} or {@code UNAVAILABLE} (the worker could not run it)
 * @param lines the result lines the sandboxed JVM wrote (at most {@link #MAX_LINES_BYTES} in all)
 * @param exitCode the sandboxed JVM's exit code, -1 when it did not end by itself or did not start
 * @param output the last part of its standard output and error, or why it could not run
 * @param tookMillis how long the sandboxed run took on the worker
 */
public record SandboxResult(
    int schemaVersion,
    String jobId,
    String outcome,
    List<String> lines,
    int exitCode,
    String output,
    long tookMillis,
    Instant answeredAt)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /** Result lines beyond this many bytes (UTF-8) are dropped by the worker, with a note. */
  public static final int MAX_LINES_BYTES = 1024 * 1024;
}
