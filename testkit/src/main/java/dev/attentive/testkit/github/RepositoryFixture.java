package dev.attentive.testkit.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A repository's git data as the emulator serves it ({@link GitDataEndpoints}): files at commits,
 * branches pointing at commits, and the default branch. Build the files, then {@link #commit()}
 * snapshots them as a new commit on the default branch and serves it:
 *
 * <pre>{@code
 * RepositoryFixture repo = gh.repository("octo/repo").defaultBranch("main");
 * String sha = repo.file("src/A.java", "class A {}\n").commit();
 * }</pre>
 *
 * <p>Blob ids are git's ({@code sha1("blob <size>\0" + bytes)}); tree and commit ids are derived
 * deterministically from the content, so the same files give the same ids on every run.
 */
public final class RepositoryFixture {

  /** A snapshot: path → bytes, in path order. */
  record Commit(String sha, String treeSha, Map<String, byte[]> files) {}

  private final GitDataEndpoints endpoints;
  private final String owner;
  private final String name;
  private final Map<String, byte[]> files = new TreeMap<>();
  private final Map<String, String> branches = new LinkedHashMap<>();
  private String defaultBranch = "main";
  private int treeLimit = Integer.MAX_VALUE;
  private String parent = "";

  RepositoryFixture(GitDataEndpoints endpoints, String owner, String name) {
    this.endpoints = endpoints;
    this.owner = owner;
    this.name = name;
  }

  public String ownerRepo() {
    return owner + "/" + name;
  }

  String owner() {
    return owner;
  }

  String name() {
    return name;
  }

  public synchronized RepositoryFixture defaultBranch(String branch) {
    this.defaultBranch = Objects.requireNonNull(branch, "branch");
    return this;
  }

  public synchronized String defaultBranch() {
    return defaultBranch;
  }

  /** Sets a file of the next commit (UTF-8 text). */
  public RepositoryFixture file(String path, String text) {
    return file(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sets a file of the next commit. */
  public synchronized RepositoryFixture file(String path, byte[] bytes) {
    if (path.startsWith("/") || path.endsWith("/") || path.contains("//")) {
      throw new IllegalArgumentException("not a repository path: " + path);
    }
    files.put(path, bytes.clone());
    return this;
  }

  /** Removes every file of the next commit. */
  public synchronized RepositoryFixture clearFiles() {
    files.clear();
    return this;
  }

  /**
   * Like GitHub for a tree too large for one answer: at most {@code entries} entries (files and
   * directories) are listed recursively, with {@code "truncated": true}.
   */
  public synchronized RepositoryFixture truncateTreesAt(int entries) {
    if (entries < 0) {
      throw new IllegalArgumentException("entries " + entries);
    }
    this.treeLimit = entries;
    return this;
  }

  synchronized int treeLimit() {
    return treeLimit;
  }

  /**
   * Snapshots the files as a new commit, points the default branch at it and serves the repository;
   * returns the commit's sha.
   */
  public synchronized String commit() {
    StringBuilder listing = new StringBuilder();
    Map<String, byte[]> snapshot = new TreeMap<>();
    files.forEach(
        (path, bytes) -> {
          snapshot.put(path, bytes);
          listing.append(path).append(' ').append(blobSha(bytes)).append('\n');
        });
    String treeSha = sha1("tree\n" + listing);
    String sha = sha1("commit " + treeSha + "\nparent " + parent + "\n" + ownerRepo());
    parent = sha;
    branches.put(defaultBranch, sha);
    endpoints.add(this, new Commit(sha, treeSha, snapshot));
    return sha;
  }

  /** The branch's head, or null when there is no such branch. */
  public synchronized String branch(String branch) {
    return branches.get(branch);
  }

  /** Points a branch at a commit made before. */
  public synchronized RepositoryFixture branch(String branch, String sha) {
    branches.put(branch, sha);
    endpoints.add(this, null);
    return this;
  }

  /** Deletes a branch: its head is no longer found (its commits and blobs still are). */
  public synchronized RepositoryFixture deleteBranch(String branch) {
    branches.remove(branch);
    return this;
  }

  /** git's blob id of these bytes. */
  public static String blobSha(byte[] bytes) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(("blob " + bytes.length + "\0").getBytes(StandardCharsets.US_ASCII));
      return HexFormat.of().formatHex(sha1.digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String sha1(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
