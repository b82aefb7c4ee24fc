package dev.attentive.reviewer;

import dev.attentive.events.TopicSetup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Creates missing topics in the background at start-up. */
@ApplicationScoped
public class TopicInitializer {

  void onStart(@Observes StartupEvent event, ReviewerConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    if (config.topics().create()) {
      TopicSetup.ensureTopicsInBackground(bootstrapServers, config.topics().partitions(),
          config.topics().replicationFactor());
    }
  }
}
