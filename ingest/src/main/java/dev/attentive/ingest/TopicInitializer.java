package dev.attentive.ingest;

import dev.attentive.events.TopicSetup;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Creates missing topics in the background at start-up (a stream app whose input topic is missing does not start).
 * In the background because ingest must come up, and answer 503, even while Kafka is down.
 */
@ApplicationScoped
public class TopicInitializer {

  private static final Logger LOG = Logger.getLogger(TopicInitializer.class);

  void onStart(@Observes StartupEvent event, IngestConfig config,
      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
    if (!config.topics().create()) {
      return;
    }
    Thread setup = new Thread(() -> {
      for (int attempt = 1; attempt <= 60; attempt++) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000",
            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000"))) {
          TopicSetup.ensureTopics(admin, config.topics().partitions(), config.topics().replicationFactor());
          LOG.info("Kafka topics present");
          return;
        } catch (Exception e) {
          LOG.warnf("cannot create topics yet (attempt %d): %s", attempt,
              e.getCause() != null ? e.getMessage() + ": " + e.getCause().getMessage() : e.getMessage());
          try {
            Thread.sleep(5000);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            return;
          }
        }
      }
    }, "attentive-topic-setup");
    setup.setDaemon(true);
    setup.start();
  }
}
