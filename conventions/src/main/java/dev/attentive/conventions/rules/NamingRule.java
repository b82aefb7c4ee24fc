package dev.attentive.conventions.rules;

import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.stream.Collectors;

/**
 * The naming pattern of one kind of declaration (constants, fields, methods ...): the value is a
 * {@link NamePattern} label such as {@code UPPER_SNAKE}, {@code lowerCamel}, {@code UpperCamel},
 * {@code lower_snake}, {@code mPrefixed}, {@code sPrefixed}, {@code _lowerCamel}, {@code
 * testPrefixed} or {@code camel_Underscored}.
 *
 * <p>Ambiguous names: each declared name is tallied as the set of patterns it fits, so a one-word
 * {@code count} follows lowerCamel and lower_snake alike and never counts against either. That
 * alone would let one-word names hide a mix (96 % one-word names, 2 % maxSize, 2 % max_size would
 * clear the bar for both), so a pattern is enforced only when, besides clearing {@link
 * Dominance#DECLARATIONS} with ambiguous names counted as following it, it also wins clearly among
 * the names that tell it apart from each rival: against every other pattern, at least 95 % of the
 * names that fit exactly one of the two fit it, and against a rival that itself clears the bar at
 * least {@value #MIN_TELLING} names must tell them apart. A refinement (mPrefixed of lowerCamel)
 * wins over the pattern it refines when it clears the bar itself.
 *
 * <p>Check: a declaration on a new line whose name breaks the pattern, with the line rewritten with
 * the conforming name at the declaration only (the message says the uses must follow). Quiet where
 * the name is not new (a removed line or a kept line mentions it), where the file already declares
 * another name of the kind against the pattern (it has its own local reason, e.g. a wire format),
 * where a file adds more than {@value #MAX_NEW_BREAKS} such names (a deliberate choice, e.g. names
 * that mirror a wire format or a specification), and where the rewrite is unsure (no conversion, or
 * another field, constant or type of the file already has the new name).
 */
abstract class NamingRule implements ConventionRule {

  /** Fewest names that must tell the enforced pattern apart from a rival that clears the bar. */
  static final int MIN_TELLING = 10;

  /** More new declarations against the pattern than this in one file are taken as deliberate. */
  static final int MAX_NEW_BREAKS = 2;

  private static final String NONE = "none";

  private final String id;
  private final DeclarationKind kind;
  private final Set<NamePattern> patterns;

  NamingRule(String id, DeclarationKind kind, Set<NamePattern> patterns) {
    this.id = id;
    this.kind = kind;
    this.patterns = EnumSet.copyOf(patterns);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    file.syntax()
        .ifPresent(unit -> kind.find(unit).forEach(d -> tally.add(key(fitting(d.name())))));
  }

  private Set<NamePattern> fitting(String name) {
    Set<NamePattern> out = EnumSet.noneOf(NamePattern.class);
    for (NamePattern p : patterns) {
      if (p.fits(name)) {
        out.add(p);
      }
    }
    return out;
  }

  private static String key(Set<NamePattern> fits) {
    if (fits.isEmpty()) {
      return NONE;
    }
    StringJoiner j = new StringJoiner("|");
    fits.forEach(p -> j.add(p.label()));
    return j.toString();
  }

  @Override
  public Convention conclude(Tally tally) {
    long total = tally.total();
    if (total == 0) {
      return new Convention(id, null, 0, 0, 0, false, "not observed in the sample");
    }
    Map<Set<NamePattern>, Long> byFits = new LinkedHashMap<>();
    tally
        .counts()
        .forEach(
            (k, n) -> {
              Set<NamePattern> fits = EnumSet.noneOf(NamePattern.class);
              if (!NONE.equals(k)) {
                for (String label : k.split("\\|")) {
                  fits.add(NamePattern.ofLabel(label));
                }
              }
              byFits.merge(fits, n, Long::sum);
            });
    Dominance bar = Dominance.DECLARATIONS;
    List<NamePattern> clearing = new ArrayList<>();
    NamePattern top = null;
    long topCount = -1;
    for (NamePattern p : patterns) {
      long n = follows(byFits, p);
      if (n > topCount) {
        top = p;
        topCount = n;
      }
      if (bar.clears(n, total, tally.files())) {
        clearing.add(p);
      }
    }
    NamePattern chosen = top;
    for (NamePattern p : clearing) {
      if (p.refines() != null && clearing.contains(p.refines())) {
        chosen = p; // mCount fits lowerCamel too: the narrower habit is the team's
        break;
      }
    }
    if (clearing.size() > 1 && chosen.refines() == null) {
      // several clear the bar on ambiguous names: the one with the most names of its own
      long best = -1;
      for (NamePattern p : clearing) {
        long own = telling(byFits, p, clearing);
        if (own > best) {
          best = own;
          chosen = p;
        }
      }
    }
    long follows = follows(byFits, chosen);
    boolean enforced =
        clearing.contains(chosen) && clearlyApart(byFits, chosen, clearing, bar.minShare());
    return new Convention(
        id,
        chosen.label(),
        follows,
        total - follows,
        tally.files(),
        enforced,
        Dominance.evidence(
            "names " + kind.plural() + " in " + chosen.label(),
            follows,
            total,
            kind.plural(),
            tally.files()));
  }

