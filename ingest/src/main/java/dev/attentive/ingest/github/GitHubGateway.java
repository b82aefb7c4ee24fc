package dev.attentive.ingest.github;

import java.io.IOException;
import java.util.List;

/**
 * What ingest needs from GitHub. One real implementation ({@link KohsukeGitHubGateway}); tests use
 * the emulator. Every method may throw what the kohsuke client throws; {@link
 * dev.attentive.github.call.GitHubFailure#classify} sorts it out, and the callers retry through
 * {@link dev.attentive.github.call.GitHubCalls}.
 */
public interface GitHubGateway {

  /**
   * The changed files of a pull request with their patches, in GitHub's order, at most the
   * configured cap (GitHub itself lists at most 3,000).
   *
   * @throws java.io.FileNotFoundException when the pull request does not exist or cannot be seen
   */
  PullRequestFiles listFiles(String repository, int number, Long installationId) throws IOException;

  /**
   * The text of a file at a commit, or empty when GitHub has no text for it (not found, binary,
   * over 1 MB).
   */
  java.util.Optional<String> fileContent(
      String repository, String path, String ref, Long installationId) throws IOException;

  /**
   * A pull request's current base and head ({@code GET /repos/{o}/{r}/pulls/{n}}), for commands
   * that review "now".
   *
   * @throws java.io.FileNotFoundException when the PR does not exist or cannot be seen
   */
  PullRequestHead pullRequest(String repository, int number, Long installationId)
      throws IOException;

  /**
   * What changed between two commits ({@code GET /repos/{o}/{r}/compare/{base}...{head}}): how
   * {@code head} relates to {@code base} and, file by file, the unified diff between them.
   *
   * @throws java.io.FileNotFoundException when GitHub does not know one of the commits (e.g. a
   *     force-pushed head that was collected)
   */
  Comparison compare(String repository, String base, String head, Long installationId)
      throws IOException;

  /**
   * The user's permission on the repository ({@code GET
   * /repos/{o}/{r}/collaborators/{user}/permission}): "admin", "write" (maintainers included),
   * "read" or "none".
   */
  String permission(String repository, String login, Long installationId) throws IOException;

  /**
   * Posts a comment on the pull request's conversation ({@code POST
   * /repos/{o}/{r}/issues/{n}/comments}).
   */
  void comment(String repository, int number, String body, Long installationId) throws IOException;

  /**
   * A repository's git data, for learning its profile. No request is made here; the first call on
   * it reads the repository ({@code GET /repos/{o}/{r}}) once, then each call is one request.
   */
  GitData gitData(String repository, Long installationId);

  /** Reads of one repository's git data; not thread-safe (one profile at a time). */
  interface GitData {

    /** The repository's default branch ({@code GET /repos/{o}/{r}}). */
    String defaultBranch() throws IOException;

    /**
     * The head commit of a branch ({@code GET /repos/{o}/{r}/branches/{branch}}).
     *
     * @throws java.io.FileNotFoundException when there is no such branch
     */
    String branchHead(String branch) throws IOException;

    /**
     * The recursive tree of a commit ({@code GET /repos/{o}/{r}/git/trees/{sha}?recursive=1}).
     *
     * @throws java.io.FileNotFoundException when the commit is not known
     */
    GitTree tree(String sha) throws IOException;

    /**
     * A blob's bytes ({@code GET /repos/{o}/{r}/git/blobs/{sha}}, base64 in GitHub's answer).
     *
     * @throws java.io.FileNotFoundException when the blob is not known
     */
    byte[] blob(String sha) throws IOException;

    /** Requests sent so far, failed ones and the repository read included. */
    int requests();
  }

  /**
   * One entry of a git tree.
   *
   * @param type {@code blob}, {@code tree} or {@code commit} (a submodule)
   * @param size bytes of a blob; 0 for the others
   */
  record GitTreeEntry(String path, String type, long size, String sha) {}

  /**
   * @param truncated GitHub listed only part of the tree (over 100,000 entries or 7 MB)
   */
  record GitTree(String sha, List<GitTreeEntry> entries, boolean truncated) {}

  /**
   * @param defaultBranch the base repository's default branch (where {@code .attentive.yml} is read
   *     from)
   * @param state "open" or "closed"
   */
  record PullRequestHead(String baseSha, String headSha, String defaultBranch, String state) {}

  /**
   * One entry of GitHub's "list pull request files".
   *
   * @param patch null when GitHub sends none (binary files, pure renames, diffs too large to show)
   */
  record ChangedFile(
      String filename,
      String previousFilename,
      String status,
      int additions,
      int deletions,
      int changes,
      String patch) {}

  /**
   * GitHub's comparison of two commits.
   *
   * @param status {@code ahead} (base is an ancestor of head), {@code identical}, {@code behind} or
   *     {@code diverged}
   * @param files the changed files; GitHub lists at most 300 in one comparison
   */
  record Comparison(String status, int aheadBy, int behindBy, List<ChangedFile> files) {

    /** GitHub lists at most this many files in a comparison; more changed files are left out. */
    public static final int MAX_FILES = 300;

    public Comparison {
      files = List.copyOf(files);
    }

    /** Whether GitHub may have left changed files out (it listed as many as it ever lists). */
    public boolean mayBeTruncated() {
      return files.size() >= MAX_FILES;
    }

    /** Whether head only adds commits on top of base (a plain push, not a force-push). */
    public boolean fastForward() {
      return "ahead".equals(status) || "identical".equals(status);
    }
  }

  /**
   * @param changedFiles how many files GitHub says the PR changes
   * @param truncated true when fewer files were listed than the PR changes (the 3,000-file cap)
   */
  record PullRequestFiles(List<ChangedFile> files, int changedFiles, boolean truncated) {}
}
