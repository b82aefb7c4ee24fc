package dev.attentive.reviewer.stream;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.JsonSerde;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.SourceFile;
import dev.attentive.events.SourceRef;
import dev.attentive.events.Topics;
import dev.attentive.reviewer.analysis.SourceContext;
import dev.attentive.streams.GlobalTable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The repositories' source files ({@link Topics#SOURCE_FILES}, keyed by blob SHA) as a global
 * table, like {@link ProfileTable}: a chunk is keyed by pull request, a file by its SHA, so they
 * are not co-partitioned. On disk (RocksDB): the files of every repository under review do not
 * belong in the heap.
 *
 * <p>Ingest writes a chunk's files in the same transaction as, and before, the chunk; but the
 * global thread reads the topic on its own, so it may not have them yet when the chunk arrives.
 * {@link #resolve} then waits for them, a bounded time, and reports the ones still missing.
 */
final class SourceTable {

  static final String STORE = "source-files";

  /** How often a resolve that waits looks again. */
  private static final Duration POLL = Duration.ofMillis(20);

  private final ReadOnlyKeyValueStore<String, byte[]> store;
  private final JsonSerde<SourceFile> serde = EventSerdes.sourceFile();

  /**
   * What a chunk's references resolved to.
   *
   * @param missing references whose file did not arrive (or could not be read) within the wait
   */
  record Resolved(SourceContext sources, int referenced, int missing) {}

  SourceTable(ReadOnlyKeyValueStore<String, byte[]> store) {
    this.store = store;
  }

  static void addTo(Topology topology) {
    GlobalTable.addTo(topology, STORE, Topics.SOURCE_FILES, true);
  }

  /**
   * The texts of the chunk's referenced files, waiting up to {@code wait} for those not in the
   * table yet.
   */
  Resolved resolve(PullRequestDiffChunk chunk, Duration wait) throws InterruptedException {
    List<SourceRef> refs = chunk.sources();
    if (refs == null || refs.isEmpty()) {
      return new Resolved(SourceContext.NONE, 0, 0);
    }
    Map<String, String> head = new HashMap<>();
    Map<String, String> base = new HashMap<>();
    List<SourceRef> left = new ArrayList<>(refs);
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      for (var it = left.iterator(); it.hasNext(); ) {
        SourceRef ref = it.next();
        String text = text(ref.blobSha());
        if (text != null) {
          (ref.side() == SourceRef.Side.BASE ? base : head).put(ref.path(), text);
          it.remove();
        }
      }
      if (left.isEmpty() || System.nanoTime() >= deadline) {
        break;
      }
      Thread.sleep(
          Math.min(POLL.toMillis(), Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
    }
    return new Resolved(new SourceContext(head, base), refs.size(), left.size());
  }

  /** The text of a blob, or null when it is not in the table or cannot be read. */
  private String text(String blobSha) {
    byte[] bytes = blobSha == null ? null : store.get(blobSha);
    if (bytes == null) {
      return null;
    }
    try {
      SourceFile file = serde.deserializer().deserialize(Topics.SOURCE_FILES, bytes);
      return file == null || !blobSha.equals(file.blobSha()) ? null : file.content();
    } catch (RuntimeException e) {
      return null;
    }
  }
}
