package dev.attentive.publisher.stream;

import dev.attentive.publisher.github.GitHubReviews;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An in-memory pull request with review threads, replies and reactions, as the outcomes need it:
 * every posted comment starts a thread; the bot posts as {@link #BOT}.
 */
final class ConversationFake implements GitHubReviews, GitHubReviews.PullRequest {

  static final String BOT = "attentive[bot]";

  final List<ExistingReview> reviews = new ArrayList<>();
  final List<ExistingComment> comments = new ArrayList<>();

  /** first comment id → the thread. */
  final Map<Long, Thread> threads = new LinkedHashMap<>();

  final Map<Long, List<Reaction>> reactions = new LinkedHashMap<>();
  final List<String> replies = new ArrayList<>();
  final List<String> resolvedByBot = new ArrayList<>();
  int reactionReads;
  boolean failThreads;
  private long ids = 1000;

  static final class Thread {
    final String id;
    final String author;
    boolean resolved;

    Thread(String id, String author) {
      this.id = id;
      this.author = author;
    }
  }

  @Override
  public PullRequest pullRequest(String repository, int number, Long installationId) {
    return this;
  }

  @Override
  public String botLogin() {
    return BOT;
  }

  @Override
  public List<ExistingReview> reviews() {
    return List.copyOf(reviews);
  }

  @Override
  public List<ExistingComment> comments() {
    return List.copyOf(comments);
  }

  @Override
  public CreatedReview createReview(NewReview review) {
    long id = ++ids;
    reviews.add(new ExistingReview(id, BOT, review.body()));
    for (NewComment c : review.comments()) {
      long commentId = ++ids;
      comments.add(new ExistingComment(commentId, id, BOT, c.body()));
      threads.put(commentId, new Thread("PRRT_" + commentId, BOT));
    }
    return new CreatedReview(id, "https://github.com/o/r/pull/1#pullrequestreview-" + id);
  }

  /** A comment by a person, starting a thread of its own. */
  long humanComment(String author) {
    long commentId = ++ids;
    comments.add(new ExistingComment(commentId, null, author, "a person's note"));
    threads.put(commentId, new Thread("PRRT_" + commentId, author));
    return commentId;
  }

  @Override
  public List<ExistingComment> reviewComments(long reviewId) {
    return comments.stream().filter(c -> Long.valueOf(reviewId).equals(c.reviewId())).toList();
  }

  @Override
  public List<ReviewThread> reviewThreads() throws IOException {
    if (failThreads) {
      throw new IOException("connection reset");
    }
    List<ReviewThread> out = new ArrayList<>();
    threads.forEach(
        (first, t) -> out.add(new ReviewThread(t.id, t.resolved, List.of(first), t.author)));
    return out;
  }

  @Override
  public void resolveThread(String threadId) {
    for (Thread t : threads.values()) {
      if (t.id.equals(threadId)) {
        t.resolved = true;
        resolvedByBot.add(threadId);
      }
    }
  }

  @Override
  public void reply(long commentId, String body) {
    replies.add(commentId + ": " + body);
  }

  @Override
  public List<Reaction> reactions(long commentId) {
    reactionReads++;
    return List.copyOf(reactions.getOrDefault(commentId, List.of()));
  }

  void react(long commentId, String user, String content) {
    reactions.computeIfAbsent(commentId, k -> new ArrayList<>()).add(new Reaction(user, content));
  }
}
