package dev.attentive.ingest.github;

import dev.attentive.github.auth.InstallationClients;
import dev.attentive.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTree;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHub;

/**
 * {@link GitHubGateway} through the kohsuke GitHub API client. Each method is one call as the
 * installation (a 401 renews its token and repeats the call once); failures are thrown as the
 * client throws them.
 */
@ApplicationScoped
public class KohsukeGitHubGateway implements GitHubGateway {

  private final InstallationClients clients;
  private final int maxFiles;
  private final int pageSize;

  @jakarta.inject.Inject
  public KohsukeGitHubGateway(InstallationClients clients, IngestConfig config) {
    this(clients, config.github().maxFiles(), config.github().pageSize());
  }

  /** Outside the service (the profile benchmark): the limits of the file list given directly. */
  public KohsukeGitHubGateway(InstallationClients clients, int maxFiles, int pageSize) {
    this.clients = clients;
    this.maxFiles = maxFiles;
    this.pageSize = pageSize;
  }

  @Override
  public PullRequestFiles listFiles(String repository, int number, Long installationId)
      throws IOException {
    try {
      return clients.call(
          installationId,
          github -> {
            GHPullRequest pr = github.getRepository(repository).getPullRequest(number);
            List<ChangedFile> files = new ArrayList<>();
            for (GHPullRequestFileDetail f : pr.listFiles().withPageSize(pageSize)) {
              if (files.size() >= maxFiles) {
                break;
              }
              files.add(
                  new ChangedFile(
                      f.getFilename(),
                      f.getPreviousFilename(),
                      f.getStatus(),
                      f.getAdditions(),
                      f.getDeletions(),
                      f.getChanges(),
                      f.getPatch()));
            }
            int changed = pr.getChangedFiles();
            return new PullRequestFiles(List.copyOf(files), changed, changed > files.size());
          });
    } catch (org.kohsuke.github.GHException e) {
      // The page iterator wraps I/O failures in an unchecked exception.
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  @Override
  public java.util.Optional<String> fileContent(
      String repository, String path, String ref, Long installationId) throws IOException {
    try {
      var content =
          clients.call(
              installationId, github -> github.getRepository(repository).getFileContent(path, ref));
      String encoded = content.getEncodedContent();
      if (!"base64".equals(content.getEncoding()) || encoded == null) {
        return java.util.Optional.empty(); // GitHub sends no content over 1 MB ("encoding": "none")
      }
      byte[] bytes = java.util.Base64.getMimeDecoder().decode(encoded);
      var decoder = java.nio.charset.StandardCharsets.UTF_8.newDecoder();
      try {
        return java.util.Optional.of(decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString());
      } catch (java.nio.charset.CharacterCodingException binary) {
        return java.util.Optional.empty();
      }
    } catch (FileNotFoundException e) {
      return java.util.Optional.empty();
    }
  }

  @Override
  public PullRequestHead pullRequest(String repository, int number, Long installationId)
      throws IOException {
    return clients.call(
        installationId,
        github -> {
          GHPullRequest pr = github.getRepository(repository).getPullRequest(number);
          String defaultBranch =
              pr.getBase().getRepository() == null
                  ? null
                  : pr.getBase().getRepository().getDefaultBranch();
          return new PullRequestHead(
              pr.getBase().getSha(),
              pr.getHead().getSha(),
              defaultBranch,
              pr.getState() == null
                  ? null
                  : pr.getState().name().toLowerCase(java.util.Locale.ROOT));
        });
  }

  @Override
  public Comparison compare(String repository, String base, String head, Long installationId)
      throws IOException {
    return clients.call(
        installationId,
        github -> {
          org.kohsuke.github.GHCompare compare =
              github.getRepository(repository).getCompare(base, head);
          List<ChangedFile> files = new ArrayList<>();
          var listed = compare.getFiles();
          for (org.kohsuke.github.GHCommit.File f :
              listed == null ? new org.kohsuke.github.GHCommit.File[0] : listed) {
            files.add(
                new ChangedFile(
                    f.getFileName(),
                    f.getPreviousFilename(),
                    f.getStatus(),
                    f.getLinesAdded(),
                    f.getLinesDeleted(),
                    f.getLinesChanged(),
                    f.getPatch()));
          }
          return new Comparison(
              compare.getStatus() == null
                  ? null
                  : compare.getStatus().name().toLowerCase(java.util.Locale.ROOT),
              compare.getAheadBy(),
              compare.getBehindBy(),
              files);
        });
  }

  @Override
  public String permission(String repository, String login, Long installationId)
      throws IOException {
    try {
      org.kohsuke.github.GHPermissionType type =
          clients.call(
              installationId, github -> github.getRepository(repository).getPermission(login));
      return type == null ? "none" : type.name().toLowerCase(java.util.Locale.ROOT);
    } catch (FileNotFoundException e) {
      return "none"; // GitHub answers 404 for users it does not know
    }
  }

  @Override
  public GitData gitData(String repository, Long installationId) {
    return new KohsukeGitData(repository, installationId);
  }

  /**
   * Holds the repository object between calls, so that a profile's hundreds of blob reads do not
   * each read the repository again; a client renewed after a 401 reads it once more.
   */
  private final class KohsukeGitData implements GitData {
    private final String repository;
    private final Long installationId;
    private GitHub client;
    private GHRepository repo;
    private int requests;

    KohsukeGitData(String repository, Long installationId) {
      this.repository = repository;
      this.installationId = installationId;
    }

    /** The repository as this client sees it, read once per client. */
    private GHRepository repository(GitHub github) throws IOException {
      if (github != client || repo == null) {
        requests++;
        repo = github.getRepository(repository);
        client = github;
      }
      return repo;
    }

    /** One request on the repository. */
    private <T> T call(RepositoryCall<T> call) throws IOException {
      return clients.call(
          installationId,
          github -> {
            GHRepository r = repository(github);
            requests++;
            return call.apply(r);
          });
    }

    @Override
    public String defaultBranch() throws IOException {
      return clients.call(installationId, github -> repository(github).getDefaultBranch());
    }

    @Override
    public String branchHead(String branch) throws IOException {
      return call(r -> r.getBranch(branch).getSHA1());
    }

    @Override
    public GitTree tree(String sha) throws IOException {
      return call(
          r -> {
            GHTree tree = r.getTreeRecursive(sha, 1);
            List<GitTreeEntry> entries = new ArrayList<>(tree.getTree().size());
            for (GHTreeEntry e : tree.getTree()) {
              entries.add(new GitTreeEntry(e.getPath(), e.getType(), e.getSize(), e.getSha()));
            }
            return new GitTree(tree.getSha(), List.copyOf(entries), tree.isTruncated());
          });
    }

    @Override
    public byte[] blob(String sha) throws IOException {
      return call(
          r -> {
            try (var in = r.getBlob(sha).read()) {
              return in.readAllBytes();
            }
          });
    }

    @Override
    public int requests() {
      return requests;
    }
  }

  @FunctionalInterface
  private interface RepositoryCall<T> {
    T apply(GHRepository repository) throws IOException;
  }

  @Override
  public void comment(String repository, int number, String body, Long installationId)
      throws IOException {
    clients.call(
        installationId,
        github -> github.getRepository(repository).getPullRequest(number).comment(body));
  }
}