  private static long follows(Map<Set<NamePattern>, Long> byFits, NamePattern p) {
    return byFits.entrySet().stream()
        .filter(e -> e.getKey().contains(p))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  /** Names that fit {@code p} and none of {@code others}. */
  private static long telling(
      Map<Set<NamePattern>, Long> byFits, NamePattern p, List<NamePattern> others) {
    return byFits.entrySet().stream()
        .filter(
            e ->
                e.getKey().contains(p)
                    && others.stream().noneMatch(o -> o != p && e.getKey().contains(o)))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  private boolean clearlyApart(
      Map<Set<NamePattern>, Long> byFits,
      NamePattern chosen,
      List<NamePattern> clearing,
      double share) {
    for (NamePattern rival : patterns) {
      if (rival == chosen || rival == chosen.refines()) {
        continue;
      }
      long mine = only(byFits, chosen, rival);
      long theirs = only(byFits, rival, chosen);
      if (mine + theirs > 0 && mine < share * (mine + theirs)) {
        return false;
      }
      if (clearing.contains(rival) && mine < MIN_TELLING) {
        return false;
      }
    }
    return true;
  }

  private static long only(Map<Set<NamePattern>, Long> byFits, NamePattern in, NamePattern out) {
    return byFits.entrySet().stream()
        .filter(e -> e.getKey().contains(in) && !e.getKey().contains(out))
        .mapToLong(Map.Entry::getValue)
        .sum();
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    NamePattern pattern = NamePattern.ofLabel(convention.value());
    if (pattern == null || file.syntax().isEmpty()) {
      return List.of();
    }
    List<DeclarationKind.Declared> declared = new ArrayList<>(kind.find(file.syntax().get()));
    // right to left, so a rename does not shift the columns of the names still to come on a line
    declared.sort(
        java.util.Comparator.comparingInt(DeclarationKind.Declared::line)
            .thenComparing(DeclarationKind.Declared::column, java.util.Comparator.reverseOrder()));
    for (DeclarationKind.Declared d : declared) {
      if (!changes.contains(d.line()) && !pattern.fits(d.name())) {
        return List.of(); // this file already names such things its own way
      }
    }
    // a field, constant or type must not take a name its kind already has in the file; locals,
    // parameters and (overloaded) methods may share names across scopes
    Set<String> taken =
        kind.scoped()
            ? Set.of()
            : declared.stream().map(d -> d.scope() + ":" + d.name()).collect(Collectors.toSet());
    Map<Integer, String> rewritten = new LinkedHashMap<>();
    Map<Integer, List<String>> renames = new LinkedHashMap<>();
    for (DeclarationKind.Declared d : declared) {
      String name = d.name();
      if (pattern.fits(name)
          || !Touched.isNew(file, changes, d.line())
          || Touched.removedMentions(changes, name)
          || Touched.keptMentions(file, changes, name)) {
        continue;
      }
      String better = pattern.convert(name);
      if (better == null || taken.contains(d.scope() + ":" + better)) {
        continue;
      }
      String line = rewritten.getOrDefault(d.line(), file.line(d.line()));
      int at = d.column() - 1;
      if (at < 0 || !line.startsWith(name, at)) {
        continue; // a unicode escape, or a tab counted differently: no safe rewrite
      }
      rewritten.put(d.line(), line.substring(0, at) + better + line.substring(at + name.length()));
      renames.computeIfAbsent(d.line(), n -> new ArrayList<>()).add(name + "` → `" + better);
    }
    if (renames.size() > MAX_NEW_BREAKS) {
      return List.of(); // many new names the same other way: a deliberate choice (a wire format)
    }
    List<Deviation> out = new ArrayList<>();
    renames.forEach(
        (n, names) ->
            out.add(
                new Deviation(
                    id,
                    n,
                    n,
                    "Naming: `"
                        + String.join("`, `", names)
                        + "`; "
                        + convention.evidence()
                        + ". Rename its uses too.",
                    rewritten.get(n))));
    return out;
  }
}
