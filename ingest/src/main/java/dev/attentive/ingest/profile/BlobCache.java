package dev.attentive.ingest.profile;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Blob contents by git blob id, shared by every profile this instance learns: relearning after a
 * push reads only the sampled files the push changed (the sample is chosen by path, so it stays
 * mostly the same). A blob id is the hash of its content, so an entry is never stale; past {@code
 * maxBytes} the least recently used go first. Thread-safe.
 */
public final class BlobCache {

  private final long maxBytes;
  private final LinkedHashMap<String, byte[]> blobs = new LinkedHashMap<>(64, 0.75f, true);
  private long bytes;

  /**
   * @param maxBytes content kept at most; 0 keeps nothing
   */
  public BlobCache(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The content, or null when it is not kept. */
  public synchronized byte[] get(String blobSha) {
    return blobSha == null ? null : blobs.get(blobSha);
  }

  public synchronized void put(String blobSha, byte[] content) {
    if (blobSha == null || content.length > maxBytes || blobs.containsKey(blobSha)) {
      return;
    }
    blobs.put(blobSha, content);
    bytes += content.length;
    Iterator<Map.Entry<String, byte[]>> oldest = blobs.entrySet().iterator();
    while (bytes > maxBytes && oldest.hasNext()) {
      bytes -= oldest.next().getValue().length;
      oldest.remove();
    }
  }

  /** Bytes kept now. */
  public synchronized long bytes() {
    return bytes;
  }
}
