package dev.attentive.ingest.github;

import dev.attentive.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.GHFileNotFoundException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.HttpException;

/** {@link GitHubGateway} through the kohsuke GitHub API client. */
@ApplicationScoped
public class KohsukeGitHubGateway implements GitHubGateway {

  private final GitHubClients clients;
  private final int maxFiles;
  private final int pageSize;

  public KohsukeGitHubGateway(GitHubClients clients, IngestConfig config) {
    this.clients = clients;
    this.maxFiles = config.github().maxFiles();
    this.pageSize = config.github().pageSize();
  }

  @Override
  public PullRequestFiles listFiles(String repository, int number, Long installationId) throws IOException {
    try {
      return clients.call(installationId, github -> {
        GHPullRequest pr = github.getRepository(repository).getPullRequest(number);
        List<ChangedFile> files = new ArrayList<>();
        for (GHPullRequestFileDetail f : pr.listFiles().withPageSize(pageSize)) {
          if (files.size() >= maxFiles) {
            break;
          }
          files.add(new ChangedFile(f.getFilename(), f.getPreviousFilename(), f.getStatus(), f.getAdditions(),
              f.getDeletions(), f.getChanges(), f.getPatch()));
        }
        int changed = pr.getChangedFiles();
        return new PullRequestFiles(List.copyOf(files), changed, changed > files.size());
      });
    } catch (org.kohsuke.github.GHException e) {
      // The page iterator wraps I/O failures in an unchecked exception.
      throw classify(e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e),
          repository, number);
    } catch (IOException e) {
      throw classify(e, repository, number);
    }
  }

  @Override
  public java.util.Optional<String> fileContent(String repository, String path, String ref, Long installationId)
      throws IOException {
    try {
      var content = clients.call(installationId, github -> github.getRepository(repository).getFileContent(path, ref));
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
    } catch (IOException e) {
      throw classify(e, repository, 0);
    }
  }

  @Override
  public PullRequestHead pullRequest(String repository, int number, Long installationId) throws IOException {
    try {
      return clients.call(installationId, github -> {
        GHPullRequest pr = github.getRepository(repository).getPullRequest(number);
        String defaultBranch = pr.getBase().getRepository() == null ? null
            : pr.getBase().getRepository().getDefaultBranch();
        return new PullRequestHead(pr.getBase().getSha(), pr.getHead().getSha(), defaultBranch,
            pr.getState() == null ? null : pr.getState().name().toLowerCase(java.util.Locale.ROOT));
      });
    } catch (IOException e) {
      throw classify(e, repository, number);
    }
  }

  @Override
  public String permission(String repository, String login, Long installationId) throws IOException {
    try {
      org.kohsuke.github.GHPermissionType type = clients.call(installationId,
          github -> github.getRepository(repository).getPermission(login));
      return type == null ? "none" : type.name().toLowerCase(java.util.Locale.ROOT);
    } catch (FileNotFoundException e) {
      return "none"; // GitHub answers 404 for users it does not know
    } catch (IOException e) {
      throw classify(e, repository, 0);
    }
  }

  @Override
  public void comment(String repository, int number, String body, Long installationId) throws IOException {
    try {
      clients.call(installationId, github -> github.getRepository(repository).getPullRequest(number).comment(body));
    } catch (IOException e) {
      throw classify(e, repository, number);
    }
  }

  /** Not found, no access and other 4xx are permanent; 5xx, 408, 429 and I/O errors may pass. */
  static IOException classify(IOException e, String repository, int number) {
    if (e instanceof GitHubException.Permanent) {
      return e;
    }
    if (e instanceof GHFileNotFoundException || e instanceof FileNotFoundException) {
      return new GitHubException.Permanent(404,
          "GitHub: " + repository + "#" + number + " not found, or the token cannot see it", e);
    }
    if (e instanceof HttpException http) {
      int status = http.getResponseCode();
      if (status >= 400 && status < 500 && status != 429 && status != 408) {
        return new GitHubException.Permanent(status, "GitHub answered " + status + " for " + repository + "#"
            + number + ": " + firstLine(http.getMessage()), e);
      }
    }
    return e;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int nl = message.indexOf('\n');
    String line = nl < 0 ? message : message.substring(0, nl);
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
