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
   * @param changedFiles how many files GitHub says the PR changes
   * @param truncated true when fewer files were listed than the PR changes (the 3,000-file cap)
   */
  record PullRequestFiles(List<ChangedFile> files, int changedFiles, boolean truncated) {}
}
