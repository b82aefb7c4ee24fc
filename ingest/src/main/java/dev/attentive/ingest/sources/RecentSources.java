package dev.attentive.ingest.sources;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Blob SHAs this instance published on the source-files topic lately, so that every push of a pull
 * request does not publish the same unchanged neighbours again (the topic is compacted by SHA: a
 * repeat only costs bytes). Bounded; an entry expires after {@code ttl}, so a file whose
 * transaction was aborted after it was remembered is published again by a later fetch. Thread-safe.
 */
public final class RecentSources {

  private final int max;
  private final Duration ttl;
  private final Clock clock;
  private final LinkedHashMap<String, Instant> published = new LinkedHashMap<>(256, 0.75f, false);

  public RecentSources(int max, Duration ttl, Clock clock) {
    this.max = max;
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Whether the SHA was published within the TTL. */
  public synchronized boolean contains(String blobSha) {
    Instant at = published.get(blobSha);
    return at != null && at.plus(ttl).isAfter(clock.instant());
  }

  public synchronized void add(String blobSha) {
    if (max <= 0) {
      return;
    }
    published.remove(blobSha);
    published.put(blobSha, clock.instant());
    var oldest = published.entrySet().iterator();
    while (published.size() > max && oldest.hasNext()) {
      oldest.next();
      oldest.remove();
    }
  }

  /** SHAs remembered now. */
  public synchronized int size() {
    return published.size();
  }

  /** For tests: the remembered SHAs with their time. */
  synchronized Map<String, Instant> snapshot() {
    return Map.copyOf(published);
  }
}
