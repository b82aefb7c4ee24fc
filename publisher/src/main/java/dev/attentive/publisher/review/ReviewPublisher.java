package dev.attentive.publisher.review;

import dev.attentive.events.CommentLedger;
import dev.attentive.events.PostedFingerprints;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import dev.attentive.github.call.GitHubCalls;
import dev.attentive.github.call.GitHubFailedException;
import dev.attentive.github.call.GitHubFailure;
import dev.attentive.publisher.github.GitHubReviews;
import dev.attentive.publisher.github.GitHubReviews.ExistingComment;
import dev.attentive.publisher.github.GitHubReviews.ExistingReview;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Turns one {@link Review} into at most one GitHub review, never repeating a delivery or a
 * fingerprint.
 *
 * <p>What was posted on a PR is {@link PostedFingerprints}, kept by the caller (a changelogged
 * state store: the record in Kafka). When the caller has none for the PR (a new PR, or lost state),
 * it is rebuilt from GitHub: the hidden markers (with a right MAC, see {@link Markers}) in the PR's
 * review comments and review bodies that the bot's own account wrote. Before posting, GitHub's
 * reviews are also searched for this delivery's marker, which covers a crash after the POST but
 * before the Kafka commit; so is every retry after a failure that may have taken effect (5xx,
 * time-out).
 */
public final class ReviewPublisher {

  private static final Logger LOG = Logger.getLogger(ReviewPublisher.class);

  public enum Outcome {
    /** A review was posted. */
    POSTED,
    /** The delivery was already reviewed, as recorded in Kafka: nothing posted. */
    REDELIVERY,
    /** GitHub already has the review of this delivery (its marker): recorded, nothing posted. */
    ALREADY_ON_GITHUB,
    /**
     * Every suggestion was posted before (or there were none): no review, the delivery is recorded.
     */
    NOTHING_NEW
  }

  /**
   * @param state what is posted on the PR now, to be stored
   * @param inline inline comments posted
   * @param listed suggestions listed in the posted summary
   * @param reviewId the posted review's id, null when none was posted
   * @param refusedInline whether GitHub refused the inline comments and everything went into the
   *     summary
   * @param comments the inline comments posted, for the ledger (their GitHub ids read back after
   *     posting; 0 where that failed)
   */
  public record Result(
      Outcome outcome,
      PostedFingerprints state,
      int inline,
      int listed,
      int repeats,
      int duplicates,
      Long reviewId,
      boolean refusedInline,
      List<CommentLedger.Entry> comments) {

    public Result {
      comments = comments == null ? List.of() : List.copyOf(comments);
    }

    public Result(
        Outcome outcome,
        PostedFingerprints state,
        int inline,
        int listed,
        int repeats,
        int duplicates,
        Long reviewId,
        boolean refusedInline) {
      this(outcome, state, inline, listed, repeats, duplicates, reviewId, refusedInline, List.of());
    }
  }

  private final GitHubReviews github;
  private final GitHubCalls calls;
  private final ReviewPlanner planner;
  private final ReviewBodies bodies;
  private final Markers markers;
  private final int rememberedDeliveries;

  /**
   * @param markers how the markers in {@code bodies} are signed: those read back from GitHub are
   *     checked with it
   */
  public ReviewPublisher(
      GitHubReviews github,
      GitHubCalls calls,
      ReviewPlanner planner,
      ReviewBodies bodies,
      Markers markers,
      int rememberedDeliveries) {
    this.github = github;
    this.calls = calls;
    this.planner = planner;
    this.bodies = bodies;
    this.markers = markers;
    this.rememberedDeliveries = rememberedDeliveries;
  }

  /**
   * The trigger of {@code /attentive full-review}: every current finding is posted again, also
   * those posted before.
   */
  public static final String FULL_REVIEW_TRIGGER = "command.full-review";

  /**
   * How a posted comment about a set of {@code .attentive.yml} problems is remembered among the
   * fingerprints.
   */
  static final String CONFIG_PROBLEMS_PREFIX = "config-problems:";

  /**
   * Publishes the review, then — when the repository's {@code .attentive.yml} has problems not yet
   * pointed out on this PR — one comment saying what is wrong and that defaults are used. The
   * comment is remembered with the fingerprints (and found again on GitHub by its marker), so a
   * distinct set of problems is commented on once; a comment GitHub refuses is logged and tried
   * again with the next review, never holds the review back.
   *
   * @param known what the store holds for the PR, or null when it holds nothing
   * @throws GitHubFailedException when GitHub refused the review or kept failing; nothing new was
   *     recorded
   */
  public Result publish(Review review, PostedFingerprints known)
      throws GitHubFailedException, InterruptedException {
    return publish(review, known, null);
  }

