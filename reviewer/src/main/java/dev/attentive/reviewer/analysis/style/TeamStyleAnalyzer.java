package dev.attentive.reviewer.analysis.style;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionChecker;
import dev.attentive.conventions.Deviation;
import dev.attentive.events.Convention;
import dev.attentive.events.DiffLine;
import dev.attentive.events.Hunk;
import dev.attentive.events.PullRequestDiffChunk;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.RepositorySettings;
import dev.attentive.events.Suggestion;
import dev.attentive.reviewer.analysis.Analyzer;
import dev.attentive.reviewer.analysis.ChangedLines;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The style analyzer (id {@code style}): the team's style, not Google's.
 *
 * <ul>
 *   <li>Always (when the repository's profile is learned): the changed lines that break one of the
 *       repository's own dominant conventions ({@link ConventionChecker}), each naming the
 *       convention and its evidence, with the line written the team's way. No profile yet: nothing
 *       (the stream notes that the conventions are being learned).
 *   <li>Only when the repository asks (its {@code .attentive.yml}, a Checkstyle file in it, a
 *       formatter plugin in its build) or the operator forces one for every repository: a rule set,
 *       i.e. Checkstyle and/or google-java-format ({@link StyleAnalyzer}). Chosen per repository by
 *       {@link dev.attentive.reviewer.analysis.RepositoryAnalyzers}. A convention finding on a line
 *       the rule set already speaks about is dropped: one style comment per line.
 * </ul>
 *
 * Thread-safe; an instance is cheap (the rule set is shared and cached).
 */
public final class TeamStyleAnalyzer implements Analyzer {

  public static final String ID = StyleAnalyzer.ID;

  private final StyleAnalyzer ruleSet;
  private final boolean conventions;
  private final ConventionChecker checker;

  /**
   * @param ruleSet Checkstyle/google-java-format to run as well, or null for none
   * @param conventions whether the learned conventions are checked (the deployment may turn them
   *     off)
   */
  public TeamStyleAnalyzer(StyleAnalyzer ruleSet, boolean conventions) {
    this(ruleSet, conventions, ConventionChecker.standard());
  }

  private TeamStyleAnalyzer(StyleAnalyzer ruleSet, boolean conventions, ConventionChecker checker) {
    this.ruleSet = ruleSet;
    this.conventions = conventions;
    this.checker = checker;
  }

  /** The same conventions with another rule set (a repository's own), or none. */
  public TeamStyleAnalyzer withRuleSet(StyleAnalyzer other) {
    return other == ruleSet ? this : new TeamStyleAnalyzer(other, conventions, checker);
  }

  /** The rule set that runs besides the conventions, or null. */
  public StyleAnalyzer ruleSet() {
    return ruleSet;
  }

  public boolean conventions() {
    return conventions;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Suggestion> analyze(PullRequestDiffChunk chunk) throws Exception {
    return analyze(chunk, RepositorySettings.defaults(), null);
  }

  @Override
  public List<Suggestion> analyze(
      PullRequestDiffChunk chunk, RepositorySettings settings, RepositoryProfile profile)
      throws Exception {
    if (!"java".equals(chunk.language())) {
      return List.of();
    }
    List<Suggestion> out = new ArrayList<>();
    if (ruleSet != null) {
      out.addAll(ruleSet.analyze(chunk));
    }
    String content = ChangedLines.newContent(chunk);
    if (conventions && profile != null && content != null) {
      List<Suggestion> fromRuleSet = List.copyOf(out);
      List<String> lines = content.lines().toList();
      for (Deviation d : checker.check(profile, chunk.path(), content, changes(chunk))) {
        boolean covered =
            fromRuleSet.stream()
                .anyMatch(s -> s.startLine() <= d.endLine() && d.startLine() <= s.endLine());
        if (!covered) {
          out.add(suggestion(chunk.path(), d, profile, lines));
        }
      }
    }
    out.sort(Comparator.comparingInt(Suggestion::startLine).thenComparing(Suggestion::ruleId));
    return List.copyOf(out);
  }

  /** What the chunk added (head-side lines) and removed (their text). */
  static Changes changes(PullRequestDiffChunk chunk) {
    List<String> removed = new ArrayList<>();
    for (Hunk h : chunk.hunks()) {
      for (DiffLine l : h.lines()) {
        if (l.kind() == DiffLine.Kind.REMOVED) {
          removed.add(l.text());
        }
      }
    }
    return new Changes(new java.util.TreeSet<>(ChangedLines.of(chunk).lines()), removed);
  }

  private static Suggestion suggestion(
      String path, Deviation d, RepositoryProfile profile, List<String> lines) {
    double confidence =
        profile.convention(d.ruleId()).map(Convention::share).filter(s -> s > 0).orElse(0.95);
    String code =
        String.join(
            "\n",
            lines.subList(
                Math.min(d.startLine() - 1, lines.size()), Math.min(d.endLine(), lines.size())));
    return new Suggestion(
        Suggestion.Kind.STYLE,
        path,
        d.startLine(),
        d.endLine(),
        Suggestion.Severity.INFO,
        Math.min(1.0, confidence),
        d.message(),
        d.replacement(),
        d.ruleId(),
        Suggestion.fingerprint(path, d.ruleId(), code));
  }
}
