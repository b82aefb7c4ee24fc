package dev.attentive.conventions;

import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.List;

/**
 * One convention of a repository's style (one class per convention, like one check per class): it
 * counts what the sample does, concludes what the repository's convention is and how dominant, and
 * finds the changed lines that break it.
 *
 * <p>Implementations are stateless and thread-safe; the learner calls {@link #observe} once per
 * sampled file and {@link #conclude} once; the reviewer calls {@link #check} with an enforced
 * convention only.
 */
public interface ConventionRule {

  /** The stable rule id, e.g. {@code style/indent}; documented in docs/style.md. */
  String id();

  /** Adds what one file shows to the tally (the learner has already called startFile). */
  void observe(JavaSource file, Tally tally);

  /** The repository's convention from everything observed; enforced only when clearly dominant. */
  Convention conclude(Tally tally);

  /**
   * The changed lines of {@code file} that break {@code convention}, each with the line written the
   * repository's way where that is safe.
   *
   * @param convention this rule's enforced convention from the profile
   * @param profile the whole profile, for what else a rewrite must respect (e.g. the indent width
   *     when a long line is wrapped)
   * @param changes the lines the pull request added (nothing else is reported) and removed
   */
  List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes);
}
