package dev.attentive.events;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the topics of {@link Topics#ALL} that are missing; existing topics are left exactly as
 * they are.
 */
public final class TopicSetup {

  private static final System.Logger LOG = System.getLogger(TopicSetup.class.getName());

  private TopicSetup() {}

  /**
   * Ensures the topics from a daemon thread, retrying every 5 s for 5 minutes: a service must come
   * up (and report itself unhealthy) while Kafka is down, not crash.
   */
  public static Thread ensureTopicsInBackground(
      String bootstrapServers, int partitions, short replicationFactor) {
    Thread setup =
        new Thread(
            () -> {
              for (int attempt = 1; attempt <= 60; attempt++) {
                try (Admin admin =
                    Admin.create(
                        java.util.Map.of(
                            org.apache.kafka.clients.admin.AdminClientConfig
                                    .BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                            org.apache.kafka.clients.admin.AdminClientConfig
                                    .REQUEST_TIMEOUT_MS_CONFIG,
                                "5000",
                            org.apache.kafka.clients.admin.AdminClientConfig
                                    .DEFAULT_API_TIMEOUT_MS_CONFIG,
                                "10000"))) {
                  ensureTopics(admin, partitions, replicationFactor);
                  LOG.log(System.Logger.Level.INFO, "Kafka topics present");
                  return;
                } catch (Exception e) {
                  LOG.log(
                      System.Logger.Level.WARNING,
                      "cannot create topics yet (attempt "
                          + attempt
                          + "): "
                          + e
                          + (e.getCause() != null ? ": " + e.getCause().getMessage() : ""));
                  try {
                    Thread.sleep(5000);
                  } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              }
            },
            "attentive-topic-setup");
    setup.setDaemon(true);
    setup.start();
    return setup;
  }

  public static void ensureTopics(Admin admin, int partitions, short replicationFactor)
      throws InterruptedException, TimeoutException {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing =
          Topics.ALL.stream()
              .filter(spec -> !existing.contains(spec.name()))
              .map(
                  spec ->
                      new NewTopic(
                              spec.name(), Optional.of(partitions), Optional.of(replicationFactor))
                          .configs(spec.configs()))
              .toList();
      if (missing.isEmpty()) {
        return;
      }
      for (var entry : admin.createTopics(missing).values().entrySet()) {
        try {
          entry.getValue().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
          // Another instance created it between our list and create: that is the outcome we wanted.
          if (!(e.getCause() instanceof TopicExistsException)) {
            throw new IllegalStateException(
                "cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause(), e);
    }
  }
}
