package dev.attentive.reviewer.analysis;

import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import java.util.List;

/**
 * The seam every analyzer implements: one file's diff in, what to say about it out.
 *
 * <p>Implementations must be safe to call from several threads at once (the stream runs one task
 * per partition) and should return an empty list, not throw, for files they do not understand.
 */
public interface Analyzer {

  /**
   * A short stable name ("style", "model", "tests"): the prefix of its rule ids and the tag of its
   * metrics.
   */
  String id();

  /**
   * The version of what made this chunk's suggestions (the model's, or its repository
   * adaptation's), carried into the review and the feedback on them; null for analyzers without
   * one.
   */
  default String version(PullRequestDiffChunk chunk) {
    return null;
  }

  /** The suggestions for one file, anchored on lines of the head version. */
  List<Suggestion> analyze(PullRequestDiffChunk chunk) throws Exception;

  /**
   * The suggestions for one file under the repository's settings ({@code .attentive.yml} and a
   * command's analyzer override: e.g. {@code model.attention} for the model analyzer, {@code
   * tests.execute} for the tests analyzer). This is what the stream calls; analyzers that do not
   * read settings need not override it.
   *
   * @param settings never null: {@link RepositorySettings#defaults()} when the repository has none
   */
  default List<Suggestion> analyze(PullRequestDiffChunk chunk, RepositorySettings settings)
      throws Exception {
    return analyze(chunk);
  }

  /**
   * The suggestions for one file under the repository's settings and its learned conventions
   * ({@link RepositoryProfile}, read by the stream from the profiles table). Only the style
   * analyzer reads the profile; the others need not override this.
   *
   * @param profile null while the repository's profile is not learned yet
   */
  default List<Suggestion> analyze(
      PullRequestDiffChunk chunk, RepositorySettings settings, RepositoryProfile profile)
      throws Exception {
    return analyze(chunk, settings);
  }

  /**
   * As {@link #analyze(PullRequestDiffChunk, RepositorySettings, RepositoryProfile)}, with the
   * repository's files around the changed one ({@link SourceContext}, resolved by the stream from
   * the chunk's source references). Only the tests analyzer compiles with them; the others need not
   * override this.
   */
  default List<Suggestion> analyze(
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      RepositoryProfile profile,
      SourceContext sources)
      throws Exception {
    return analyze(chunk, settings, profile);
  }

  /**
   * What an analyzer says about one file: its suggestions, and notes for the review's summary (e.g.
   * the tests analyzer's "no tests proposed for ... because ..."), which the stream adds to the
   * chunk's outcome beside its own.
   */
  record Findings(List<Suggestion> suggestions, List<String> notes) {
    public Findings {
      suggestions = List.copyOf(suggestions);
      notes = List.copyOf(notes);
    }
  }

  /**
   * As {@link #analyze(PullRequestDiffChunk, RepositorySettings, RepositoryProfile,
   * SourceContext)}, with the analyzer's notes for the summary; analyzers without notes need not
   * override it.
   */
  default Findings findings(
      PullRequestDiffChunk chunk,
      RepositorySettings settings,
      RepositoryProfile profile,
      SourceContext sources)
      throws Exception {
    return new Findings(analyze(chunk, settings, profile, sources), List.of());
  }

  /** As above, without the repository's files around the changed one. */
  default Findings findings(
      PullRequestDiffChunk chunk, RepositorySettings settings, RepositoryProfile profile)
      throws Exception {
    return findings(chunk, settings, profile, SourceContext.NONE);
  }
}
