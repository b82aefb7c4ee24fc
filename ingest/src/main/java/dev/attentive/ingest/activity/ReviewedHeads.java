package dev.attentive.ingest.activity;

import dev.attentive.events.DiffManifest;
import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.ReviewActivity;
import dev.attentive.events.Topics;
import dev.attentive.streams.Outgoing;
import dev.attentive.streams.Sink;
import dev.attentive.streams.Sinks;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Per pull request, the last head ingest emitted chunks for: a push whose {@code before} is that
 * head gets an incremental review, and activity on a pull request that is not in here (never
 * reviewed) is ignored. A changelogged store, written in the same exactly-once transaction as the
 * chunks, shared by the delivery and the command processor.
 */
public final class ReviewedHeads {

  /** PR key ({@code owner/name#n}) → head sha. */
  public static final String STORE = "reviewed-heads";

  /** Ingest's new topics (kept here, beside what writes them, until a second writer needs them). */
  public static final Sink<ReviewActivity> REVIEW_ACTIVITY =
      Sink.toTopic(Topics.REVIEW_ACTIVITY, EventSerdes.reviewActivity());

  public static final Sink<Feedback> FEEDBACK =
      Sink.toTopic(Topics.FEEDBACK, EventSerdes.feedback());

  private final KeyValueStore<String, String> store;

  public ReviewedHeads(KeyValueStore<String, String> store) {
    this.store = store;
  }

  /**
   * In memory with a changelog: one short entry per open PR, restored on start. Entries of closed
   * PRs are removed by the close.
   */
  public static StoreBuilder<KeyValueStore<String, String>> builder() {
    return Stores.keyValueStoreBuilder(
        Stores.inMemoryKeyValueStore(STORE), Serdes.String(), Serdes.String());
  }

  /** The head last reviewed, or null when the PR was never reviewed (or is closed). */
  public String last(String pullRequestKey) {
    return store.get(pullRequestKey);
  }

  /** Remembers the head of the manifest among {@code out}, if the records hold one. */
  public void recordFrom(String pullRequestKey, List<Outgoing<?>> out) {
    for (Outgoing<?> one : out) {
      if (one.sink().equals(Sinks.DIFF_MANIFESTS) && one.value() instanceof DiffManifest m) {
        store.put(pullRequestKey, m.headSha());
      }
    }
  }

  public void forget(String pullRequestKey) {
    store.delete(pullRequestKey);
  }
}
