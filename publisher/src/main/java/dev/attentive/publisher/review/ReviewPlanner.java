package dev.attentive.publisher.review;

import dev.attentive.events.LineRange;
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
 * listed in the summary.
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
    int maxInline = cap(this.maxInline, review);
    List<Suggestion> ordered = new ArrayList<>(review.suggestions());
    ordered.sort(ORDER);
    Set<String> seen = new HashSet<>();
    int repeats = 0;
    int duplicates = 0;
    List<Suggestion> inline = new ArrayList<>();
    List<ReviewPlan.Listed> summary = new ArrayList<>();
    for (Suggestion s : ordered) {
      String fp = Markers.fingerprintOf(s);
      if (alreadyPosted.contains(fp)) {
        repeats++;
      } else if (!seen.add(fp)) {
        duplicates++;
      } else if (!anchored(s, review.anchors())) {
        summary.add(new ReviewPlan.Listed(s, ReviewPlan.Why.OUTSIDE_DIFF));
      } else if (inline.size() >= maxInline) {
        summary.add(new ReviewPlan.Listed(s, ReviewPlan.Why.OVER_LIMIT));
      } else {
        inline.add(s);
      }
    }
    return new ReviewPlan(inline, summary, repeats, duplicates);
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
