package dev.attentive.publisher.outcomes;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.CommentLedger.Entry;
import dev.attentive.events.CommentLedger.State;
import dev.attentive.events.Feedback;
import dev.attentive.events.ReviewActivity;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.publisher.github.GitHubReviews;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Joins what happened on a pull request ({@link ReviewActivity}) with its {@link CommentLedger}
 * into {@link Feedback}, each outcome once (its id is recorded in the ledger), and tidies
 * Attentive's own threads:
 *
 * <ul>
 *   <li>{@code PUSH}: entries anchored on the push's old head are carried through its hunks ({@link
 *       LineTracker}); a flagged line the push replaced by the suggestion is {@code APPLIED},
 *       otherwise changed or gone {@code FIXED_OTHERWISE}, and Attentive resolves that comment's
 *       thread (GraphQL) — resolve first, then a reply naming the commit, so a crash in between
 *       never repeats the reply — only where the thread's first comment is its own. Only the newest
 *       head counts: a push older than the ledger's head (payload time) moves nothing; entries on
 *       another head than the push's old one (a push the ledger missed) and every entry after a
 *       force-push lose their lines ({@link Entry#head()} null) and get no line outcomes any more —
 *       they stay open for people's verdicts.
 *   <li>{@code THREAD_RESOLVED} by a person, line unchanged (entry open and anchored) → {@code
 *       RESOLVED_WITHOUT_CHANGE}; by the bot itself → nothing. {@code THREAD_UNRESOLVED} by a
 *       person → {@code UNRESOLVED}, and the entry is open again.
 *   <li>{@code REPLY} by a person to an Attentive comment → {@code REPLY} with the text (one per
 *       person and comment: {@link Feedback#outcomeId}).
 *   <li>{@code COMMENT_DELETED} of an Attentive comment → the entry is dropped.
 *   <li>{@code CLOSED} merged → {@code IGNORED} for entries still open, on the merged head, line
 *       unchanged.
 *   <li>{@code PUSH} and {@code CLOSED}: reactions are read (GitHub sends no webhook for them) for
 *       at most {@code reactionReads} unsettled entries per event → {@code THUMBS_UP} / {@code
 *       THUMBS_DOWN}, once per person.
 * </ul>
 *
 * Activity on PRs without a ledger, or on comments Attentive did not post, is ignored. GitHub
 * failures while tidying or reading reactions are logged and skipped: the outcomes computed from
 * the activity itself are never held back by GitHub.
 */
public final class OutcomeJoin {

  private static final Logger LOG = Logger.getLogger(OutcomeJoin.class);

  /** The ledger after the activity, and the feedback to write (new ids only). */
  public record Result(CommentLedger ledger, List<Feedback> feedback, int resolvedThreads) {}

  private final GitHubReviews github;
  private final GitHubCalls calls;
  private final int reactionReads;

  /**
   * @param reactionReads the most comments whose reactions are read per push or close
   */
  public OutcomeJoin(GitHubReviews github, GitHubCalls calls, int reactionReads) {
    this.github = github;
    this.calls = calls;
    this.reactionReads = reactionReads;
  }

  /**
   * @param ledger the PR's ledger, or null when Attentive never posted a comment on it (then
   *     nothing happens and null is returned as the ledger)
   */
  public Result join(CommentLedger ledger, ReviewActivity activity) throws InterruptedException {
    if (ledger == null) {
      return new Result(null, List.of(), 0);
    }
    Work work = new Work(ledger, activity);
    switch (activity.type()) {
      case PUSH -> push(work);
      case THREAD_RESOLVED -> resolved(work);
      case THREAD_UNRESOLVED -> unresolved(work);
      case REPLY -> reply(work);
      case COMMENT_DELETED -> deleted(work);
      case CLOSED -> closed(work);
    }
    return work.result();
  }

  // ---------------------------------------------------------------- per type

  private void push(Work work) throws InterruptedException {
    ReviewActivity push = work.activity;
    CommentLedger ledger = work.ledger;
    if (push.headSha() == null || push.headSha().equals(ledger.headSha())) {
      return; // a redelivery, or nothing to carry to
    }
    if (ledger.headAt() != null && push.at() != null && push.at().isBefore(ledger.headAt())) {
      LOG.debugf("%s: push to %s is older than the ledger's head", push.key(), push.headSha());
      return;
    }
    List<Entry> entries = new ArrayList<>();
    Map<Entry, Feedback.Type> settled = new LinkedHashMap<>();
    for (Entry e : ledger.entries()) {
      if (!e.anchored() || push.headSha().equals(e.head()) || e.state() == State.SETTLED) {
        entries.add(e);
      } else if (push.forced() || !e.head().equals(push.beforeSha())) {
        entries.add(e.at(e.path(), e.startLine(), e.endLine(), null));
      } else {
        LineTracker.Carried carried = LineTracker.carry(e, push.changes(), push.headSha());
        if (carried.outcome() != null && e.state() == State.OPEN) {
          work.emit(carried.outcome(), e, push.headSha(), null, null);
          Entry done = carried.entry().with(State.SETTLED);
          entries.add(done);
          settled.put(done, carried.outcome());
        } else {
          entries.add(carried.entry());
        }
      }
    }
    work.ledger = ledger.withEntries(entries).withHead(push.headSha(), push.at());
    tidy(work, settled);
    reactions(work);
  }

  private void resolved(Work work) throws InterruptedException {
    Entry e = threadEntry(work);
    if (e == null || e.state() != State.OPEN || byBot(work.activity)) {
      return;
    }
    if (e.anchored()) {
      work.emit(Feedback.Type.RESOLVED_WITHOUT_CHANGE, e, null, work.activity.actor(), null);
    }
    work.replace(e, e.with(State.RESOLVED).withThread(threadId(work.activity, e)));
  }

  private void unresolved(Work work) throws InterruptedException {
    Entry e = threadEntry(work);
    if (e == null || byBot(work.activity)) {
      return;
    }
    work.emit(Feedback.Type.UNRESOLVED, e, null, work.activity.actor(), null);
    if (e.state() == State.RESOLVED) {
      work.replace(e, e.with(State.OPEN));
    }
  }

  private void reply(Work work) throws InterruptedException {
    ReviewActivity a = work.activity;
    Entry e = a.commentId() == null ? null : work.ledger.entry(a.commentId());
    if (e == null || a.actor() == null || byBot(a)) {
      return;
    }
    work.emit(Feedback.Type.REPLY, e, null, a.actor(), a.text());
  }

  private void deleted(Work work) {
    ReviewActivity a = work.activity;
    Entry e = a.commentId() == null ? null : work.ledger.entry(a.commentId());
    if (e != null) {
      List<Entry> entries = new ArrayList<>(work.ledger.entries());
      entries.remove(e);
      work.ledger = work.ledger.withEntries(entries);
    }
  }

  private void closed(Work work) throws InterruptedException {
    reactions(work);
    ReviewActivity a = work.activity;
    if (!a.merged()) {
      return;
    }
    for (Entry e : work.ledger.entries()) {
      if (e.state() == State.OPEN
          && e.anchored()
          && (a.headSha() == null || a.headSha().equals(e.head()))) {
        work.emit(Feedback.Type.IGNORED, e, a.headSha(), null, null);
      }
    }
  }

  // ---------------------------------------------------------------- GitHub

  /**
   * Resolves the threads of entries a push settled (Attentive's own, still unresolved), then says
   * why in a reply naming the commit.
   */
  private void tidy(Work work, Map<Entry, Feedback.Type> settled) throws InterruptedException {
    if (settled.keySet().stream().allMatch(e -> e.commentId() == 0)) {
      return;
    }
    ReviewActivity push = work.activity;
    try {
      GitHubCalls.Budget budget = calls.budget();
      GitHubReviews.PullRequest pr = open(push, budget);
      String bot = calls.read("get the bot's own login", budget, p -> github.botLogin());
      Map<Long, GitHubReviews.ReviewThread> threads = new HashMap<>();
      for (GitHubReviews.ReviewThread t :
          calls.read("list review threads of " + push.key(), budget, p -> pr.reviewThreads())) {
        if (!t.commentIds().isEmpty()) {
          threads.put(t.commentIds().get(0), t);
        }
      }
      for (Entry e : settled.keySet()) {
        GitHubReviews.ReviewThread thread = threads.get(e.commentId());
        if (thread == null
            || thread.resolved()
            || thread.firstAuthor() == null
            || !thread.firstAuthor().equalsIgnoreCase(bot)) {
          continue; // gone, already resolved, or not Attentive's thread: never touched
        }
        calls.write(
            "resolve review thread " + thread.id() + " on " + push.key(),
            push.installationId(),
            budget,
            p -> {
              pr.resolveThread(thread.id());
              return null;
            });
        work.resolvedThreads++;
        work.replace(e, e.withThread(thread.id()));
        String body = tidyReply(settled.get(e), push.headSha());
        calls.write(
            "reply to comment " + e.commentId() + " on " + push.key(),
            push.installationId(),
            budget,
            p -> {
              pr.reply(e.commentId(), body);
              return null;
            });
      }
    } catch (GitHubFailedException | RuntimeException e) {
      LOG.warnf("%s: could not tidy the fixed threads: %s", push.key(), e.getMessage());
    }
  }

  /** The reply that says why Attentive resolved its thread. */
  static String tidyReply(Feedback.Type outcome, String commit) {
    String sha = commit.substring(0, Math.min(7, commit.length()));
    return outcome == Feedback.Type.APPLIED
        ? "Resolved by Attentive: " + sha + " applies the suggestion."
        : "Resolved by Attentive: " + sha + " changed the flagged lines.";
  }

  /** Reads the reactions of the first unsettled entries (at most {@code reactionReads}). */
  private void reactions(Work work) throws InterruptedException {
    ReviewActivity a = work.activity;
    List<Entry> candidates =
        work.ledger.entries().stream()
            .filter(e -> e.commentId() != 0 && e.state() != State.SETTLED)
            .limit(reactionReads)
            .toList();
    if (candidates.isEmpty()) {
      return;
    }
    try {
      GitHubCalls.Budget budget = calls.budget();
      GitHubReviews.PullRequest pr = open(a, budget);
      String bot = calls.read("get the bot's own login", budget, p -> github.botLogin());
      for (Entry e : candidates) {
        List<GitHubReviews.Reaction> reactions =
            calls.read(
                "list reactions of comment " + e.commentId() + " on " + a.key(),
                budget,
                p -> pr.reactions(e.commentId()));
        for (GitHubReviews.Reaction r : reactions) {
          if (r.user() == null || r.user().equalsIgnoreCase(bot)) {
            continue;
          }
          if ("+1".equals(r.content())) {
            work.emit(Feedback.Type.THUMBS_UP, e, null, r.user(), null);
          } else if ("-1".equals(r.content())) {
            work.emit(Feedback.Type.THUMBS_DOWN, e, null, r.user(), null);
          }
        }
      }
    } catch (GitHubFailedException | RuntimeException e) {
      LOG.warnf("%s: could not read reactions: %s", a.key(), e.getMessage());
    }
  }

  private GitHubReviews.PullRequest open(ReviewActivity a, GitHubCalls.Budget budget)
      throws GitHubFailedException, InterruptedException {
    return calls.read(
        "get pull request " + a.key(),
        budget,
        p -> github.pullRequest(a.repository(), a.pullRequestNumber(), a.installationId()));
  }

  // ---------------------------------------------------------------- helpers

  /** The entry whose comment starts the thread of a thread event. */
  private static Entry threadEntry(Work work) {
    List<Long> ids = work.activity.threadCommentIds();
    return ids.isEmpty() ? null : work.ledger.entry(ids.get(0));
  }

  private static String threadId(ReviewActivity a, Entry e) {
    return a.threadNodeId() != null ? a.threadNodeId() : e.threadNodeId();
  }

  /**
   * Whether the bot itself did it (its login, asked once and cached by the gateway); when the login
   * cannot be had, whatever GitHub marks as a {@code Bot} counts as the bot: it judges nothing.
   */
  private boolean byBot(ReviewActivity a) throws InterruptedException {
    if (a.actor() == null) {
      return false;
    }
    try {
      String bot = calls.read("get the bot's own login", calls.budget(), p -> github.botLogin());
      return a.actor().equalsIgnoreCase(bot);
    } catch (GitHubFailedException | RuntimeException e) {
      return "Bot".equalsIgnoreCase(a.actorType());
    }
  }

  /** One activity's join in progress. */
  private static final class Work {
    CommentLedger ledger;
    final ReviewActivity activity;
    final Set<String> known;
    final List<Feedback> feedback = new ArrayList<>();
    int resolvedThreads;

    Work(CommentLedger ledger, ReviewActivity activity) {
      this.ledger = ledger;
      this.activity = activity;
      this.known = new HashSet<>(ledger.outcomes());
    }

    void emit(Feedback.Type type, Entry e, String commit, String actor, String text) {
      String id =
          Feedback.outcomeId(
              ledger.repository(), ledger.pullRequestNumber(), e.fingerprint(), type, actor);
      if (!known.add(id)) {
        return; // written before: a redelivery, or the same verdict again
      }
      Instant at = activity.at();
      feedback.add(
          new Feedback(
              Feedback.SCHEMA_VERSION,
              id,
              ledger.repository(),
              ledger.pullRequestNumber(),
              type,
              e.fingerprint(),
              e.ruleId(),
              e.analyzer(),
              e.modelVersion(),
              e.confidence(),
              e.kind(),
              e.path(),
              e.postedLine(),
              e.commentId(),
              commit,
              actor,
              text,
              at));
    }

    void replace(Entry old, Entry updated) {
      List<Entry> entries = new ArrayList<>(ledger.entries());
      int i = -1;
      for (int k = 0; k < entries.size(); k++) {
        Entry c = entries.get(k);
        if (c.commentId() == old.commentId() && c.fingerprint().equals(old.fingerprint())) {
          i = k;
          break;
        }
      }
      if (i >= 0) {
        entries.set(i, updated);
        ledger = ledger.withEntries(entries);
      }
    }

    Result result() {
      return new Result(
          ledger.withOutcomes(feedback.stream().map(Feedback::id).toList()),
          List.copyOf(feedback),
          resolvedThreads);
    }
  }
}
