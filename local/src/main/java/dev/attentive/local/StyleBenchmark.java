package dev.attentive.local;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionChecker;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.ProfileBuilder;
import dev.attentive.conventions.Rules;
import dev.attentive.events.Convention;
import dev.attentive.events.EventJson;
import dev.attentive.events.RepositoryProfile;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code attentive bench style}: the learned conventions on real code (issue 12). For each pair of
 * consecutive releases of a library (their {@code -sources.jar} from a Maven repository) it learns
 * the profile from the older release as the service learns it, reviews the newer release as a pull
 * request and counts the comments per 100 changed lines (noise); then it plants one deviation at a
 * time into the newer release's files and counts how many the checker flags with the original line
 * as its suggestion (recall). See docs/benchmarks.md.
 */
final class StyleBenchmark {

  static final String CENTRAL = "https://repo.maven.apache.org/maven2";

  /** A fixed learning time, so that two runs give the same profiles. */
  private static final Instant LEARNED_AT = Instant.parse("2026-01-01T00:00:00Z");

  /** Where the new side's files of one library go. */
  static final String CHANGED = "changed";

  static final String NEW = "new";
  static final String MOVED = "moved";
  static final String GENERATED = "generated";

  private StyleBenchmark() {}

  /** Comments and changed lines of one kind of file. */
  static final class Bucket {
    long files;
    long lines;
    long comments;
    final Map<String, Long> perRule = new TreeMap<>();

    void add(Changes changes, List<Deviation> found) {
      files++;
      lines += changes.added().size();
      comments += found.size();
      found.forEach(d -> perRule.merge(d.ruleId(), 1L, Long::sum));
    }

    void add(Bucket other) {
      files += other.files;
      lines += other.lines;
      comments += other.comments;
      other.perRule.forEach((k, v) -> perRule.merge(k, v, Long::sum));
    }

    double per100() {
      return lines == 0 ? 0 : 100.0 * comments / lines;
    }

