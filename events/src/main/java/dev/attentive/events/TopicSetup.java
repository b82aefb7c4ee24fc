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

/** Creates the topics of {@link Topics#ALL} that are missing; existing topics are left exactly as they are. */
public final class TopicSetup {

  private TopicSetup() {}

  public static void ensureTopics(Admin admin, int partitions, short replicationFactor)
      throws InterruptedException, TimeoutException {
    try {
      Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
      List<NewTopic> missing = Topics.ALL.stream()
          .filter(spec -> !existing.contains(spec.name()))
          .map(spec -> new NewTopic(spec.name(), Optional.of(partitions), Optional.of(replicationFactor))
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
            throw new IllegalStateException("cannot create topic " + entry.getKey() + ": " + e.getCause(), e);
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot list topics: " + e.getCause(), e);
    }
  }
}
