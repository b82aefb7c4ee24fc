package dev.attentive.testkit.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An open pull request served by a {@link GitHubEmulator}. Obtain one with {@link
 * GitHubEmulator#pullRequest(String, int)}, describe it fluently, then call {@link #register()} —
 * the emulator serves the state as of the last {@code register()} call, so a fixture can be changed
 * and re-registered (e.g. a new head sha after a push).
 *
 * <p>Defaults: head/base shas derived from the repository and number, head ref {@code feature-<n>},
 * base ref {@code main}, title {@code Pull request #<n>}, no body, not a draft, one commit, no
 * files. The author and the repository owner are the owner part of {@code owner/repo}.
 */
public final class PullRequestFixture {

  /** The {@code status} values GitHub uses in the PR files list. */
  public static final Set<String> STATUSES =
      Set.of("added", "removed", "modified", "renamed", "copied", "changed", "unchanged");

  /**
   * One entry of the PR files list. {@code patch} is null where GitHub omits it (binary files, pure
   * renames).
   */
  public record FileChange(
      String filename,
      String status,
      String patch,
      String previousFilename,
      int additions,
      int deletions) {}

  private final PullsEndpoints endpoints;
  private final String owner;
  private final String repo;
  private final int number;
  private String headSha;
  private String baseSha;
  private String headRef;
  private String baseRef = "main";
  private String title;
  private String body;
  private boolean draft;
  private int commits = 1;
  private final List<FileChange> files = new ArrayList<>();

  PullRequestFixture(PullsEndpoints endpoints, String owner, String repo, int number) {
    this.endpoints = endpoints;
    this.owner = owner;
    this.repo = repo;
    this.number = number;
    String key = owner + "/" + repo + "#" + number;
    this.headSha = GitHubJson.sha1Hex("head:" + key);
    this.baseSha = GitHubJson.sha1Hex("base:" + key);
    this.headRef = "feature-" + number;
    this.title = "Pull request #" + number;
  }

  // ---------------------------------------------------------------- fluent setters

  public synchronized PullRequestFixture head(String sha) {
    this.headSha = requireSha(sha);
    return this;
  }

  public synchronized PullRequestFixture base(String sha) {
    this.baseSha = requireSha(sha);
    return this;
  }

  public synchronized PullRequestFixture headRef(String ref) {
    this.headRef = Objects.requireNonNull(ref, "ref");
    return this;
  }

  public synchronized PullRequestFixture baseRef(String ref) {
    this.baseRef = Objects.requireNonNull(ref, "ref");
    return this;
  }

  public synchronized PullRequestFixture title(String title) {
    this.title = Objects.requireNonNull(title, "title");
    return this;
  }

  /** The PR description; {@code null} (the default) is what GitHub sends for an empty one. */
  public synchronized PullRequestFixture body(String body) {
    this.body = body;
    return this;
  }

  public synchronized PullRequestFixture draft(boolean draft) {
    this.draft = draft;
    return this;
  }

  public synchronized PullRequestFixture commits(int commits) {
    if (commits < 1) {
      throw new IllegalArgumentException("a pull request has at least one commit");
    }
    this.commits = commits;
    return this;
  }

  /**
   * Adds a file. {@code status}: added, removed, modified, renamed, … ; {@code patch} is the GitHub
   * files-API patch (hunks only, starting with {@code @@}); additions/deletions are counted from
   * its {@code +}/{@code -} lines. A null patch is served without the {@code patch} field.
   */
  public synchronized PullRequestFixture file(String filename, String status, String patch) {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "unknown file status '" + status + "', expected one of " + STATUSES);
    }
    return add(filename, status, patch, null);
  }

  /**
   * A renamed file ({@code status: renamed}, {@code previous_filename}); {@code patch} may be null
   * (pure rename).
   */
  public synchronized PullRequestFixture renamedFile(
      String filename, String previousFilename, String patch) {
    return add(
        filename, "renamed", patch, Objects.requireNonNull(previousFilename, "previousFilename"));
  }

  /** An added binary file: GitHub sends no {@code patch} and 0 additions/deletions/changes. */
  public synchronized PullRequestFixture binaryFile(String filename) {
    return binaryFile(filename, "added");
  }

  public synchronized PullRequestFixture binaryFile(String filename, String status) {
    return file(filename, status, null);
  }

  /** Drops all files added so far. */
  public synchronized PullRequestFixture clearFiles() {
    files.clear();
    return this;
  }

  /** (Re)installs the stubs for the repository, this pull request and its files list. */
  public PullRequestFixture register() {
    endpoints.install(this);
    return this;
  }

  // ---------------------------------------------------------------- read side

  public String ownerRepo() {
    return owner + "/" + repo;
  }

  public String owner() {
    return owner;
  }

  public String repo() {
    return repo;
  }

  public int number() {
    return number;
  }

  public synchronized String headSha() {
    return headSha;
  }

  public synchronized String baseSha() {
    return baseSha;
  }

  public synchronized String headRef() {
    return headRef;
  }

  public synchronized String baseRef() {
    return baseRef;
  }

  public synchronized String title() {
    return title;
  }

  public synchronized String body() {
    return body;
  }

  public synchronized boolean draft() {
    return draft;
  }

  public synchronized int commits() {
    return commits;
  }

  /** All files, including any beyond GitHub's 3,000-file listing cap. */
  public synchronized List<FileChange> files() {
    return List.copyOf(files);
  }

  // ---------------------------------------------------------------- internals

  private PullRequestFixture add(
      String filename, String status, String patch, String previousFilename) {
    Objects.requireNonNull(filename, "filename");
    int additions = 0;
    int deletions = 0;
    if (patch != null) {
      boolean inHunk = false;
      for (String line : patch.split("\n", -1)) {
        if (line.startsWith("@@")) {
          inHunk = true;
        } else if (inHunk && line.startsWith("+")) {
          additions++;
        } else if (inHunk && line.startsWith("-")) {
          deletions++;
        }
      }
    }
    files.add(new FileChange(filename, status, patch, previousFilename, additions, deletions));
    return this;
  }

  private static String requireSha(String sha) {
    if (sha == null || sha.isBlank() || !sha.matches("[^\\s/]+")) {
      throw new IllegalArgumentException(
          "expected a commit sha (40 hex characters on GitHub), got " + sha);
    }
    return sha;
  }
}
