package dev.attentive.publisher.github;

import dev.attentive.github.auth.InstallationClients;
import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;
import org.kohsuke.github.GHUser;
import org.kohsuke.github.GitHub;

/**
 * {@link GitHubReviews} through the kohsuke GitHub API client (1.330). Every request is a call as
 * the installation: a 401 (an installation token GitHub no longer takes) renews the token and
 * repeats the request once.
 */
@ApplicationScoped
public class KohsukeGitHubReviews implements GitHubReviews {

  private final InstallationClients clients;
  private final int pageSize;
  private final String configuredBotLogin;

  @Inject
  public KohsukeGitHubReviews(InstallationClients clients, PublisherConfig config) {
    this(clients, config.github().pageSize(), config.github().botLogin().orElse(null));
  }

  public KohsukeGitHubReviews(InstallationClients clients, int pageSize) {
    this(clients, pageSize, null);
  }

  /**
   * @param botLogin the login the publisher posts as, or null to ask GitHub ({@link
   *     InstallationClients#ownLogin})
   */
  public KohsukeGitHubReviews(InstallationClients clients, int pageSize, String botLogin) {
    this.clients = clients;
    this.pageSize = pageSize;
    this.configuredBotLogin = botLogin == null || botLogin.isBlank() ? null : botLogin.strip();
  }

  @Override
  public String botLogin() throws IOException {
    return configuredBotLogin != null ? configuredBotLogin : clients.ownLogin();
  }

  @Override
  public PullRequest pullRequest(String repository, int number, Long installationId)
      throws IOException {
    Kohsuke pr = new Kohsuke(clients, repository, number, installationId, pageSize);
    pr.call(
        github ->
            null); // fetched now: a pull request that is not there fails here, as GitHub answers
    return pr;
  }

  /** One pull request; used by one stream thread at a time. */
  private static final class Kohsuke implements PullRequest {

    private final InstallationClients clients;
    private final String repository;
    private final int number;
    private final Long installationId;
    private final int pageSize;
    private GitHub client;
    private GHPullRequest pr;

    Kohsuke(
        InstallationClients clients,
        String repository,
        int number,
        Long installationId,
        int pageSize) {
      this.clients = clients;
      this.repository = repository;
      this.number = number;
      this.installationId = installationId;
      this.pageSize = pageSize;
    }

    /**
     * Work on the pull request as the installation; after a renewal the new client fetches it
     * again.
     */
    private <T> T call(PullRequestCall<T> call) throws IOException {
      return clients.call(
          installationId,
          github -> {
            if (pr == null || client != github) {
              pr = github.getRepository(repository).getPullRequest(number);
              client = github;
            }
            try {
              return call.apply(pr);
            } catch (GHException e) {
              throw unwrap(e);
            }
          });
    }

    @Override
    public List<ExistingReview> reviews() throws IOException {
      return call(
          pr -> {
            List<ExistingReview> out = new ArrayList<>();
            for (GHPullRequestReview r : pr.listReviews().withPageSize(pageSize)) {
              out.add(new ExistingReview(r.getId(), login(r.getUser()), r.getBody()));
            }
            return out;
          });
    }

    @Override
    public List<ExistingComment> comments() throws IOException {
      return call(
          pr -> {
            List<ExistingComment> out = new ArrayList<>();
            for (GHPullRequestReviewComment c : pr.listReviewComments().withPageSize(pageSize)) {
              out.add(
                  new ExistingComment(
                      c.getId(), c.getPullRequestReviewId(), login(c.getUser()), c.getBody()));
            }
            return out;
          });
    }

    @Override
    public CreatedReview createReview(NewReview review) throws IOException {
      return call(
          pr -> {
            // No side: the batched builder cannot send one, and GitHub then assumes RIGHT (the
            // head), where we comment.
            GHPullRequestReviewBuilder builder =
                pr.createReview()
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
          });
    }

    @Override
    public List<ExistingComment> conversation() throws IOException {
      return call(
          pr -> {
            List<ExistingComment> out = new ArrayList<>();
            for (org.kohsuke.github.GHIssueComment c : pr.listComments().withPageSize(pageSize)) {
              out.add(new ExistingComment(c.getId(), null, c.getUserName(), c.getBody()));
            }
            return out;
          });
    }

    @Override
    public void comment(String body) throws IOException {
      call(
          pr -> {
            pr.comment(body);
            return null;
          });
    }

    /**
     * The login of a review's or comment's user. kohsuke's {@code getUser()} fetches the user once
     * per client ({@code GET /users/{login}}, then cached): it has no getter for the login alone.
     */
    private static String login(GHUser user) {
      return user == null ? null : user.getLogin();
    }

    /** The page iterator wraps I/O failures in an unchecked exception. */
    private static IOException unwrap(GHException e) {
      return e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  /** Work done with the pull request as the installation's current client sees it. */
  @FunctionalInterface
  private interface PullRequestCall<T> {
    T apply(GHPullRequest pr) throws IOException;
  }
}
