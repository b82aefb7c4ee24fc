package dev.attentive.streams;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Stops the service when the process that launched it ends, however it ended (a {@code kill -9}
 * runs no shutdown hook that could stop its children). Only the local stack sets {@code
 * ATTENTIVE_PARENT_PID}; in a cluster the service has no parent to watch.
 */
@ApplicationScoped
public class LauncherWatchdog {

  private static final Logger LOG = Logger.getLogger(LauncherWatchdog.class);

  /** How long an orphaned service may take to stop before it is halted. */
  static final java.time.Duration ORPHAN_BOUND = java.time.Duration.ofSeconds(40);

  void onStart(
      @Observes StartupEvent event,
      @ConfigProperty(name = "attentive.parent-pid") Optional<Long> parentPid) {
    parentPid.ifPresent(
        pid ->
            ProcessHandle.of(pid)
                .ifPresentOrElse(
                    parent -> parent.onExit().thenRun(() -> stop(pid)), () -> stop(pid)));
  }

  private static void stop(long pid) {
    LOG.warnf("The launcher (pid %d) has ended: stopping", pid);
    // An orphan must end even when a stop right after start-up hangs (broker gone with the
    // launcher): halt once the shutdown bound has passed.
    Thread guard =
        new Thread(
            () -> {
              try {
                Thread.sleep(ORPHAN_BOUND.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              LOG.errorf("Not stopped %s after the launcher ended: halting", ORPHAN_BOUND);
              Runtime.getRuntime().halt(BoundedShutdown.HALTED);
            },
            "attentive-orphan-bound");
    guard.setDaemon(true);
    guard.start();
    Quarkus.asyncExit();
  }
}
