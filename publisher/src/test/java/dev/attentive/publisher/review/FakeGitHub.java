package dev.attentive.publisher.review;

import dev.attentive.publisher.github.GitHubReviews;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** An in-memory pull request: what was posted, with failures to inject. */
final class FakeGitHub implements GitHubReviews, GitHubReviews.PullRequest {

  final List<ExistingReview> reviews = new ArrayList<>();
  final List<ExistingComment> comments = new ArrayList<>();
  final List<NewReview> posted = new ArrayList<>();

  /** Thrown by the next POSTs, in order. */
  final Deque<IOException> postFailures = new ArrayDeque<>();

  /** Whether a failing POST still creates the review (GitHub answered 502, but had written it). */
  boolean failAfterCreating;

  int opened;
  int reviewLists;
  int commentLists;
  int posts;
  private long ids = 100;

  @Override
  public PullRequest pullRequest(String repository, int number, Long installationId) {
    opened++;
    return this;
  }

  @Override
  public String botLogin() {
    return Fixtures.BOT;
  }

  @Override
  public List<ExistingReview> reviews() {
    reviewLists++;
    return List.copyOf(reviews);
  }

  @Override
  public List<ExistingComment> comments() {
    commentLists++;
    return List.copyOf(comments);
  }

  @Override
  public CreatedReview createReview(NewReview review) throws IOException {
    posts++;
    IOException failure = postFailures.poll();
    if (failure != null && !failAfterCreating) {
      throw failure;
    }
    long id = ++ids;
    posted.add(review);
    reviews.add(new ExistingReview(id, Fixtures.BOT, review.body()));
    for (NewComment c : review.comments()) {
      comments.add(new ExistingComment(++ids, id, Fixtures.BOT, c.body()));
    }
    if (failure != null) {
      throw failure;
    }
    return new CreatedReview(id, "https://github.com/o/r/pull/1#pullrequestreview-" + id);
  }
}
