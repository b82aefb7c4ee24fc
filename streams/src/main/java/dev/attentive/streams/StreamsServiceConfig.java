package dev.attentive.streams;

import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * What every service's configuration mapping ({@code attentive.<service>}) extends: how its topics
 * are created, {@code attentive.<service>.topics.create}, {@code .partitions} and {@code
 * .replication-factor}, and how long it may take to stop, {@code
 * attentive.<service>.shutdown-timeout}.
 */
public interface StreamsServiceConfig {

  TopicCreation topics();

  /**
   * From the stop signal to the exit, at most: the stream is closed within it (committing what it
   * can), and when it is not, the JVM halts and the uncommitted rest is replayed. Under Kubernetes'
   * default grace period (30 s), so the service ends by itself before it is killed.
   */
  @WithDefault("25s")
  Duration shutdownTimeout();

  interface TopicCreation {
    /** Create missing topics at start-up (off when a Helm hook or an operator creates them). */
    @WithDefault("true")
    boolean create();

    @WithDefault("6")
    int partitions();

    @WithDefault("1")
    short replicationFactor();
  }
}