    Map<String, Object> json() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("files", files);
      out.put("changedLines", lines);
      out.put("comments", comments);
      out.put("commentsPer100", round(per100()));
      out.put("perRule", perRule);
      return out;
    }
  }

  /** What the benchmark keeps of one library. */
  record Library(
      ReleasePair pair,
      RepositoryProfile profile,
      Map<String, Bucket> buckets,
      List<PlantSource> newer,
      Duration took) {}

  static int run(Options options) throws Exception {
    String set = options.get("set", ReleasePair.REPORT);
    if (!List.of(ReleasePair.TUNE, ReleasePair.REPORT, "all").contains(set)) {
      System.err.println("--set wants tune, report or all, got '" + set + "'");
      return 2;
    }
    int plantsPerKind = options.getInt("plants", 60);
    long seed;
    try {
      seed = Long.parseLong(options.get("seed", "12"));
    } catch (NumberFormatException e) {
      System.err.println("--seed wants a number, got '" + options.get("seed", "") + "'");
      return 2;
    }
    String mavenRepo = options.get("maven-repo", CENTRAL);
    Path cache =
        Path.of(
            options.get(
                "cache",
                Path.of(System.getProperty("user.home"), ".cache/attentive/sources") + ""));
    List<ReleasePair> pairs =
        ReleasePair.standard().stream()
            .filter(p -> set.equals("all") || p.set().equals(set))
            .toList();
    Set<String> ruleIds =
        Rules.all().stream().map(ConventionRule::id).collect(Collectors.toCollection(HashSet::new));

    long started = System.nanoTime();
    System.out.printf(
        "== style benchmark: %s set, %d libraries, %d plants per kind, seed %d, %d cores, Java %s%n",
        set,
        pairs.size(),
        plantsPerKind,
        seed,
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    System.out.println(
        "rules in this build (Rules.all()): "
            + String.join(", ", new java.util.TreeSet<>(ruleIds)));
    System.out.println(
        "Sources jars declare no style tools (no Checkstyle file, no formatter plugin), so what is"
            + " counted below is exactly what the reviewer's style analyzer posts by default: the"
            + " learned conventions' deviations on changed lines.");

    List<Library> libraries = new ArrayList<>();
    List<String> skipped = new ArrayList<>();
    for (ReleasePair pair : pairs) {
      Library library;
      try {
        library = analyse(pair, mavenRepo, cache);
      } catch (java.io.IOException e) {
        // Offline without a cached jar, or a release the repository does not serve: said, not
        // fatal.
        System.out.printf("%n-- %s (%s): SKIPPED, %s%n", pair, pair.set(), e);
        skipped.add(pair + ": " + e);
        continue;
      }
      libraries.add(library);
      print(library);
    }

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("set", set);
    json.put("plantsPerKind", plantsPerKind);
    json.put("seed", seed);
    json.put("rules", new java.util.TreeSet<>(ruleIds));
    json.put("libraries", libraries.stream().map(StyleBenchmark::json).toList());
    json.put("skipped", skipped);
    json.put("noise", totals(libraries));

    List<Map<String, Object>> recall = new ArrayList<>();
    System.out.println();
    System.out.println(
        "== recall on planted deviations (one per file, Changes = the planted lines)");
    System.out.printf(
        "%-16s %-26s %6s %6s %9s %9s %9s  %s%n",
        "kind",
        "rule",
        "plants",
        "libs",
        "flagged",
        "suggest=",
        "other",
        "dominant by the simple count (enforced by the profile)");
    int examples = options.getInt("examples", 0);
    List<String> shown = new ArrayList<>();
    for (PlantKind kind : PlantKind.values()) {
      recall.add(
          plant(
              kind,
              libraries,
              plantsPerKind,
              seed,
              ruleIds.contains(kind.ruleId),
              examples,
              shown));
    }
    if (!shown.isEmpty()) {
      System.out.println();
      System.out.println("== example plants (--examples " + examples + ")");
      shown.forEach(System.out::println);
    }
    json.put("recall", recall);

    Duration took = Duration.ofNanos(System.nanoTime() - started);
    if (!skipped.isEmpty()) {
      System.out.println();
      System.out.println("SKIPPED (not in the numbers above): " + String.join("; ", skipped));
    }
    System.out.printf("%ntook %d s%n", took.toSeconds());
    json.put("seconds", took.toSeconds());
    String jsonFile = options.get("json", null);
    if (jsonFile != null) {
      EventJson.mapper()
          .writerWithDefaultPrettyPrinter()
          .writeValue(Path.of(jsonFile).toFile(), json);
      System.out.println("wrote " + jsonFile);
    }
    return skipped.isEmpty() ? 0 : 1;
  }

  /** Learns from the older release and reviews the newer one as a pull request. */
  static Library analyse(ReleasePair pair, String mavenRepo, Path cache) throws Exception {
    long started = System.nanoTime();
    Path olderJar = SourcesJar.fetch(mavenRepo, cache, pair.group(), pair.artifact(), pair.older());
    Path newerJar = SourcesJar.fetch(mavenRepo, cache, pair.group(), pair.artifact(), pair.newer());
    RepositoryProfile profile;
    Map<String, String> before;
    try (SourcesJar older = new SourcesJar(olderJar)) {
      profile =
          ProfileBuilder.standard()
              .build(
                  pair.name(),
                  pair.older(),
                  pair.older(),
                  older.tree(),
                  older::read,
                  LEARNED_AT,
                  () -> 0);
      before = older.javaFiles();
    }
    Map<String, String> after;
    try (SourcesJar newer = new SourcesJar(newerJar)) {
      after = newer.javaFiles();
    }
    Map<String, Bucket> buckets = review(profile, before, after);
    List<PlantSource> sources = new ArrayList<>();
    after.forEach(
        (path, text) -> {
          if (!JavaSource.of(path, text).generated()) {
            sources.add(PlantSource.of(path, text));
          }
        });
    return new Library(
        pair, profile, buckets, sources, Duration.ofNanos(System.nanoTime() - started));
  }

  /**
   * The newer release reviewed as a pull request against the older: files present in both
   * (changed), new files (every line added), moved files (a file of that name left its old place;
   * diffed against it) and generated files (never commented on), each counted apart.
   */
  static Map<String, Bucket> review(
      RepositoryProfile profile, Map<String, String> before, Map<String, String> after) {
    ConventionChecker checker = ConventionChecker.standard();
    Map<String, List<String>> goneByName = new HashMap<>();
    before.keySet().stream()
        .filter(p -> !after.containsKey(p))
        .forEach(p -> goneByName.computeIfAbsent(fileName(p), n -> new ArrayList<>()).add(p));
    Map<String, Bucket> buckets = new LinkedHashMap<>();
    for (String b : List.of(CHANGED, NEW, MOVED, GENERATED)) {
      buckets.put(b, new Bucket());
    }
    after.forEach(
        (path, text) -> {
          String bucket;
          Changes changes;
          if (before.containsKey(path)) {
            bucket = CHANGED;
            changes = LineDiff.changes(before.get(path), text);
          } else if (goneByName.getOrDefault(fileName(path), List.of()).size() == 1) {
            bucket = MOVED;
            changes = LineDiff.changes(before.get(goneByName.get(fileName(path)).get(0)), text);
          } else {
            bucket = NEW;
            changes = LineDiff.allAdded(text);
          }
          if (changes.isEmpty()) {
            return;
          }
          if (JavaSource.of(path, text).generated()) {
            buckets.get(GENERATED).add(changes, List.of());
            return;
          }
          buckets.get(bucket).add(changes, checker.check(profile, path, text, changes));
        });
    return buckets;
  }

  private static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static void print(Library l) {
    RepositoryProfile p = l.profile();
    Bucket changed = l.buckets().get(CHANGED);
    System.out.printf(
        "%n-- %s (%s), %d s: profile from %s: %d of %d Java files sampled%n",
        l.pair(),
        l.pair().set(),
        l.took().toSeconds(),
        l.pair().older(),
        p.sample().sampledFiles(),
        p.sample().javaFiles());
    System.out.println(
        "   enforced: "
            + (p.enforced().isEmpty()
                ? "nothing"
                : p.enforced().stream()
                    .map(c -> c.ruleId() + "=" + c.value() + " (" + percent(c.share()) + ")")
                    .collect(Collectors.joining(", "))));
    if (p.tools().checkstylePath() != null || p.tools().formatter() != null) {
      System.out.println("   declares style tools: " + p.tools());
    }
    System.out.printf(
        "   changed files %d, changed lines %d, comments %d (%.2f per 100 changed lines)%s%n",
        changed.files,
        changed.lines,
        changed.comments,
        changed.per100(),
        changed.perRule.isEmpty() ? "" : ": " + changed.perRule);
    for (String b : List.of(NEW, MOVED, GENERATED)) {
      Bucket x = l.buckets().get(b);
      System.out.printf(
          "   %s files %d, lines %d, comments %d%s%n",
          b, x.files, x.lines, x.comments, x.perRule.isEmpty() ? "" : ": " + x.perRule);
    }
  }

  /** Totals per set, printed as a table, with the goal line for the report set. */
  private static Map<String, Object> totals(List<Library> libraries) {
    Map<String, Object> out = new LinkedHashMap<>();
    System.out.println();
    System.out.println("== noise: comments on the changed lines of files present in both releases");
    System.out.printf(
        "%-7s %-42s %7s %9s %9s %9s  %s%n",
        "set", "library", "files", "changed", "comments", "per 100", "new/moved/generated lines");
    for (String set : List.of(ReleasePair.TUNE, ReleasePair.REPORT)) {
      List<Library> in = libraries.stream().filter(l -> l.pair().set().equals(set)).toList();
      if (in.isEmpty()) {
        continue;
      }
      Bucket total = new Bucket();
      Map<String, Bucket> others = new LinkedHashMap<>();
      for (Library l : in) {
        Bucket c = l.buckets().get(CHANGED);
        total.add(c);
        for (String b : List.of(NEW, MOVED, GENERATED)) {
          others.computeIfAbsent(b, k -> new Bucket()).add(l.buckets().get(b));
        }
        System.out.printf(
            "%-7s %-42s %7d %9d %9d %9.2f  %d/%d/%d%n",
            set,
            l.pair().artifact() + " " + l.pair().older() + "->" + l.pair().newer(),
            c.files,
            c.lines,
            c.comments,
            c.per100(),
            l.buckets().get(NEW).lines,
            l.buckets().get(MOVED).lines,
            l.buckets().get(GENERATED).lines);
      }
      System.out.printf(
          "%-7s %-42s %7d %9d %9d %9.2f  %d/%d/%d%n",
          set,
          "TOTAL",
          total.files,
          total.lines,
          total.comments,
          total.per100(),
          others.get(NEW).lines,
          others.get(MOVED).lines,
          others.get(GENERATED).lines);
      System.out.println("        by rule: " + (total.perRule.isEmpty() ? "-" : total.perRule));
      Map<String, Object> s = total.json();
      others.forEach((k, v) -> s.put(k, v.json()));
      if (set.equals(ReleasePair.REPORT)) {
        boolean met = total.per100() <= 1.0;
        String goal =
            String.format(
                Locale.ROOT,
                "goal (issue 12): <= 1 style comment per 100 changed lines on the report set: %.2f"
                    + " per 100 over %d changed lines -> %s%s",
                total.per100(),
                total.lines,
                met ? "met" : "NOT met",
                total.lines < 20_000
                    ? " (fewer than 20,000 changed lines: not enough to judge)"
                    : "");
        System.out.println(goal);
        s.put("goalMet", met);
      }
      out.put(set, s);
    }
    return out;
  }

  /** Plants {@code n} deviations of one kind, round robin over the libraries where it dominates. */
  static Map<String, Object> plant(
      PlantKind kind,
      List<Library> libraries,
      int n,
      long seed,
      boolean ruleExists,
      int examples,
      List<String> shown) {
    ConventionChecker checker = ConventionChecker.standard();
    List<String> dominant = new ArrayList<>();
    List<String> enforced = new ArrayList<>();
    List<Site> sites = new ArrayList<>();
    for (Library l : libraries) {
      PlantKind.Measure m = kind.measure(l.newer());
      if (!m.dominates(kind.bar())) {
        continue;
      }
      dominant.add(l.pair().artifact());
      if (l.profile().convention(kind.ruleId).map(Convention::enforced).orElse(false)) {
        enforced.add(l.pair().artifact());
      }
      sites.add(new Site(l, m, positions(l, kind, seed)));
    }
    long planted = 0;
    long flagged = 0;
    long restored = 0;
    long other = 0;
    Map<String, Long> perLibrary = new TreeMap<>();
    Map<String, Long> flaggedPerLibrary = new TreeMap<>();
    Map<String, Long> otherRules = new TreeMap<>();
    boolean progress = true;
    while (planted < n && progress) {
      progress = false;
      for (Site s : sites) {
        if (planted >= n) {
          break;
        }
        Plant p = s.next(kind);
        if (p == null) {
          continue;
        }
        progress = true;
        planted++;
        perLibrary.merge(s.library.pair().artifact(), 1L, Long::sum);
        List<Deviation> found =
            checker.check(s.library.profile(), p.path(), p.planted(), p.changes());
        if (planted <= examples) {
          shown.add(example(p, s.library, found));
        }
        Deviation hit =
            found.stream()
                .filter(d -> d.ruleId().equals(kind.ruleId) && p.covers(d))
                .findFirst()
                .orElse(null);
        if (hit != null) {
          flagged++;
          flaggedPerLibrary.merge(s.library.pair().artifact(), 1L, Long::sum);
          if (p.restoredBy(hit)) {
            restored++;
          }
        }
        List<Deviation> others = found.stream().filter(d -> d != hit).toList();
        if (!others.isEmpty()) {
          other++;
          others.forEach(d -> otherRules.merge(d.ruleId(), 1L, Long::sum));
        }
      }
    }
    System.out.printf(
        "%-16s %-26s %6d %6d %9s %9s %9s  %d of %d (%d)%s%s%n",
        kind.id,
        kind.ruleId,
        planted,
        perLibrary.size(),
        percentOf(flagged, planted),
        percentOf(restored, planted),
        other + "",
        dominant.size(),
        libraries.size(),
        enforced.size(),
        ruleExists ? "" : "  [rule " + kind.ruleId + " is not in this build: 0 % expected]",
        otherRules.isEmpty() ? "" : "  other rules: " + otherRules);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("kind", kind.id);
    out.put("ruleId", kind.ruleId);
    out.put("what", kind.what);
    out.put("ruleInBuild", ruleExists);
    out.put("plants", planted);
    out.put("flagged", flagged);
    out.put("suggestionEqualsOriginal", restored);
    out.put("filesWithOtherComments", other);
    out.put("otherRules", otherRules);
    out.put("plantsPerLibrary", perLibrary);
    out.put("flaggedPerLibrary", flaggedPerLibrary);
    out.put("dominantBySimpleCount", dominant);
    out.put("enforcedByProfile", enforced);
    return out;
  }

  /** A plant as a small diff, with what the checker said. */
  private static String example(Plant p, Library l, List<Deviation> found) {
    StringBuilder out =
        new StringBuilder(
            String.format("%s %s %s:%d%n", p.kind().id, l.pair().artifact(), p.path(), p.first()));
    p.changes().removed().forEach(r -> out.append("  - ").append(visible(r)).append('\n'));
    List<String> lines = p.planted().lines().toList();
    for (int i = p.first(); i <= p.last(); i++) {
      out.append("  + ").append(visible(lines.get(i - 1))).append('\n');
    }
    for (Deviation d : found) {
      out.append(
          String.format(
              "  => %s %d-%d: %s%n",
              d.ruleId(),
              d.startLine(),
              d.endLine(),
              d.replacement() == null ? "(no suggestion)" : visible(d.replacement())));
    }
    return out.toString().stripTrailing();
  }

  /** Tabs and line ends made visible, trailing spaces marked. */
  private static String visible(String s) {
    return s.replace("\t", "\\t").replace("\n", "\\n") + "|";
  }

  /** Every line of a library's files, in a seeded order: where planting is tried. */
  private static long[] positions(Library l, PlantKind kind, long seed) {
    int total = l.newer().stream().mapToInt(PlantSource::size).sum();
    long[] out = new long[total];
    int k = 0;
    for (int f = 0; f < l.newer().size(); f++) {
      for (int i = 0; i < l.newer().get(f).size(); i++) {
        out[k++] = ((long) f << 32) | i;
      }
    }
    Random random = new Random(seed * 31 + kind.id.hashCode() * 17L + l.pair().name().hashCode());
    for (int i = out.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      long t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  /** A library's candidate positions for one kind, taken in order, one plant per file. */
  private static final class Site {
    final Library library;
    final PlantKind.Measure measure;
    final long[] positions;
    final Set<Integer> used = new HashSet<>();
    int next;

    Site(Library library, PlantKind.Measure measure, long[] positions) {
      this.library = library;
      this.measure = measure;
      this.positions = positions;
    }

    Plant next(PlantKind kind) {
      while (next < positions.length) {
        long pos = positions[next++];
        int file = (int) (pos >>> 32);
        int line = (int) pos;
        if (used.contains(file)) {
          continue;
        }
        Plant p = kind.plantAt(library.newer().get(file), line, measure);
        if (p != null) {
          used.add(file);
          return p;
        }
      }
      return null;
    }
  }

  private static Map<String, Object> json(Library l) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("set", l.pair().set());
    out.put("library", l.pair().name());
    out.put("older", l.pair().older());
    out.put("newer", l.pair().newer());
    out.put("seconds", l.took().toSeconds());
    out.put("sampledFiles", l.profile().sample().sampledFiles());
    out.put("javaFiles", l.profile().sample().javaFiles());
    out.put(
        "enforced",
        l.profile().enforced().stream()
            .map(
                c -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("ruleId", c.ruleId());
                  m.put("value", c.value());
                  m.put("evidence", c.evidence());
                  return m;
                })
            .toList());
    Map<String, Object> buckets = new LinkedHashMap<>();
    l.buckets().forEach((k, v) -> buckets.put(k, v.json()));
    out.put("review", buckets);
    return out;
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  private static String percentOf(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  private static double round(double v) {
    return Math.round(v * 100) / 100.0;
  }
}
