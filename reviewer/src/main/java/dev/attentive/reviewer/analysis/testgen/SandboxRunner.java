package dev.attentive.reviewer.analysis.testgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the tests analyzer's sandboxed runs happen: in a local {@link Sandbox} (bubblewrap on this
 * machine, the default) or, in Kubernetes, on the sandbox workers of a separate Deployment reached
 * through Kafka ({@code dev.attentive.reviewer.sandbox.KafkaSandboxRunner}), so that pull request
 * code never runs in the reviewer's pod. Either way a run ends with a {@link Sandbox.Run}, also
 * when it could not happen ({@link Sandbox.Outcome#UNAVAILABLE}), and within a bounded time.
 */
@FunctionalInterface
public interface SandboxRunner {

  /** As {@link Sandbox#run}: {@code work} is an empty private directory of the caller. */
  Sandbox.Run run(Path work, Path classes, List<String> mainArgs)
      throws IOException, InterruptedException;

  /**
   * The local {@link Sandbox} with the limits of {@code config}: its shared pool of pre-started
   * JVMs, each thrown away after its one job.
   */
  static SandboxRunner local(TestsConfig config) {
    return (work, classes, args) ->
        Sandbox.shared(config.timeout(), config.maxHeapMb(), config.javaHome())
            .run(work, classes, args);
  }
}
