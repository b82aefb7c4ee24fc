package dev.attentive.streams;

import io.smallrye.config.WithDefault;

/**
 * What every service's configuration mapping ({@code attentive.<service>}) extends: how its topics
 * are created, {@code attentive.<service>.topics.create}, {@code .partitions} and {@code
 * .replication-factor}.
 */
public interface StreamsServiceConfig {

  TopicCreation topics();

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
