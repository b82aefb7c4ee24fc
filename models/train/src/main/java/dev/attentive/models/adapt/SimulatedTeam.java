package dev.attentive.models.adapt;

import dev.attentive.events.Feedback;
import dev.attentive.events.Suggestion;
import dev.attentive.models.eval.ScoredReads;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.predict.ModelInfo;
import dev.attentive.models.predict.Posting;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated repository whose team judges by a hidden rule, to show what a fine-tune gains on data
 * it did not see. Its code is the real files of a real-fix split the model never saw; a seeded
 * share of them is the repository's test code (the corpus has none of its own, so their paths are
 * moved under {@code src/test/}). The team rejects every model comment in test code and judges the
 * others by the model's real correctness: a finding on a real fix's buggy line is accepted (fixed),
 * one on correct code rejected. The files are split in two, in a seeded order: the comments the
 * global model posts on the first half are the outcomes the fine-tune sees; the second half is
 * measured, before (global model) and after (the adaptation, when the guard ships it).
 */
public final class SimulatedTeam {

  public static final String REPOSITORY = "simulated/team";

  /** What the team's comments in one half came to. */
  public record Tally(int posted, int accepted, int rejected, int inTestCode) {
    public double precision() {
      return posted == 0 ? 0 : (double) accepted / posted;
    }

    public String describe() {
      return String.format(
          "%4d posted, %3d accepted, %4d rejected (%d in test code), acceptance-weighted"
              + " precision %.3f",
          posted, accepted, rejected, inTestCode, precision());
    }
  }

  /**
   * @param outcomes the feedback of the first half (what the fine-tune read)
   * @param before the second half under the global model
   * @param after the second half under the shipped adaptation (the global model when refused)
   */
  public record Result(
      List<Feedback> outcomes, Finetune.Result finetune, Tally before, Tally after) {}

  private SimulatedTeam() {}

  /**
   * @param code the unseen split's reads (the repository's code)
   * @param global the global validation reads (the guard's)
   * @param testShare the share of files that are test code
   */
  public static Result run(
      ScoredReads code,
      ScoredReads global,
      ModelInfo model,
      long seed,
      double testShare,
      Finetune.Options options) {
    Map<String, List<ScoredReads.Finding>> byFile = new LinkedHashMap<>();
    code.reads().forEach(f -> byFile.computeIfAbsent(f.file(), k -> new ArrayList<>()).add(f));
    List<String> files = new ArrayList<>(byFile.keySet());
    Collections.shuffle(files, new Random(seed));
    Random layout = new Random(seed * 31 + 7);
    Map<String, String> paths = new LinkedHashMap<>();
    for (String file : files) {
      paths.put(file, path(file, layout.nextDouble() < testShare));
    }
    List<String> seen = files.subList(0, files.size() / 2);
    List<String> unseen = files.subList(files.size() / 2, files.size());
    Posting posting = model.posting();
    RepositoryAdapter identity = RepositoryAdapter.identity();

    List<Feedback> outcomes = new ArrayList<>();
    Instant start = Instant.parse("2026-11-02T09:00:00Z");
    int pr = 0;
    for (String file : seen) {
      pr++;
      for (ScoredReads.Finding f : byFile.get(file)) {
        if (!posted(f, paths.get(file), identity, posting)) {
          continue;
        }
        boolean accepted = accepts(f, paths.get(file));
        Feedback.Type type =
            accepted ? Feedback.Type.FIXED_OTHERWISE : Feedback.Type.RESOLVED_WITHOUT_CHANGE;
        String fingerprint = Integer.toHexString((f.file() + ":" + f.line() + f.kind()).hashCode());
        Instant at = start.plus(Duration.ofMinutes(10L * outcomes.size()));
        outcomes.add(
            new Feedback(
                Feedback.SCHEMA_VERSION,
                Feedback.outcomeId(REPOSITORY, pr, fingerprint, type, null),
                REPOSITORY,
                pr,
                type,
                fingerprint,
                Outcome.MODEL_RULE + AdapterFit.kind(f.kind()).rule(),
                "model",
                model.modelVersion(),
                f.confidence(),
                Suggestion.Kind.REPAIR,
                paths.get(file),
                f.line(),
                1000L + outcomes.size(),
                accepted ? "c0ffee" + pr : null,
                accepted ? null : "teammate",
                null,
                at));
      }
    }
    Finetune.Result finetune =
        Finetune.run(
            REPOSITORY, outcomes, model, global, 1, start.plus(Duration.ofDays(7)), options);
    RepositoryAdapter shipped =
        finetune.adaptation() != null ? finetune.adapter() : RepositoryAdapter.identity();
    return new Result(
        outcomes,
        finetune,
        tally(unseen, byFile, paths, identity, posting),
        tally(unseen, byFile, paths, shipped, posting));
  }

  /** The hidden rule. */
  static boolean accepts(ScoredReads.Finding f, String path) {
    return !RepositoryAdapter.isTestCode(path) && f.bug();
  }

  private static boolean posted(
      ScoredReads.Finding f, String path, RepositoryAdapter adapter, Posting posting) {
    BugKind kind = AdapterFit.kind(f.kind());
    var margin = AdapterFit.margin(posting, kind, f.confidence());
    if (margin.isEmpty()) {
      return false;
    }
    double shift = adapter.shift(kind.rule(), path);
    double back = AdapterFit.backMargin(posting, kind, f.back());
    return margin.getAsDouble() + shift > 0 && back + shift <= 0;
  }

  private static Tally tally(
      List<String> files,
      Map<String, List<ScoredReads.Finding>> byFile,
      Map<String, String> paths,
      RepositoryAdapter adapter,
      Posting posting) {
    int posted = 0;
    int accepted = 0;
    int inTest = 0;
    for (String file : files) {
      String path = paths.get(file);
      for (ScoredReads.Finding f : byFile.get(file)) {
        if (posted(f, path, adapter, posting)) {
          posted++;
          accepted += accepts(f, path) ? 1 : 0;
          inTest += RepositoryAdapter.isTestCode(path) ? 1 : 0;
        }
      }
    }
    return new Tally(posted, accepted, posted - accepted, inTest);
  }

  /** The file's path in the simulated repository: under src/test/ as a test class, or as it is. */
  static String path(String file, boolean test) {
    String path = file.substring(file.indexOf(' ') + 1);
    if (!test) {
      return RepositoryAdapter.isTestCode(path) ? "src/main/java/" + name(path) + ".java" : path;
    }
    return "src/test/java/" + name(path) + "Test.java";
  }

  private static String name(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.endsWith(".java") ? file.substring(0, file.length() - 5) : file;
  }
}