  /**
   * @param learning what the repository taught Attentive (muted rules), null when nothing
   */
  public Result publish(Review review, PostedFingerprints known, RepositoryLearning learning)
      throws GitHubFailedException, InterruptedException {
    Result result = publishReview(review, known, learning);
    RepositorySettings settings = review.settings();
    if (result.outcome() == Outcome.REDELIVERY || settings == null || !settings.hasProblems()) {
      return result;
    }
    String recorded = CONFIG_PROBLEMS_PREFIX + settings.problemsHash();
    if (result.state().fingerprints().contains(recorded)) {
      return result;
    }
    try {
      GitHubCalls.Budget budget = calls.budget();
      GitHubReviews.PullRequest pr = open(review, budget);
      String bot = botLogin(budget);
      String marker = markers.configProblems(settings.problemsHash());
      List<ExistingComment> conversation =
          calls.read("list comments of " + review.key(), budget, p -> pr.conversation());
      if (!hasConfigProblems(conversation, bot, settings.problemsHash())) {
        String body = bodies.configProblems(settings, marker);
        calls.write(
            "comment on " + review.key(),
            review.installationId(),
            budget,
            previous -> {
              if (previous != null
                  && previous.kind() == GitHubFailure.Kind.TRANSIENT
                  && hasConfigProblems(pr.conversation(), bot, settings.problemsHash())) {
                return null; // the failed POST went through after all
              }
              pr.comment(body);
              return null;
            });
        LOG.infof(
            "%s: commented on %d problem(s) of %s",
            review.key(), settings.problems().size(), settings.source());
      }
      return new Result(
          result.outcome(),
          merge(result.state(), List.of(recorded), List.of()),
          result.inline(),
          result.listed(),
          result.repeats(),
          result.duplicates(),
          result.reviewId(),
          result.refusedInline(),
          result.comments());
    } catch (GitHubFailedException | RuntimeException e) {
      // The review is out: whatever happens to the comment must not lose the record of it.
      LOG.warnf(
          "%s: could not comment on the problems of %s (will try with the next review): %s",
          review.key(), settings.source(), e.getMessage());
      return result;
    }
  }

  private Result publishReview(Review review, PostedFingerprints known, RepositoryLearning learning)
      throws GitHubFailedException, InterruptedException {
    GitHubCalls.Budget budget = calls.budget();
    String delivery = review.deliveryId();
    GitHubReviews.PullRequest pr = null;
    PostedFingerprints state = known;
    boolean fromGitHub = false;
    String bot = null;
    if (state == null) {
      pr = open(review, budget);
      bot = botLogin(budget);
      GitHubReviews.PullRequest handle = pr;
      state =
          fromGitHub(
              review,
              bot,
              calls.read("list reviews of " + review.key(), budget, p -> handle.reviews()),
              calls.read(
                  "list review comments of " + review.key(), budget, p -> handle.comments()));
      fromGitHub = true;
      LOG.infof(
          "%s: no record in Kafka; rebuilt from GitHub: %d fingerprints, %d deliveries",
          review.key(), state.fingerprints().size(), state.reviewedDeliveries().size());
    }
    if (state.reviewedDeliveries().contains(delivery)) {
      return new Result(
          fromGitHub ? Outcome.ALREADY_ON_GITHUB : Outcome.REDELIVERY,
          state,
          0,
          0,
          0,
          0,
          null,
          false);
    }

    // A full review (/attentive full-review) posts every current finding in a fresh review, repeats
    // included.
    ReviewPlan plan =
        planner.plan(
            review,
            FULL_REVIEW_TRIGGER.equals(review.trigger())
                ? Set.of()
                : Set.copyOf(state.fingerprints()),
            learning);
    if (plan.isEmpty()) {
      return new Result(
          Outcome.NOTHING_NEW,
          merge(state, List.of(), List.of(delivery)),
          0,
          0,
          plan.repeats(),
          plan.duplicates(),
          null,
          false);
    }
    if (!fromGitHub) {
      pr = open(review, budget);
      bot = botLogin(budget);
      GitHubReviews.PullRequest handle = pr;
      List<ExistingReview> reviews =
          calls.read("list reviews of " + review.key(), budget, p -> handle.reviews());
      if (hasDelivery(reviews, bot, delivery)) {
        return alreadyOnGitHub(review, bot, state, pr, reviews, budget);
      }
    }

    boolean refusedInline = false;
    Posted posted;
    try {
      posted = post(review, plan, pr, bot, budget);
    } catch (GitHubFailedException e) {
      if (e.status() != 422 || plan.inline().isEmpty()) {
        throw e;
      }
      // The anchors did not match GitHub's diff (the PR moved on, or a bad range): the summary
      // still gets through.
      LOG.warnf(
          "%s: GitHub refused the inline comments (%s); posting them in the summary",
          review.key(), e.getMessage());
      plan = plan.allInSummary();
      refusedInline = true;
      posted = post(review, plan, pr, bot, budget);
    }
    if (posted.created() == null) {
      GitHubReviews.PullRequest handle = pr;
      return alreadyOnGitHub(
          review,
          bot,
          state,
          pr,
          calls.read("list reviews of " + review.key(), budget, p -> handle.reviews()),
          budget);
    }
    List<String> fingerprints = new ArrayList<>();
    plan.inline().forEach(s -> fingerprints.add(Markers.fingerprintOf(s)));
    fingerprints.addAll(posted.summary().listedFingerprints());
    return new Result(
        Outcome.POSTED,
        merge(state, fingerprints, List.of(delivery)),
        plan.inline().size(),
        posted.summary().listedFingerprints().size(),
        plan.repeats(),
        plan.duplicates(),
        posted.created().id(),
        refusedInline,
        ledgerEntries(review, plan.inline(), pr, posted.created().id(), budget));
  }

