package dev.attentive.publisher.review;

import dev.attentive.events.RepositoryLearning;
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
 * @param silenced suggestions of rules muted in the repository (by the bar or by {@code /attentive
 *     ignore}): not posted, only counted in the summary
 * @param newlyMuted rules the bar muted that no review has announced yet: the summary says so once
 */
public record ReviewPlan(
    List<Suggestion> inline,
    List<Listed> summary,
    int repeats,
    int duplicates,
    List<Suggestion> silenced,
    List<Muted> newlyMuted) {

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

  /** A rule the bar muted in the repository, with the numbers that muted it. */
  public record Muted(String ruleId, RepositoryLearning.RuleStats stats) {}

  public ReviewPlan {
    inline = List.copyOf(inline);
    summary = List.copyOf(summary);
    silenced = silenced == null ? List.of() : List.copyOf(silenced);
    newlyMuted = newlyMuted == null ? List.of() : List.copyOf(newlyMuted);
  }

  public ReviewPlan(List<Suggestion> inline, List<Listed> summary, int repeats, int duplicates) {
    this(inline, summary, repeats, duplicates, List.of(), List.of());
  }

  /** True when there is nothing new to post (a mute to announce is something to post). */
  public boolean isEmpty() {
    return inline.isEmpty() && summary.isEmpty() && newlyMuted.isEmpty();
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
    return new ReviewPlan(List.of(), listed, repeats, duplicates, silenced, newlyMuted);
  }
}
