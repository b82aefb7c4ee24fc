package dev.attentive.conventions;

import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reviewer's side: the changed lines of one file that break the repository's enforced
 * conventions. At most one deviation per line: where rules overlap, the one earlier in {@link
 * Rules#all()} wins, so an author never gets two comments on one line about style.
 */
public final class ConventionChecker {

  private final List<ConventionRule> rules;

  public ConventionChecker(List<ConventionRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static ConventionChecker standard() {
    return new ConventionChecker(Rules.all());
  }

  /**
   * @param changes the lines the pull request added and removed
   * @return deviations in line order; empty for generated files and where nothing is enforced
   */
  public List<Deviation> check(
      RepositoryProfile profile, String path, String content, Changes changes) {
    if (profile == null || content == null || changes.isEmpty()) {
      return List.of();
    }
    JavaSource source = JavaSource.of(path, content);
    if (source.generated()) {
      return List.of();
    }
    List<Deviation> kept = new ArrayList<>();
    for (ConventionRule rule : rules) {
      Optional<Convention> convention = profile.convention(rule.id());
      if (convention.isEmpty() || !convention.get().enforced()) {
        continue;
      }
      List<Deviation> found;
      try {
        found = rule.check(source, convention.get(), profile, changes);
      } catch (RuntimeException | StackOverflowError e) {
        continue; // a rule that cannot read this file says nothing about it
      }
      for (Deviation d : found) {
        if (kept.stream().noneMatch(k -> k.overlaps(d))) {
          kept.add(d);
        }
      }
    }
    kept.sort(java.util.Comparator.comparingInt(Deviation::startLine));
    return List.copyOf(kept);
  }
}
