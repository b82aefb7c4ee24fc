package dev.attentive.publisher.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attentive.github.auth.InstallationClients;
import dev.attentive.github.graphql.GitHubGraphQl;
import dev.attentive.publisher.PublisherConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kohsuke.github.GHException;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewBuilder;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHPullRequestReviewEvent;
import org.kohsuke.github.GHReaction;
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
  private final GitHubGraphQl graphQl;

  @Inject
  public KohsukeGitHubReviews(InstallationClients clients, PublisherConfig config) {
    this(
        clients,
        config.github().pageSize(),
        config.github().botLogin().orElse(null),
        GitHubGraphQl.create(clients, config.github()));
  }

  public KohsukeGitHubReviews(InstallationClients clients, int pageSize) {
    this(clients, pageSize, null);
  }

  /**
   * @param botLogin the login the publisher posts as, or null to ask GitHub ({@link
   *     InstallationClients#ownLogin})
   */
  public KohsukeGitHubReviews(InstallationClients clients, int pageSize, String botLogin) {
    this(
        clients,
        pageSize,
        botLogin,
        new GitHubGraphQl(clients, Duration.ofSeconds(10), Duration.ofSeconds(30)));
  }

  public KohsukeGitHubReviews(
      InstallationClients clients, int pageSize, String botLogin, GitHubGraphQl graphQl) {
    this.clients = clients;
    this.pageSize = pageSize;
    this.configuredBotLogin = botLogin == null || botLogin.isBlank() ? null : botLogin.strip();
    this.graphQl = graphQl;
  }

  @Override
  public String botLogin() throws IOException {
    return configuredBotLogin != null ? configuredBotLogin : clients.ownLogin();
  }

  @Override
  public PullRequest pullRequest(String repository, int number, Long installationId)
      throws IOException {
    Kohsuke pr = new Kohsuke(clients, graphQl, repository, number, installationId, pageSize);
    pr.call(
        github ->
            null); // fetched now: a pull request that is not there fails here, as GitHub answers
    return pr;
  }

  /** One pull request; used by one stream thread at a time. */
  private static final class Kohsuke implements PullRequest {

    private final InstallationClients clients;
    private final GitHubGraphQl graphQl;
    private final String repository;
    private final int number;
    private final Long installationId;
    private final int pageSize;
    private GitHub client;
    private GHPullRequest pr;
    // what this handle posted or listed, for the calls that need kohsuke's objects
    private final Map<Long, GHPullRequestReview> created = new HashMap<>();
    private final Map<Long, GHPullRequestReviewComment> listed = new HashMap<>();

    Kohsuke(
        InstallationClients clients,
        GitHubGraphQl graphQl,
        String repository,
        int number,
        Long installationId,
        int pageSize) {
      this.clients = clients;
      this.graphQl = graphQl;
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
              created.clear();
              listed.clear();
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
              listed.put(c.getId(), c);
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
            GHPullRequestReview review1 = builder.create();
            created.put(review1.getId(), review1);
            return new CreatedReview(review1.getId(), String.valueOf(review1.getHtmlUrl()));
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

    @Override
    public List<ExistingComment> reviewComments(long reviewId) throws IOException {
      return call(
          pr -> {
            GHPullRequestReview review = created.get(reviewId);
            if (review == null) {
              return List.of(); // not posted through this handle
            }
            List<ExistingComment> out = new ArrayList<>();
            for (GHPullRequestReviewComment c :
                review.listReviewComments().withPageSize(pageSize)) {
              out.add(new ExistingComment(c.getId(), reviewId, null, c.getBody()));
            }
            return out;
          });
    }

    private static final String THREAD_COMMENTS =
        "query($owner: String!, $name: String!, $number: Int!, $after: String) {"
            + " repository(owner: $owner, name: $name) { pullRequest(number: $number) {"
            + " reviewThreads(first: 100, after: $after) {"
            + " pageInfo { hasNextPage endCursor }"
            + " nodes { id isResolved comments(first: 100) { nodes { databaseId author { login } } }"
            + " } } } } }";

    private static final String RESOLVE =
        "mutation($threadId: ID!) { resolveReviewThread(input: {threadId: $threadId}) {"
            + " thread { id isResolved } } }";

    @Override
    public List<ReviewThread> reviewThreads() throws IOException {
      String[] ownerName = repository.split("/", 2);
      List<ReviewThread> out = new ArrayList<>();
      String after = null;
      do {
        Map<String, Object> variables = new HashMap<>();
        variables.put("owner", ownerName[0]);
        variables.put("name", ownerName[1]);
        variables.put("number", number);
        variables.put("after", after);
        JsonNode threads =
            graphQl
                .execute(installationId, THREAD_COMMENTS, variables)
                .path("repository")
                .path("pullRequest")
                .path("reviewThreads");
        for (JsonNode t : threads.path("nodes")) {
          List<Long> ids = new ArrayList<>();
          t.path("comments").path("nodes").forEach(c -> ids.add(c.path("databaseId").asLong()));
          JsonNode first = t.path("comments").path("nodes").path(0);
          out.add(
              new ReviewThread(
                  t.path("id").asText(),
                  t.path("isResolved").asBoolean(),
                  ids,
                  first.path("author").path("login").asText(null)));
        }
        JsonNode page = threads.path("pageInfo");
        after = page.path("hasNextPage").asBoolean() ? page.path("endCursor").asText(null) : null;
      } while (after != null);
      return out;
    }

    @Override
    public void resolveThread(String threadId) throws IOException {
      graphQl.execute(installationId, RESOLVE, Map.of("threadId", threadId));
    }

    @Override
    public void reply(long commentId, String body) throws IOException {
      call(
          pr -> {
            comment(pr, commentId).reply(body);
            return null;
          });
    }

    @Override
    public List<Reaction> reactions(long commentId) throws IOException {
      return call(
          pr -> {
            List<Reaction> out = new ArrayList<>();
            for (GHReaction r : comment(pr, commentId).listReactions().withPageSize(pageSize)) {
              out.add(new Reaction(login(r.getUser()), r.getContent().getContent()));
            }
            return out;
          });
    }

    /** kohsuke's object of a review comment: from the last listing, else listed now. */
    private GHPullRequestReviewComment comment(GHPullRequest pr, long commentId)
        throws IOException {
      GHPullRequestReviewComment c = listed.get(commentId);
      if (c == null) {
        for (GHPullRequestReviewComment each : pr.listReviewComments().withPageSize(pageSize)) {
          listed.put(each.getId(), each);
        }
        c = listed.get(commentId);
      }
      if (c == null) {
        throw new org.kohsuke.github.GHFileNotFoundException(
            "no review comment " + commentId + " on " + repository + "#" + number);
      }
      return c;
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
