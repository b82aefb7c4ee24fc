package dev.attentive.conventions.rules;

import com.github.javaparser.ast.ImportDeclaration;
import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code style/import/order}: whether imports are {@code sorted} within each group or {@code
 * unsorted}. A group is a run of import lines on consecutive lines of the same kind: a blank line,
 * a comment or a switch between static and non-static imports ends it (where static and other
 * imports interleave, that is {@link StaticImports}' concern, not this rule's). Sorted means
 * non-decreasing by the imported name in plain character order ({@code String.compareTo}, so {@code
 * java.util.Map} before {@code java.util.concurrent.Future} and {@code java.util.*} before {@code
 * java.util.List}), what google-java-format, Eclipse and IntelliJ produce on the libraries
 * measured; case-insensitive orders were rare there.
 *
 * <p>Counted per file with a group of at least two imports ({@code sorted} when every such group
 * reads in order), like {@link WildcardImports}, with the {@link Dominance#DECLARATIONS} bar.
 *
 * <p>Check: an added import line out of order within its group, once per file, and only where the
 * group's unchanged imports (and those of every other group of the file) are in order. The
 * suggestion never edits a line the change did not add: a group whose lines were all added gets the
 * whole group sorted; otherwise, when sorting the one run of added lines that holds the misplaced
 * import puts the group in order, that run sorted; else no replacement, only where it belongs.
 */
public final class ImportOrder implements ConventionRule {

  public static final String ID = "style/import/order";
  static final String SORTED = "sorted";
  static final String UNSORTED = "unsorted";

  /**
   * One import line: its 1-based line number, the name it imports ({@code a.b.*} for all) and its
   * text as written.
   */
  private record Line(int number, String name, String text) {}

  private static final Comparator<Line> BY_NAME = Comparator.comparing(Line::name);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    groups(file)
        .ifPresent(
            groups -> {
              List<List<Line>> counted = groups.stream().filter(g -> g.size() >= 2).toList();
              if (!counted.isEmpty()) {
                tally.add(counted.stream().allMatch(ImportOrder::sorted) ? SORTED : UNSORTED);
              }
            });
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        ID,
        tally,
        v ->
            SORTED.equals(v)
                ? "sorts imports by name within each group"
                : "does not sort its imports",
        "files with imports");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    Optional<List<List<Line>>> parsed = groups(file);
    if (!SORTED.equals(convention.value()) || parsed.isEmpty()) {
      return List.of();
    }
    List<List<Line>> groups = parsed.get();
    for (List<Line> group : groups) {
      List<Line> kept = group.stream().filter(l -> !changes.contains(l.number())).toList();
      if (!sorted(kept)) {
        return List.of(); // the file has its own order: moving our line would not make it sorted
      }
    }
    for (List<Line> group : groups) {
      if (sorted(group)) {
        continue;
      }
      Line misplaced = misplaced(group, changes);
      if (misplaced == null) {
        continue;
      }
      return List.of(deviation(group, misplaced, convention, changes));
    }
    return List.of();
  }

  /** The first added line that is out of order with a neighbour; null if none is added. */
  private static Line misplaced(List<Line> group, Changes changes) {
    for (int i = 0; i + 1 < group.size(); i++) {
      Line a = group.get(i);
      Line b = group.get(i + 1);
      if (a.name().compareTo(b.name()) > 0) {
        if (changes.contains(a.number())) {
          return a;
        }
        if (changes.contains(b.number())) {
          return b;
        }
      }
    }
    return null;
  }

  private static Deviation deviation(
      List<Line> group, Line misplaced, Convention convention, Changes changes) {
    List<Line> order = new ArrayList<>(group);
    order.sort(BY_NAME);
    int at = order.indexOf(misplaced);
    String where = at == 0 ? "first in its group" : "after `" + order.get(at - 1).name() + "`";
    String message =
        "Import `"
            + misplaced.name()
            + "` is out of order: it belongs "
            + where
            + "; "
            + convention.evidence()
            + ".";
    if (group.stream().allMatch(l -> changes.contains(l.number()))) {
      return new Deviation(
          ID, group.get(0).number(), group.get(group.size() - 1).number(), message, text(order));
    }
    // The runs of consecutive added lines; sorting only the misplaced line's run must be enough.
    List<Line> fixed = new ArrayList<>(group);
    int start = group.indexOf(misplaced);
    while (start > 0 && changes.contains(group.get(start - 1).number())) {
      start--;
    }
    int end = group.indexOf(misplaced);
    while (end + 1 < group.size() && changes.contains(group.get(end + 1).number())) {
      end++;
    }
    List<Line> run = new ArrayList<>(group.subList(start, end + 1));
    run.sort(BY_NAME);
    for (int i = start; i <= end; i++) {
      fixed.set(i, run.get(i - start));
    }
    String replacement = sorted(fixed) ? text(run) : null;
    return new Deviation(
        ID,
        replacement == null ? misplaced.number() : group.get(start).number(),
        replacement == null ? misplaced.number() : group.get(end).number(),
        message,
        replacement);
  }

  private static String text(List<Line> lines) {
    return String.join("\n", lines.stream().map(Line::text).toList());
  }

  private static boolean sorted(List<Line> lines) {
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).name().compareTo(lines.get(i + 1).name()) > 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The file's import groups in line order; empty when the file does not parse or an import spans
   * lines (then its text cannot be moved as one line).
   */
  private static Optional<List<List<Line>>> groups(JavaSource file) {
    if (file.syntax().isEmpty()) {
      return Optional.empty();
    }
    List<List<Line>> groups = new ArrayList<>();
    List<Line> current = new ArrayList<>();
    int previous = -1;
    boolean previousStatic = false;
    for (ImportDeclaration i : file.syntax().get().getImports()) {
      if (i.getBegin().isEmpty() || i.getEnd().get().line != i.getBegin().get().line) {
        return Optional.empty();
      }
      int n = i.getBegin().get().line;
      if (n == previous) {
        return Optional.empty(); // two imports on one line
      }
      if (!current.isEmpty() && (n != previous + 1 || i.isStatic() != previousStatic)) {
        groups.add(current);
        current = new ArrayList<>();
      }
      String name = i.getNameAsString() + (i.isAsterisk() ? ".*" : "");
      current.add(new Line(n, name, file.line(n)));
      previous = n;
      previousStatic = i.isStatic();
    }
    if (!current.isEmpty()) {
      groups.add(current);
    }
    return Optional.of(groups);
  }
}
