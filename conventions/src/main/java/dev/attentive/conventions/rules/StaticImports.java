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
import java.util.List;

/**
 * {@code style/import/static}: whether static imports come {@code before} or {@code after} the
 * other imports ({@code mixed} when a file interleaves them). Counted per file that has both kinds,
 * like {@link WildcardImports}, with the {@link Dominance#DECLARATIONS} bar.
 *
 * <p>Check: a new static import on the wrong side of the file's other imports, in a file whose kept
 * imports follow the convention, once per file. No replacement: moving a line is an edit of lines
 * the change did not touch (and of the blank line between the groups), so the comment says where it
 * goes.
 */
public final class StaticImports implements ConventionRule {

  public static final String ID = "style/import/static";
  static final String BEFORE = "before";
  static final String AFTER = "after";
  static final String MIXED = "mixed";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    file.syntax()
        .ifPresent(
            unit -> {
              String placement = placement(unit.getImports(), null);
              if (placement != null) {
                tally.add(placement);
              }
            });
  }

  /** Where the static imports are, leaving out those on {@code ignored} lines; null if no mix. */
  private static String placement(List<ImportDeclaration> imports, Changes ignored) {
    int firstOther = Integer.MAX_VALUE;
    int lastOther = Integer.MIN_VALUE;
    int firstStatic = Integer.MAX_VALUE;
    int lastStatic = Integer.MIN_VALUE;
    for (ImportDeclaration i : imports) {
      if (i.getBegin().isEmpty()) {
        return null;
      }
      int n = i.getBegin().get().line;
      if (ignored != null && ignored.contains(n)) {
        continue;
      }
      if (i.isStatic()) {
        firstStatic = Math.min(firstStatic, n);
        lastStatic = Math.max(lastStatic, n);
      } else {
        firstOther = Math.min(firstOther, n);
        lastOther = Math.max(lastOther, n);
      }
    }
    if (firstStatic == Integer.MAX_VALUE || firstOther == Integer.MAX_VALUE) {
      return null;
    }
    return lastStatic < firstOther ? BEFORE : firstStatic > lastOther ? AFTER : MIXED;
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        ID,
        tally,
        v ->
            MIXED.equals(v)
                ? "interleaves static and other imports"
                : "puts static imports " + v + " the other imports",
        "files with both kinds of import");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    String want = convention.value();
    if (!(BEFORE.equals(want) || AFTER.equals(want)) || file.syntax().isEmpty()) {
      return List.of();
    }
    List<ImportDeclaration> imports = file.syntax().get().getImports();
    String kept = placement(imports, changes);
    if (kept != null && !kept.equals(want)) {
      return List.of(); // the file has its own order
    }
    int firstOther = Integer.MAX_VALUE;
    int lastOther = Integer.MIN_VALUE;
    for (ImportDeclaration i : imports) {
      if (!i.isStatic()) {
        firstOther = Math.min(firstOther, i.getBegin().get().line);
        lastOther = Math.max(lastOther, i.getBegin().get().line);
      }
    }
    List<Deviation> out = new ArrayList<>();
    for (ImportDeclaration i : imports) {
      int n = i.getBegin().get().line;
      boolean wrong = BEFORE.equals(want) ? n > firstOther : n < lastOther;
      if (i.isStatic() && wrong && Touched.isNew(file, changes, n)) {
        out.add(
            new Deviation(
                ID,
                n,
                n,
                "Static import `"
                    + i.getNameAsString()
                    + "` belongs "
                    + want
                    + " the other imports; "
                    + convention.evidence()
                    + ".",
                null));
        break; // one comment per file: the others move with it
      }
    }
    return out;
  }
}
