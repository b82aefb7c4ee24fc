package dev.attentive.publisher.review;

import dev.attentive.events.LineRange;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.Review;
import dev.attentive.events.Suggestion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides what a review posts: drops suggestions already posted on the PR (and duplicates within
 * the review), orders the rest by severity then confidence, and puts a suggestion inline only when
 * its whole line range lies inside one anchor range of its file (new-side lines of one hunk) —
 * GitHub refuses the whole review otherwise — and only up to the inline cap. Everything else is
 * listed in the summary. Suggestions of rules muted in the repository are not posted at all: the
 * summary counts them in one line, and says once, when the bar has just muted a rule, why and how
 * to turn it back on.
 */
public final class ReviewPlanner {

  /** Most severe first, then most confident; then by place, so the order is the same every time. */
  public static final Comparator<Suggestion> ORDER =
      Comparator.comparing(Suggestion::severity, Comparator.reverseOrder())
          .thenComparing(Suggestion::confidence, Comparator.reverseOrder())
          .thenComparing(Suggestion::path)
          .thenComparingInt(Suggestion::startLine)
          .thenComparingInt(Suggestion::endLine)
          .thenComparing(Suggestion::ruleId);

  private final int maxInline;

  public ReviewPlanner(int maxInline) {
    if (maxInline < 0) {
      throw new IllegalArgumentException("maxInline must not be negative");
    }
    this.maxInline = maxInline;
  }

  /**
   * The inline comment cap of one review: the deployment's, or the repository's {@code
   * review.maxComments} when that is smaller.
   */
  public static int cap(int deploymentCap, Review review) {
    Integer repository = review.settings() == null ? null : review.settings().maxComments();
    return repository == null ? deploymentCap : Math.max(0, Math.min(deploymentCap, repository));
  }

  public ReviewPlan plan(Review review, Set<String> alreadyPosted) {
    return plan(review, alreadyPosted, null);
  }

  /**
   * The plan, with the suggestions of rules silenced in the repository left out (only counted) and
   * the rules the bar muted since the last announcement to be announced.
   *
   * @param learning what the repository taught Attentive; null when nothing
   */
  public ReviewPlan plan(Review review, Set<String> alreadyPosted, RepositoryLearning learning) {
    int maxInline = cap(this.maxInline, review);
    List<Suggestion> ordered = new ArrayList<>(review.suggestions());
    ordered.sort(ORDER);
    Set<String> seen = new HashSet<>();
    int repeats = 0;
    int duplicates = 0;
    List<Suggestion> inline = new ArrayList<>();
    List<ReviewPlan.Listed> summary = new ArrayList<>();
    List<Suggestion> silenced = new ArrayList<>();
    for (Suggestion s : ordered) {
      String fp = Markers.fingerprintOf(s);
      if (alreadyPosted.contains(fp)) {
        repeats++;
      } else if (!seen.add(fp)) {
        duplicates++;
      } else if (learning != null && learning.silenced(s.ruleId())) {
        silenced.add(s);
      } else if (!anchored(s, review.anchors())) {
        summary.add(new ReviewPlan.Listed(s, ReviewPlan.Why.OUTSIDE_DIFF));
      } else if (inline.size() >= maxInline) {
        summary.add(new ReviewPlan.Listed(s, ReviewPlan.Why.OVER_LIMIT));
      } else {
        inline.add(s);
      }
    }
    return new ReviewPlan(inline, summary, repeats, duplicates, silenced, newlyMuted(learning));
  }

  /** The rules the bar muted that no review has announced yet, by rule id. */
  public static List<ReviewPlan.Muted> newlyMuted(RepositoryLearning learning) {
    if (learning == null) {
      return List.of();
    }
    return learning.rules().entrySet().stream()
        .filter(e -> e.getValue().muted() && !e.getValue().announced())
        .filter(e -> !learning.ignored().containsKey(e.getKey()))
        .map(e -> new ReviewPlan.Muted(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(ReviewPlan.Muted::ruleId))
        .toList();
  }

  /**
   * Whether GitHub can take the suggestion as a review comment: all its lines inside one anchor
   * range.
   */
  public static boolean anchored(Suggestion s, Map<String, List<LineRange>> anchors) {
    List<LineRange> ranges = anchors.get(s.path());
    return ranges != null
        && ranges.stream().anyMatch(r -> r != null && r.contains(s.startLine(), s.endLine()));
  }
}
