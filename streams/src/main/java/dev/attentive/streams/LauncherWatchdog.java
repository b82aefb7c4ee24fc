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
    Quarkus.asyncExit();
  }
}
