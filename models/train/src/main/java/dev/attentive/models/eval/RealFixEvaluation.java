package dev.attentive.models.eval;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.mining.RealFix;
import dev.attentive.models.predict.BugFinder;
import dev.attentive.models.predict.Finding;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.Posting;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;

/**
 * The model on real changes, read the way the reviewer reads a pull request ({@link BugFinder}, the
 * changed lines of the whole file). Three kinds of real lines: the buggy lines of each real fix
 * (file before the fix, the changed lines as the added ones: the model should propose the
 * developer's fix), the after-fix lines (file after the fix, its changed lines: correct code, any
 * finding is a false alarm) and release code (other lines of the same files, each read as changed:
 * correct code too). Findings are kept with their confidence and the round trip's answer, so
 * thresholds can be swept afterwards without running the model again.
 */
public final class RealFixEvaluation {

  /**
   * No calibrated threshold goes below this: findings under it are not kept, nor read back. At one
   * false alarm per 1,000 real lines no kind comes near it.
   */
  public static final double LOWEST_THRESHOLD = 0.5;

  /**
   * @param releaseLinesPerFile how many non-blank lines of each real file are read as release code
   *     (a seeded sample), to keep a run to minutes on two cores
   */
  public record Options(int releaseLinesPerFile, long seed) {
    public static Options defaults() {
      return new Options(150, 20261130L);
    }
  }

  /** A finding with the round trip's answer: its confidence reading the repaired line. */
  public record Read(Finding finding, double back) {

    public String kind() {
      return finding.kind().id();
    }

    public boolean postedAt(Posting posting) {
      OptionalDouble threshold = posting.thresholdOf(finding.kind());
      return threshold.isPresent()
          && finding.confidence() > threshold.getAsDouble()
          && (!posting.roundTrip() || back <= threshold.getAsDouble());
    }
  }

  /**
   * One real bug: the file before the fix read with the fix's lines changed.
   *
   * @param line the buggy line when the fix changes one line only, else the fix's first line
   * @param fixedLine the developer's fixed line when the fix changes one line only, else null
   * @param expressibleAs the kind whose repair makes the developer's fix, null when none can
   */
  public record Bug(
      RealFix fix, int line, String fixedLine, String expressibleAs, List<Read> reads) {

    /** The developer's fix proposed on the buggy line. */
    public boolean exactAt(Posting posting) {
      return fixedLine != null
          && reads.stream()
              .anyMatch(
                  r ->
                      r.finding().line() == line
                          && normalised(r.finding().replacement()).equals(normalised(fixedLine))
                          && r.postedAt(posting));
    }

    public boolean flaggedAt(Posting posting) {
      return reads.stream().anyMatch(r -> r.postedAt(posting));
    }
  }

  /** The fixing diff: the file after the fix, its changed lines (correct code). */
  public record Fixing(RealFix fix, int lines, List<Read> reads) {}

  /** Everything the model said on one split's real changes. */
  public record Scored(
      String split,
      List<Bug> bugs,
      List<Fixing> fixings,
      List<Read> release,
      int releaseLines,
      int releaseFiles) {

    public int afterLines() {
      return fixings.stream().mapToInt(Fixing::lines).sum();
    }

    /** Findings on correct code: after-fix lines, then release code. */
    public List<Read> correct() {
      List<Read> all = new ArrayList<>(release);
      fixings.forEach(f -> all.addAll(f.reads()));
      return all;
    }

    public int correctLines() {
      return afterLines() + releaseLines;
    }
  }

  private RealFixEvaluation() {}

  /** Whitespace does not make two lines of Java different. */
  public static String normalised(String line) {
    return line.replaceAll("\\s+", "");
  }

