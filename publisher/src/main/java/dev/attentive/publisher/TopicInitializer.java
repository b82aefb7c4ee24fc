package dev.attentive.publisher;

import dev.attentive.events.TopicSetup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates missing topics in the background at start-up (a stream app whose input topic is missing does not start). */
@ApplicationScoped
public class TopicInitializer {

  void onStart(@Observes StartupEvent event, PublisherConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    if (config.topics().create()) {
      TopicSetup.ensureTopicsInBackground(bootstrapServers, config.topics().partitions(),
          config.topics().replicationFactor());
    }
  }
}
