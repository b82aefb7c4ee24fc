package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.ProfileLearner;
import dev.attentive.conventions.SourceFile;
import dev.attentive.events.Convention;
import dev.attentive.events.ProfileSample;
import dev.attentive.events.RepositoryProfile;
import dev.attentive.events.StyleTools;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Learning from and checking snippets, for the layout rules' tests. */
final class Layouts {

  private Layouts() {}

  /** What {@code rule} learns from {@code copies} copies of {@code text} (as separate files). */
  static Convention learn(ConventionRule rule, String text, int copies) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < copies; i++) {
      files.add(new SourceFile("src/F" + i + ".java", text));
    }
    return new ProfileLearner(List.of(rule)).learn(files).conventions().get(0);
  }

  static RepositoryProfile profile(Convention... conventions) {
    return new RepositoryProfile(
        RepositoryProfile.SCHEMA_VERSION,
        "octo/repo",
        "main",
        "abc",
        Instant.parse("2026-11-30T00:00:00Z"),
        new ProfileSample(10, 10, 0, 1000, 1000, 0),
        List.of(conventions),
        StyleTools.NONE,
        List.of());
  }

  static Convention enforced(String ruleId, String value) {
    return new Convention(ruleId, value, 100, 0, 10, true, "this repository does it: 100 of 100");
  }

  /** {@code rule}'s deviations in {@code text} with {@code added} lines added. */
  static List<Deviation> check(ConventionRule rule, String value, String text, Integer... added) {
    Convention c = enforced(rule.id(), value);
    return rule.check(JavaSource.of("A.java", text), c, profile(c), Changes.added(Set.of(added)));
  }

  /** Every line of {@code text} added. */
  static List<Deviation> checkAll(ConventionRule rule, String value, String text) {
    int lines = (int) text.lines().count();
    Set<Integer> all = new TreeSet<>();
    IntStream.rangeClosed(1, lines).forEach(all::add);
    Convention c = enforced(rule.id(), value);
    return rule.check(JavaSource.of("A.java", text), c, profile(c), Changes.added(all));
  }
}