  public static Scored score(
      BugFinder finder, RepairSpace space, List<RealFix> fixes, String split, Options options) {
    AttentionProgram program = AttentionProgram.DEFAULT;
    List<Bug> bugs = new ArrayList<>();
    List<Fixing> fixings = new ArrayList<>();
    Map<String, RealFix> files = new LinkedHashMap<>();
    for (RealFix fix : fixes) {
      files.putIfAbsent(fix.source() + " " + fix.path(), fix);
      List<String> removed = fix.removed();
      int line = fix.line();
      String fixedLine = null;
      if (removed.size() == fix.added().size()) {
        int[] differing =
            IntStream.range(0, removed.size())
                .filter(i -> !normalised(removed.get(i)).equals(normalised(fix.added().get(i))))
                .toArray();
        if (differing.length == 1) {
          line = fix.line() + differing[0];
          fixedLine = fix.added().get(differing[0]);
        }
      }
      String expressible =
          fixedLine == null
              ? null
              : space.expressing(fix.before(), line, fixedLine).map(BugKind::id).orElse(null);
      Set<Integer> changed = range(fix.line(), fix.removedLines());
      bugs.add(
          new Bug(fix, line, fixedLine, expressible, read(finder, fix.before(), changed, program)));
      int afterLines = (int) fix.added().stream().filter(l -> !l.isBlank()).count();
      fixings.add(
          new Fixing(
              fix,
              afterLines,
              read(finder, fix.after(), range(fix.line(), fix.added().size()), program)));
    }
    List<Read> release = new ArrayList<>();
    int releaseLines = 0;
    for (RealFix fix : files.values()) {
      List<String> lines = fix.beforeLines();
      List<Integer> candidates = new ArrayList<>();
      for (int l = 1; l <= lines.size(); l++) {
        boolean changed = l >= fix.line() && l < fix.line() + fix.removedLines();
        if (!changed && !lines.get(l - 1).isBlank()) {
          candidates.add(l);
        }
      }
      java.util.Collections.shuffle(
          candidates, new Random(options.seed() ^ (fix.source() + fix.path()).hashCode()));
      Set<Integer> sample =
          new TreeSet<>(
              candidates.subList(0, Math.min(options.releaseLinesPerFile(), candidates.size())));
      releaseLines += sample.size();
      release.addAll(read(finder, fix.before(), sample, program));
    }
    return new Scored(split, bugs, fixings, release, releaseLines, files.size());
  }

  private static Set<Integer> range(int from, int count) {
    Set<Integer> lines = new TreeSet<>();
    for (int l = from; l < from + count; l++) {
      lines.add(l);
    }
    return lines;
  }

