package dev.attentive.publisher.github;

import dev.attentive.github.auth.InstallationClients;
import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The publisher's GitHub clients, from the shared module (its retries are built with the topology).
 */
@ApplicationScoped
public class GitHubProducer {

  @Produces
  @Singleton
  InstallationClients clients(PublisherConfig config) {
    return InstallationClients.create(config.github());
  }
}
