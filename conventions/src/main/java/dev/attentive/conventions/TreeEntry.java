package dev.attentive.conventions;

/**
 * A file of the default branch's tree, before it is read.
 *
 * @param path from the repository root, with {@code /}
 * @param size bytes, as the tree says
 * @param blobSha the git blob id (a cache key); null for a local checkout
 */
public record TreeEntry(String path, long size, String blobSha) {}
