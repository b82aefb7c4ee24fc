package dev.attentive.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The local stack's services stop within their bound ({@code attentive.<service>.shutdown-timeout},
 * 25 s) with the broker gone, and end with their launcher however it ends (issue 16: the reviewer
 * ignored SIGTERM without its broker and outlived a stopped launcher).
 */
class ShutdownEndToEndTest {

  /** Loosely above the 25 s bound: the test asserts that the services end, not how fast. */
  static final Duration ENDS_WITHIN = Duration.ofSeconds(60);

  @Test
  void aServiceWhoseBrokerIsGoneStopsOnSigterm() throws Exception {
    Path work = Files.createTempDirectory("attentive-shutdown");
    StackConfig config = StackConfig.fromEnvironment();
    // The reviewer only: it reads no GitHub, so no emulator is started for it.
    try (Pipeline pipeline =
        Pipeline.start(
            config.root(),
            work,
            "shutdown-secret",
            "http://127.0.0.1:9",
            Pipeline.EMULATOR_TOKEN,
            0,
            List.of("reviewer"),
            ServiceProcess.QUICK_START)) {
      ProcessHandle reviewer = ProcessHandle.of(pipeline.services().get(0).pid()).orElseThrow();

      pipeline.stopBroker();
      reviewer.destroy();

      assertThat(endsWithin(reviewer, ENDS_WITHIN))
          .as("reviewer stopped after SIGTERM without its broker (see %s)", work)
          .isTrue();
    }
  }

  @Test
  void theServicesEndWhenTheirLauncherIsKilled() throws Exception {
    Path work = Files.createTempDirectory("attentive-launcher");
    Path pidFile = work.resolve("services.pid");
    Process launcher =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty(
                    "surefire.test.class.path", System.getProperty("java.class.path")),
                KilledLauncher.class.getName(),
                work.toString(),
                pidFile.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("launcher.log").toFile())
            .start();
    try {
      long publisherPid = awaitPid(launcher, pidFile, Duration.ofSeconds(180));
      Optional<ProcessHandle> publisher = ProcessHandle.of(publisherPid);
      assertThat(publisher).as("the publisher runs").isPresent();

      launcher.destroyForcibly(); // kill -9: no shutdown hook runs
      assertThat(launcher.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(endsWithin(publisher.get(), ENDS_WITHIN))
          .as("publisher ended after its launcher was killed (see %s)", work)
          .isTrue();
    } finally {
      launcher.destroyForcibly();
      launcher.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** True when the process has ended by then; else it is killed (no orphan outlives the test). */
  static boolean endsWithin(ProcessHandle process, Duration bound) throws Exception {
    try {
      process.onExit().get(bound.toMillis(), TimeUnit.MILLISECONDS);
      return true;
    } catch (TimeoutException e) {
      process.destroyForcibly();
      return false;
    }
  }

  private static long awaitPid(Process launcher, Path pidFile, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!Files.exists(pidFile)) {
      assertThat(launcher.isAlive()).as("launcher running (exit code)").isTrue();
      assertThat(System.nanoTime()).as("launcher started the stack in time").isLessThan(deadline);
      Thread.sleep(250);
    }
    return Long.parseLong(Files.readString(pidFile).trim());
  }
}
