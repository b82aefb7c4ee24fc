package dev.attentive.publisher.github;

import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;

/** {@link GitHubReviews} through the kohsuke GitHub API client (1.330). */
@ApplicationScoped
public class KohsukeGitHubReviews implements GitHubReviews {

  private final GitHubClients clients;
  private final int pageSize;

  public KohsukeGitHubReviews(GitHubClients clients, PublisherConfig config) {
    this.clients = clients;
    this.pageSize = config.github().pageSize();
  }

  @Override
  public PullRequest pullRequest(String repository, int number, Long installationId) throws IOException {
    GHPullRequest pr = clients.forInstallation(installationId).getRepository(repository).getPullRequest(number);
    return new Kohsuke(pr, pageSize);
  }

  private record Kohsuke(GHPullRequest pr, int pageSize) implements PullRequest {

    @Override
    public List<ExistingReview> reviews() throws IOException {
      try {
        List<ExistingReview> out = new ArrayList<>();
        for (GHPullRequestReview r : pr.listReviews().withPageSize(pageSize)) {
          out.add(new ExistingReview(r.getId(), r.getBody()));
        }
        return out;
      } catch (GHException e) {
        throw unwrap(e);
      }
    }

    @Override
    public List<ExistingComment> comments() throws IOException {
      try {
        List<ExistingComment> out = new ArrayList<>();
        for (GHPullRequestReviewComment c : pr.listReviewComments().withPageSize(pageSize)) {
          out.add(new ExistingComment(c.getId(), c.getPullRequestReviewId(), c.getBody()));
        }
        return out;
      } catch (GHException e) {
        throw unwrap(e);
      }
    }

    @Override
    public CreatedReview createReview(NewReview review) throws IOException {
      // No side: the batched builder cannot send one, and GitHub then assumes RIGHT (the head), where we comment.
      GHPullRequestReviewBuilder builder = pr.createReview()
          .commitId(review.commitId())
          .event(GHPullRequestReviewEvent.COMMENT)
          .body(review.body());
      for (NewComment c : review.comments()) {
        if (c.multiLine()) {
          builder.multiLineComment(c.body(), c.path(), c.startLine(), c.line());
        } else {
          builder.singleLineComment(c.body(), c.path(), c.line());
        }
      }
      GHPullRequestReview created = builder.create();
      return new CreatedReview(created.getId(), String.valueOf(created.getHtmlUrl()));
    }

    @Override
    public List<String> conversation() throws IOException {
      try {
        List<String> out = new ArrayList<>();
        for (org.kohsuke.github.GHIssueComment c : pr.listComments().withPageSize(pageSize)) {
          out.add(c.getBody());
        }
        return out;
      } catch (GHException e) {
        throw unwrap(e);
      }
    }

    @Override
    public void comment(String body) throws IOException {
      pr.comment(body);
    }

    /** The page iterator wraps I/O failures in an unchecked exception. */
    private static IOException unwrap(GHException e) {
      return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }
}
