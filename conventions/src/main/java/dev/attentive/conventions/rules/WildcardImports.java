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
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code style/import/wildcard}: whether files import with wildcards ({@code import java.util.*;}).
 * Value {@code none} (enforced: no file uses a non-static wildcard import) or {@code used}. Static
 * wildcard imports ({@code import static org.junit.Assert.*}) are left out: teams that never write
 * a type wildcard still write those in tests.
 *
 * <p>Counted per file that has non-static imports, not per import: the choice is a per-file editor
 * setting (collapse at N imports), and counting imports would let a few long files outvote the
 * rest. That makes occurrences rarer, so the bar is {@link Dominance#DECLARATIONS}.
 *
 * <p>Check: a new non-static wildcard import; the replacement is the explicit imports of that
 * package that the change removed and the file still mentions (none known: no replacement).
 */
public final class WildcardImports implements ConventionRule {

  public static final String ID = "style/import/wildcard";
  static final String NONE = "none";
  static final String USED = "used";

  private static final Pattern EXPLICIT =
      Pattern.compile("\\s*import\\s+([\\w.]+)\\.([A-Z][\\w$]*)\\s*;\\s*");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    file.syntax()
        .ifPresent(
            unit -> {
              List<ImportDeclaration> imports =
                  unit.getImports().stream().filter(i -> !i.isStatic()).toList();
              if (!imports.isEmpty()) {
                tally.add(imports.stream().anyMatch(ImportDeclaration::isAsterisk) ? USED : NONE);
              }
            });
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        ID,
        tally,
        v -> NONE.equals(v) ? "imports without wildcards" : "uses wildcard imports",
        "files with imports");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    if (!NONE.equals(convention.value()) || file.syntax().isEmpty()) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (ImportDeclaration i : file.syntax().get().getImports()) {
      if (i.isStatic() || !i.isAsterisk() || i.getBegin().isEmpty()) {
        continue;
      }
      int n = i.getBegin().get().line;
      if (!Touched.isNew(file, changes, n) || i.getEnd().get().line != n) {
        continue;
      }
      out.add(
          new Deviation(
              ID,
              n,
              n,
              "Wildcard import `"
                  + i.getNameAsString()
                  + ".*`; "
                  + convention.evidence()
                  + ". Import the types one by one.",
              explicit(file, changes, i.getNameAsString())));
    }
    return out;
  }

  /** The removed explicit imports of {@code pkg} whose types the file still mentions, sorted. */
  private static String explicit(JavaSource file, Changes changes, String pkg) {
    StringBuilder body = new StringBuilder();
    for (String line : file.lines()) {
      if (!line.stripLeading().startsWith("import ")
          && !line.stripLeading().startsWith("package ")) {
        body.append(line).append('\n');
      }
    }
    TreeSet<String> kept = new TreeSet<>();
    for (String removed : changes.removed()) {
      Matcher m = EXPLICIT.matcher(removed);
      if (m.matches() && m.group(1).equals(pkg) && Touched.mentions(body.toString(), m.group(2))) {
        kept.add("import " + m.group(1) + "." + m.group(2) + ";");
      }
    }
    return kept.isEmpty() ? null : String.join("\n", kept);
  }
}
