package dev.attentive.ingest.profile;

import dev.attentive.conventions.ProfileBuilder;
import dev.attentive.conventions.TreeEntry;
import dev.attentive.events.ProfileRequest;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.ingest.github.GitHubGateway;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Learns one repository's profile from GitHub: the default branch's head (unless the request names
 * the commit), its recursive tree, then the sampled blobs, all read through {@link GitHubCalls}
 * (retries, {@code Retry-After}, one retry budget per profile), and the conventions from {@link
 * ProfileBuilder}: the same sampling and learning as {@code attentive profile --repo DIR}. Blobs
 * already read (by any profile of this instance) come from the {@link BlobCache}. Pure GitHub
 * reading; the caller publishes.
 */
public final class ProfileFetcher {

  private final GitHubGateway github;
  private final GitHubCalls calls;
  private final ProfileBuilder builder;
  private final BlobCache blobs;
  private final Clock clock;

  /**
   * @param blobs contents already read, by blob id (shared by the profiles of this instance)
   */
  public ProfileFetcher(
      GitHubGateway github,
      GitHubCalls calls,
      ProfileBuilder builder,
      BlobCache blobs,
      Clock clock) {
    this.github = github;
    this.calls = calls;
    this.builder = builder;
    this.blobs = blobs;
    this.clock = clock;
  }

  /**
   * @throws GitHubFailedException when GitHub refuses or keeps failing (its reason says which)
   * @throws FileNotFoundException when most sampled files vanished while reading (the branch moved
   *     or was deleted)
   * @throws InterruptedIOException when the thread was interrupted
   */
  public RepositoryProfile learn(ProfileRequest request) throws IOException {
    String repository = request.repository();
    GitHubCalls.Budget budget = calls.budget();
    GitHubGateway.GitData git = github.gitData(repository, request.installationId());
    String branch =
        request.defaultBranch() != null
            ? request.defaultBranch()
            : read("read " + repository, budget, git::defaultBranch);
    String sha =
        request.sha() != null
            ? request.sha()
            : read(
                "read the head of " + repository + "@" + branch,
                budget,
                () -> git.branchHead(branch));
    GitHubGateway.GitTree tree =
        read("read the tree of " + repository + "@" + sha, budget, () -> git.tree(sha));
    List<TreeEntry> files = new ArrayList<>(tree.entries().size());
    for (GitHubGateway.GitTreeEntry e : tree.entries()) {
      if ("blob".equals(e.type())) {
        files.add(new TreeEntry(e.path(), e.size(), e.sha()));
      }
    }
    ProfileBuilder.Reader reader =
        entry -> {
          byte[] cached = blobs.get(entry.blobSha());
          if (cached != null) {
            return cached;
          }
          try {
            byte[] content =
                read(
                    "read " + entry.path() + " of " + repository + "@" + sha,
                    budget,
                    () -> git.blob(entry.blobSha()));
            blobs.put(entry.blobSha(), content);
            return content;
          } catch (GitHubFailedException e) {
            if (e.status() == 404) {
              // Gone since the tree was read: ProfileBuilder skips it, or gives up when most are.
              throw new FileNotFoundException(e.getMessage());
            }
            throw e;
          }
        };
    RepositoryProfile profile =
        builder.build(repository, branch, sha, files, reader, clock.instant(), git::requests);
    if (!tree.truncated()) {
      return profile;
    }
    List<String> notes = new ArrayList<>(profile.notes());
    notes.add(
        "GitHub listed only part of the tree ("
            + tree.entries().size()
            + " entries, truncated): the sample comes from the listed part");
    return new RepositoryProfile(
        profile.schemaVersion(),
        profile.repository(),
        profile.defaultBranch(),
        profile.sha(),
        profile.learnedAt(),
        profile.sample(),
        profile.conventions(),
        profile.tools(),
        notes);
  }

  @FunctionalInterface
  private interface Read<T> {
    T run() throws IOException;
  }

  private <T> T read(String what, GitHubCalls.Budget budget, Read<T> read) throws IOException {
    try {
      return calls.read(what, budget, previous -> read.run());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException interrupted = new InterruptedIOException("interrupted during " + what);
      interrupted.initCause(e);
      throw interrupted;
    }
  }
}