  /**
   * The ledger's entries of the inline comments just posted, with the ids GitHub gave them (read
   * back from the review, matched by the fingerprint each comment's marker carries). The review is
   * out whatever happens here: a failed read leaves the ids 0 (logged), never fails the review.
   */
  List<CommentLedger.Entry> ledgerEntries(
      Review review,
      List<Suggestion> inline,
      GitHubReviews.PullRequest pr,
      long reviewId,
      GitHubCalls.Budget budget)
      throws InterruptedException {
    if (inline.isEmpty()) {
      return List.of();
    }
    Map<String, Long> ids = new HashMap<>();
    try {
      for (ExistingComment c :
          calls.read(
              "list comments of review " + reviewId + " on " + review.key(),
              budget,
              p -> pr.reviewComments(reviewId))) {
        markers.trailingFingerprint(c.body()).ifPresent(f -> ids.putIfAbsent(f, c.id()));
      }
    } catch (GitHubFailedException | RuntimeException e) {
      LOG.warnf(
          "%s: could not read back the ids of review %d's comments (no outcomes for them): %s",
          review.key(), reviewId, e.getMessage());
    }
    List<CommentLedger.Entry> entries = new ArrayList<>();
    for (Suggestion s : inline) {
      String fingerprint = Markers.fingerprintOf(s);
      String analyzer = analyzerOf(s);
      entries.add(
          new CommentLedger.Entry(
              ids.getOrDefault(fingerprint, 0L),
              fingerprint,
              s.ruleId(),
              analyzer,
              review.analyzerVersions().get(analyzer),
              s.confidence(),
              s.kind(),
              s.path(),
              s.startLine(),
              s.endLine(),
              s.endLine(),
              s.replacement(),
              review.headSha(),
              review.headSha(),
              null,
              CommentLedger.State.OPEN));
    }
    return entries;
  }

  /**
   * The analyzer of a suggestion: its rule id's prefix ({@code style/...}, {@code model/...},
   * {@code tests/...}), else its kind's.
   */
  static String analyzerOf(Suggestion s) {
    int slash = s.ruleId().indexOf('/');
    if (slash > 0) {
      return s.ruleId().substring(0, slash).toLowerCase(Locale.ROOT);
    }
    return switch (s.kind()) {
      case REPAIR -> "model";
      case STYLE -> "style";
      case TEST -> "tests";
    };
  }

  /**
   * The outcome of a POST: the review created, or (created null) found on GitHub when checking
   * before a retry.
   */
  private record Posted(GitHubReviews.CreatedReview created, ReviewBodies.Summary summary) {}

  private Posted post(
      Review review,
      ReviewPlan plan,
      GitHubReviews.PullRequest pr,
      String bot,
      GitHubCalls.Budget budget)
      throws GitHubFailedException, InterruptedException {
    ReviewBodies.Summary summary = bodies.summary(review, plan);
    List<GitHubReviews.NewComment> comments = new ArrayList<>();
    for (Suggestion s : plan.inline()) {
      comments.add(
          new GitHubReviews.NewComment(s.path(), s.startLine(), s.endLine(), bodies.comment(s)));
    }
    GitHubReviews.NewReview request =
        new GitHubReviews.NewReview(review.headSha(), summary.body(), comments);
    return calls.write(
        "create review on " + review.key(),
        review.installationId(),
        budget,
        previous -> {
          if (previous != null
              && previous.kind() == GitHubFailure.Kind.TRANSIENT
              && hasDelivery(pr.reviews(), bot, review.deliveryId())) {
            // the failed POST went through after all (GitHub answered 5xx, or the answer was lost)
            return new Posted(null, summary);
          }
          return new Posted(pr.createReview(request), summary);
        });
  }

