package dev.attentive.streams;

import dev.attentive.events.TopicSetup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates missing topics in the background at start-up (a stream app whose input topic is missing
 * does not start), in every service: the service's configuration mapping extends {@link
 * StreamsServiceConfig}.
 */
@ApplicationScoped
public class TopicInitializer {

  void onStart(
      @Observes StartupEvent event,
      StreamsServiceConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    if (config.topics().create()) {
      TopicSetup.ensureTopicsInBackground(
          bootstrapServers, config.topics().partitions(), config.topics().replicationFactor());
    }
  }
}
