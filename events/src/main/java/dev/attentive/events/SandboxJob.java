package dev.attentive.events;

import java.time.Instant;
import java.util.List;

/**
 * A run of pull request code for the reviewer's tests analyzer, sent to the sandbox workers (a
 * separate Deployment) on {@link Topics#SANDBOX_JOBS}, keyed by {@code jobId}; the answer is a
 * {@link SandboxResult} with the same id. The worker runs it through its local sandbox exactly as
 * the reviewer would have.
 *
 * @param jobId unique per run; the reviewer that sent it waits for the result with this id
 * @param classesZip the compiled code under test and its probes or tests, a zip of the classes
 *     directory (at most {@link #MAX_CLASSES_ZIP_BYTES}; base64 in JSON)
 * @param args the sandbox runner's arguments ({@code observe ...} or {@code junit ...})
 * @param timeoutMillis the wall-clock limit the reviewer asks for (the worker caps it)
 * @param maxHeapMb the sandboxed JVM's {@code -Xmx} the reviewer asks for (the worker caps it)
 */
public record SandboxJob(
    int schemaVersion,
    String jobId,
    byte[] classesZip,
    List<String> args,
    long timeoutMillis,
    int maxHeapMb,
    Instant requestedAt)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /**
   * The largest zip of classes a job carries: base64 makes it a third larger, which stays under the
   * topic's {@link Topics#MAX_SANDBOX_RECORD_BYTES}.
   */
  public static final int MAX_CLASSES_ZIP_BYTES = 2 * 1024 * 1024;
}