  private static List<Read> read(
      BugFinder finder, String source, Set<Integer> lines, AttentionProgram program) {
    if (lines.isEmpty()) {
      return List.of();
    }
    List<Finding> findings = finder.scan(source, lines, program, LOWEST_THRESHOLD);
    double[] back = finder.reread(source, findings, program);
    List<Read> reads = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      reads.add(new Read(findings.get(i), back[i]));
    }
    return reads;
  }

  /** One kind's numbers at a posting rule. */
  public record KindNumbers(
      int bugs, int expressible, int exact, int falseAfter, int falseRelease) {}

  /** The numbers at a posting rule. */
  public record Report(
      String split,
      int bugs,
      int oneLine,
      int expressible,
      int exact,
      int flagged,
      int afterLines,
      int falseAfter,
      int releaseLines,
      int falseRelease,
      int diffs,
      int diffsWithRepair,
      Map<String, KindNumbers> byKind) {

    public Map<String, String> asMap() {
      Map<String, String> m = new LinkedHashMap<>();
      m.put("realBugs", Integer.toString(bugs));
      m.put("oneLineBugs", Integer.toString(oneLine));
      m.put("expressibleBugs", Integer.toString(expressible));
      m.put("exactFixRecall", String.format("%s (%d of %d)", pct(exact, bugs), exact, bugs));
      m.put(
          "exactFixRecallExpressible",
          String.format("%s (%d of %d)", pct(exact, expressible), exact, expressible));
      m.put("buggyLinesFlagged", String.format("%s (%d)", pct(flagged, bugs), flagged));
      m.put(
          "falseAlarmsPer1000AfterFixLines",
          String.format(
              "%.2f (%d in %d lines)", per1000(falseAfter, afterLines), falseAfter, afterLines));
      m.put(
          "falseAlarmsPer1000ReleaseLines",
          String.format(
              "%.2f (%d in %d lines)",
              per1000(falseRelease, releaseLines), falseRelease, releaseLines));
      m.put(
          "fixingDiffsWithRepair",
          String.format("%s (%d of %d)", pct(diffsWithRepair, diffs), diffsWithRepair, diffs));
      return m;
    }

    public String describe() {
      StringBuilder out = new StringBuilder();
      asMap().forEach((k, v) -> out.append(String.format("  %-36s %s%n", k, v)));
      out.append(
          "  by kind (real bugs expressible as it, exact fixes, false alarms after-fix / release):\n");
      byKind.forEach(
          (kind, n) ->
              out.append(
                  String.format(
                      "    %-16s %4d  %3d  %3d / %3d%n",
                      kind, n.expressible(), n.exact(), n.falseAfter(), n.falseRelease())));
      return out.toString();
    }
  }

  static String pct(int a, int b) {
    return String.format("%.1f %%", b == 0 ? 0 : 100.0 * a / b);
  }

  static double per1000(int a, int lines) {
    return lines == 0 ? 0 : 1000.0 * a / lines;
  }

  public static Report report(Scored s, Posting posting) {
    Map<String, int[]> kinds = new TreeMap<>();
    BugKinds.ALL.forEach(k -> kinds.put(k.id(), new int[5]));
    int oneLine = 0;
    int expressible = 0;
    int exact = 0;
    int flagged = 0;
    for (Bug b : s.bugs()) {
      oneLine += b.fixedLine() != null ? 1 : 0;
      boolean right = b.exactAt(posting);
      exact += right ? 1 : 0;
      flagged += b.flaggedAt(posting) ? 1 : 0;
      if (b.expressibleAs() != null) {
        expressible++;
        kinds.get(b.expressibleAs())[1]++;
        kinds.get(b.expressibleAs())[2] += right ? 1 : 0;
      }
    }
    int falseAfter = 0;
    int diffsWithRepair = 0;
    for (Fixing f : s.fixings()) {
      int here = 0;
      for (Read r : f.reads()) {
        if (r.postedAt(posting)) {
          here++;
          kinds.get(r.kind())[3]++;
        }
      }
      falseAfter += here;
      diffsWithRepair += here > 0 ? 1 : 0;
    }
    int falseRelease = 0;
    for (Read r : s.release()) {
      if (r.postedAt(posting)) {
        falseRelease++;
        kinds.get(r.kind())[4]++;
      }
    }
    Map<String, KindNumbers> byKind = new TreeMap<>();
    kinds.forEach((k, v) -> byKind.put(k, new KindNumbers(v[1], v[1], v[2], v[3], v[4])));
    return new Report(
        s.split(),
        s.bugs().size(),
        oneLine,
        expressible,
        exact,
        flagged,
        s.afterLines(),
        falseAfter,
        s.releaseLines(),
        falseRelease,
        s.fixings().size(),
        diffsWithRepair,
        byKind);
  }

  /**
   * Per-kind thresholds on real correct code: each kind's is the lowest that keeps its own false
   * alarms on the after-fix and release lines at most {@code maxPer1000} per 1,000 of those lines
   * (lowering it further from there would break the budget; thresholds are tried from the top down
   * so a non-monotone count cannot slip through). A kind is posted only if {@code useful} says its
   * threshold leaves it useful recall.
   */
  public static Map<String, KindThreshold> calibrate(
      Scored validation, double maxPer1000, boolean roundTrip, BiPredicate<String, Double> useful) {
    int allowed = (int) Math.floor(validation.correctLines() * maxPer1000 / 1000);
    Map<String, KindThreshold> thresholds = new TreeMap<>();
    for (BugKind kind : BugKinds.ALL) {
      List<Read> alarms =
          validation.correct().stream().filter(r -> r.kind().equals(kind.id())).toList();
      TreeSet<Double> candidates = new TreeSet<>();
      candidates.add(1.0);
      candidates.add(LOWEST_THRESHOLD);
      alarms.forEach(r -> candidates.add(Math.max(LOWEST_THRESHOLD, r.finding().confidence())));
      double chosen = 1.0;
      for (double t : candidates.descendingSet()) {
        Posting posting = new Posting(t, Map.of(kind.id(), new KindThreshold(t, true)), roundTrip);
        long count = alarms.stream().filter(r -> r.postedAt(posting)).count();
        if (count > allowed) {
          break;
        }
        chosen = t;
      }
      thresholds.put(
          kind.id(), new KindThreshold(chosen, chosen < 1.0 && useful.test(kind.id(), chosen)));
    }
    return thresholds;
  }
}
