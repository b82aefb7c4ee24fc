package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/** Test helpers: learn one rule from snippets, check a file against it. */
final class Learn {

  private Learn() {}

  /** What {@code rule} concludes from {@code copies} copies of each file (distinct paths). */
  static Convention from(ConventionRule rule, int copies, String... files) {
    Tally tally = new Tally();
    for (int c = 0; c < copies; c++) {
      for (int i = 0; i < files.length; i++) {
        String path = "src/F" + c + "_" + i + ".java";
        tally.startFile(path);
        rule.observe(JavaSource.of(path, files[i]), tally);
      }
    }
    return rule.conclude(tally);
  }

  /** An enforced convention of {@code rule} with {@code value}. */
  static Convention enforced(String ruleId, String value) {
    return new Convention(ruleId, value, 100, 0, 10, true, "this repository does it: 100 of 100");
  }

  static List<Deviation> check(ConventionRule rule, Convention c, String text, Changes changes) {
    RepositoryProfile profile =
        new RepositoryProfile(1, "o/r", "main", "x", null, null, List.of(c), null, null);
    return rule.check(JavaSource.of("A.java", text), c, profile, changes);
  }

  static Changes lines(Integer... added) {
    return Changes.added(Set.of(added));
  }

  static Changes all(String text) {
    return Changes.added(
        new TreeSet<>(IntStream.rangeClosed(1, (int) text.lines().count()).boxed().toList()));
  }

  static Changes replaced(int line, String... removed) {
    return new Changes(new TreeSet<>(Set.of(line)), List.of(removed));
  }
}
