package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.Topics;
import dev.attentive.streams.GlobalTable;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The repositories' learned profiles as a global table: every reviewer instance holds all of them
 * (a chunk is keyed by pull request, a profile by repository, so they are not co-partitioned). The
 * store keeps the record's bytes as they are and is read with a tolerant serde: a profile that
 * cannot be read is treated as no profile, never a failed chunk.
 */
final class ProfileTable {

  static final String STORE = "repo-profiles";

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<RepositoryProfile> serde = EventSerdes.repositoryProfile();

  /** What a lookup found. */
  record Lookup(RepositoryProfile profile, String problem) {}

  ProfileTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  /**
   * Adds the global store and its updater to the topology. In memory: one profile is a few KB
   * (docs/operations.md sizes it), and the compacted topic restores it on start.
   */
  static void addTo(Topology topology) {
    GlobalTable.addTo(topology, STORE, Topics.REPO_PROFILES, false);
  }

  /** The profile of {@code repository}; null profile when there is none or it is unreadable. */
  Lookup lookup(String repository) {
    byte[] bytes = repository == null ? null : store.get(repository);
    if (bytes == null) {
      return new Lookup(null, null);
    }
    try {
      RepositoryProfile profile = serde.deserializer().deserialize(Topics.REPO_PROFILES, bytes);
      if (profile == null || !repository.equals(profile.repository())) {
        return new Lookup(null, "its profile names another repository");
      }
      return new Lookup(profile, null);
    } catch (RuntimeException e) {
      return new Lookup(null, "its profile could not be read (" + e.getMessage() + ")");
    }
  }
}
