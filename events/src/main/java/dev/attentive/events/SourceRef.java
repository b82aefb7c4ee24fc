package dev.attentive.events;

/**
 * A file of the repository a chunk's class may need to compile, by path and git blob SHA; its text
 * is on {@link Topics#SOURCE_FILES} under {@code blobSha}.
 *
 * @param path the file's path in the repository at {@code side}'s commit
 * @param side the commit it was listed at: the PR's head, or its base (for files whose blob
 *     differs, so the base version of the class compiles against the base versions of its
 *     neighbours)
 */
public record SourceRef(String path, String blobSha, Side side) {

  /** Which commit of the pull request a referenced file belongs to. */
  public enum Side {
    HEAD,
    BASE
  }
}
