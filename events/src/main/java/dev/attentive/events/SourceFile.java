package dev.attentive.events;

/**
 * One source file's text, published by ingest on {@link Topics#SOURCE_FILES} keyed by its git blob
 * SHA, so that the reviewer can compile a changed class with the classes around it. A blob SHA
 * names its content, so a record never goes stale and the compacted topic keeps one per SHA.
 *
 * @param blobSha the git blob id (40 hex digits): the record's key
 * @param content the file's text (UTF-8), at most {@link #MAX_BYTES} bytes
 */
public record SourceFile(int schemaVersion, String blobSha, String content) implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  /**
   * Largest file published (UTF-8 bytes): far below Kafka's 1 MB default record size even with JSON
   * escaping; larger files are left out of the source path.
   */
  public static final int MAX_BYTES = 256 * 1024;
}