  private Result alreadyOnGitHub(
      Review review,
      String bot,
      PostedFingerprints state,
      GitHubReviews.PullRequest pr,
      List<ExistingReview> reviews,
      GitHubCalls.Budget budget)
      throws GitHubFailedException, InterruptedException {
    List<ExistingComment> comments =
        calls.read("list review comments of " + review.key(), budget, p -> pr.comments());
    PostedFingerprints onGitHub = fromGitHub(review, bot, reviews, comments);
    LOG.infof(
        "%s: GitHub already has the review of delivery %s; recorded, nothing posted",
        review.key(), review.deliveryId());
    return new Result(
        Outcome.ALREADY_ON_GITHUB,
        merge(
            state,
            onGitHub.fingerprints(),
            merged(onGitHub.reviewedDeliveries(), List.of(review.deliveryId()))),
        0,
        0,
        0,
        0,
        null,
        false);
  }

  private GitHubReviews.PullRequest open(Review review, GitHubCalls.Budget budget)
      throws GitHubFailedException, InterruptedException {
    return calls.read(
        "get pull request " + review.key(),
        budget,
        p ->
            github.pullRequest(
                review.repository(), review.pullRequestNumber(), review.installationId()));
  }

  /**
   * The login the publisher posts as (asked from GitHub once, then cached by the gateway): only its
   * reviews and comments are read for markers.
   */
  private String botLogin(GitHubCalls.Budget budget)
      throws GitHubFailedException, InterruptedException {
    return calls.read("get the bot's own login", budget, p -> github.botLogin());
  }

  /**
   * Whether the bot wrote it. Anyone can write a marker; the PR's author could otherwise hide a
   * finding by posting its (deterministic) fingerprint. GitHub logins ignore case.
   */
  private static boolean byBot(String author, String bot) {
    return author != null && bot != null && author.equalsIgnoreCase(bot);
  }

  /** What the markers on GitHub say was posted on the PR: only those in the bot's own bodies. */
  PostedFingerprints fromGitHub(
      Review review, String bot, List<ExistingReview> reviews, List<ExistingComment> comments) {
    Set<String> fingerprints = new LinkedHashSet<>();
    Set<String> deliveries = new LinkedHashSet<>();
    for (ExistingReview r : reviews) {
      if (byBot(r.author(), bot)) {
        fingerprints.addAll(markers.fingerprints(r.body()));
        deliveries.addAll(markers.deliveries(r.body()));
      } else {
        markers.rejectForeign(r.body());
      }
    }
    for (ExistingComment c : comments) {
      if (byBot(c.author(), bot)) {
        markers.trailingFingerprint(c.body()).ifPresent(fingerprints::add);
      } else {
        markers.rejectForeign(c.body());
      }
    }
    return new PostedFingerprints(
        PostedFingerprints.SCHEMA_VERSION,
        review.repository(),
        review.pullRequestNumber(),
        List.copyOf(fingerprints),
        List.copyOf(deliveries));
  }

  private boolean hasDelivery(List<ExistingReview> reviews, String bot, String deliveryId) {
    String id = Markers.safeId(deliveryId);
    return reviews.stream()
        .anyMatch(r -> byBot(r.author(), bot) && markers.deliveries(r.body()).contains(id));
  }

  private boolean hasConfigProblems(
      List<ExistingComment> conversation, String bot, String problemsHash) {
    String id = Markers.safeId(problemsHash);
    return conversation.stream()
        .anyMatch(c -> byBot(c.author(), bot) && markers.configProblemsIn(c.body()).contains(id));
  }

  /**
   * The state with more fingerprints and deliveries; only the newest {@code rememberedDeliveries}
   * are kept.
   */
  PostedFingerprints merge(
      PostedFingerprints state, Collection<String> fingerprints, Collection<String> deliveries) {
    List<String> allDeliveries = merged(state.reviewedDeliveries(), deliveries);
    if (allDeliveries.size() > rememberedDeliveries) {
      allDeliveries =
          allDeliveries.subList(allDeliveries.size() - rememberedDeliveries, allDeliveries.size());
    }
    return new PostedFingerprints(
        PostedFingerprints.SCHEMA_VERSION,
        state.repository(),
        state.pullRequestNumber(),
        merged(state.fingerprints(), fingerprints),
        allDeliveries);
  }

  private static List<String> merged(Collection<String> first, Collection<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return new ArrayList<>(all);
  }
}
