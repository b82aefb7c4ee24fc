package dev.attentive.publisher.review;

import dev.attentive.events.Suggestion;
import java.util.ArrayList;
import java.util.List;

/**
 * What one review will say: the suggestions posted as inline comments and those only listed in the
 * summary, in posting order (most severe, then most confident, first), after dropping repeats.
 *
 * @param repeats suggestions dropped because their fingerprint was already posted on the pull
 *     request
 * @param duplicates suggestions dropped because an earlier one in the same review had the same
 *     fingerprint
 */
public record ReviewPlan(
    List<Suggestion> inline, List<Listed> summary, int repeats, int duplicates) {

  /** Why a suggestion is listed in the summary instead of commented inline. */
  public enum Why {
    /** Its lines are not (all) in one hunk of the diff: GitHub would refuse the whole review. */
    OUTSIDE_DIFF,
    /** More anchorable suggestions than inline comments per review. */
    OVER_LIMIT,
    /**
     * GitHub refused the review with its inline comments (422); posted again with everything in the
     * summary.
     */
    REFUSED_INLINE
  }

  public record Listed(Suggestion suggestion, Why why) {}

  public ReviewPlan {
    inline = List.copyOf(inline);
    summary = List.copyOf(summary);
  }

  /** True when there is nothing new to post. */
  public boolean isEmpty() {
    return inline.isEmpty() && summary.isEmpty();
  }

  /** All new suggestions, in posting order. */
  public List<Suggestion> all() {
    List<Suggestion> all = new ArrayList<>(inline);
    summary.forEach(l -> all.add(l.suggestion()));
    return all;
  }

  /**
   * The same suggestions, none inline: for a second try after GitHub refused the inline comments.
   */
  public ReviewPlan allInSummary() {
    List<Listed> listed = new ArrayList<>();
    inline.forEach(s -> listed.add(new Listed(s, Why.REFUSED_INLINE)));
    listed.addAll(summary);
    return new ReviewPlan(List.of(), listed, repeats, duplicates);
  }
}
