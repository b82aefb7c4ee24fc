package dev.attentive.streams;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import org.apache.kafka.streams.KafkaStreams;
import org.jboss.logging.Logger;

/**
 * Stops the service within {@code attentive.<service>.shutdown-timeout}, even with the broker gone.
 *
 * <p>Quarkus closes Kafka Streams without a time-out, and with the broker gone the close waits for
 * threads that wait on the broker (thread dumps of a reviewer, issue 16): the global-table thread
 * retrying the profiles topic's metadata for {@code task.timeout.ms} (5 min), the stream thread
 * polling for its group coordinator; so SIGTERM seemed ignored. Here the stream is closed first
 * with the bound; if it is not closed by then, the JVM halts. Under exactly-once nothing is lost by
 * that: the open transaction is aborted and its input is consumed again from the last commit.
 */
@ApplicationScoped
public class BoundedShutdown {

  private static final Logger LOG = Logger.getLogger(BoundedShutdown.class);

  /** The exit status when the bound ran out (the stream did not close cleanly). */
  static final int HALTED = 3;

  /** Before Quarkus' own observer, which closes the stream without a time-out. */
  void onStop(
      @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event,
      StreamsServiceConfig config,
      Instance<KafkaStreams> streams) {
    Duration bound = config.shutdownTimeout();
    if (jvmShuttingDown()) {
      // Only a JVM on its way out may be halted: an application stopped inside a JVM that goes on
      // (a test JVM between Quarkus apps, dev mode) must not be killed 25 s later.
      haltAfter(bound);
    }
    if (streams.isResolvable()) {
      // Leaves a moment of the bound for Quarkus' own stop after the stream.
      Duration forStream = bound.multipliedBy(9).dividedBy(10);
      if (!streams.get().close(forStream)) {
        LOG.warnf(
            "Kafka Streams not closed within %s (broker unreachable?); the uncommitted records"
                + " are processed again after the restart",
            forStream);
      }
    }
  }

  /**
   * Whether the JVM itself is shutting down (SIGTERM, SIGINT, System.exit): the JVM refuses new
   * shutdown hooks then.
   */
  static boolean jvmShuttingDown() {
    Thread probe = new Thread(() -> {}, "attentive-shutdown-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException shuttingDown) {
      return true;
    }
  }

  private static void haltAfter(Duration bound) {
    Thread guard =
        new Thread(
            () -> {
              try {
                Thread.sleep(bound.toMillis());
              } catch (InterruptedException e) {
                return;
              }
              System.err.println(
                  "Not stopped within attentive.<service>.shutdown-timeout ("
                      + bound
                      + "): halting; uncommitted records are replayed after the restart");
              System.err.flush();
              Runtime.getRuntime().halt(HALTED);
            },
            "attentive-shutdown-bound");
    guard.setDaemon(true);
    guard.start();
  }
}
