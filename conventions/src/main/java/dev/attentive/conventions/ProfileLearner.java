package dev.attentive.conventions;

import dev.attentive.events.Convention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learns conventions from sampled files: every rule observes every learnable file, then concludes.
 * Generated files and files a rule throws on are skipped with a note; nothing here fails on bad
 * input.
 */
public final class ProfileLearner {

  /** Most notes kept about skipped files; the rest are counted. */
  static final int MAX_FILE_NOTES = 10;

  private final List<ConventionRule> rules;

  public ProfileLearner(List<ConventionRule> rules) {
    this.rules = List.copyOf(rules);
  }

  public static ProfileLearner standard() {
    return new ProfileLearner(Rules.all());
  }

  /**
   * @param learned the files learned from (not generated)
   * @param skipped files left out, with why
   */
  public record Result(
      List<Convention> conventions, int learned, long lines, List<String> skipped) {}

  public Result learn(List<SourceFile> files) {
    Map<ConventionRule, Tally> tallies = new LinkedHashMap<>();
    rules.forEach(r -> tallies.put(r, new Tally()));
    List<String> skipped = new ArrayList<>();
    int learned = 0;
    long lines = 0;
    for (SourceFile f : files) {
      JavaSource source = JavaSource.of(f);
      if (source.generated()) {
        skipped.add(f.path() + ": generated");
        continue;
      }
      learned++;
      lines += source.lineCount();
      for (Map.Entry<ConventionRule, Tally> e : tallies.entrySet()) {
        e.getValue().startFile(f.path());
        try {
          e.getKey().observe(source, e.getValue());
        } catch (RuntimeException | StackOverflowError err) {
          skipped.add(f.path() + ": " + e.getKey().id() + " could not read it (" + err + ")");
        }
      }
    }
    List<Convention> conventions = new ArrayList<>();
    tallies.forEach((rule, tally) -> conventions.add(rule.conclude(tally)));
    conventions.sort(Comparator.comparing(Convention::ruleId));
    return new Result(List.copyOf(conventions), learned, lines, List.copyOf(skipped));
  }
}
