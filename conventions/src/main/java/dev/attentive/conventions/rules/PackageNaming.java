package dev.attentive.conventions.rules;

import com.github.javaparser.ast.PackageDeclaration;
import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code style/naming/package}: how the {@code package} declaration names packages. Value {@code
 * lowercase} (every dot-separated part is a lowercase ASCII letter followed by lowercase letters
 * and digits, e.g. {@code org.apache.commons.io2}) or {@code other} (an uppercase letter, an
 * underscore, a part starting with a digit). Counted once per file with a package declaration, with
 * the {@link Dominance#DECLARATIONS} bar.
 *
 * <p>Check: an added package line that is not {@code lowercase}, once per file (a file has one),
 * unless a removed line declared the same package (the line was only touched). No replacement: a
 * new package name means moving the file and every file of the package.
 */
public final class PackageNaming implements ConventionRule {

  public static final String ID = "style/naming/package";
  static final String LOWERCASE = "lowercase";
  static final String OTHER = "other";

  private static final Pattern LOWER = Pattern.compile("[a-z][a-z0-9]*(\\.[a-z][a-z0-9]*)*");
  private static final Pattern DECLARED = Pattern.compile("\\s*package\\s+([\\w.\\s]+?)\\s*;.*");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    declaration(file).ifPresent(p -> tally.add(valueOf(p.getNameAsString())));
  }

  static String valueOf(String name) {
    return LOWER.matcher(name).matches() ? LOWERCASE : OTHER;
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        ID,
        tally,
        v ->
            LOWERCASE.equals(v)
                ? "names packages in lowercase letters and digits"
                : "names packages with uppercase letters, underscores or leading digits",
        "package declarations");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    Optional<PackageDeclaration> declared = declaration(file);
    if (!LOWERCASE.equals(convention.value()) || declared.isEmpty()) {
      return List.of();
    }
    String name = declared.get().getNameAsString();
    int n = declared.get().getName().getBegin().get().line;
    if (LOWERCASE.equals(valueOf(name)) || !changes.contains(n) || declaredBefore(changes, name)) {
      return List.of();
    }
    return List.of(
        new Deviation(
            ID,
            n,
            n,
            "Package `"
                + name
                + "` is not lowercase letters and digits only; "
                + convention.evidence()
                + ". Renaming it means moving the file, so this is only a note.",
            null));
  }

  /** A removed line declared the same package: the change touched the line, not the name. */
  private static boolean declaredBefore(Changes changes, String name) {
    for (String removed : changes.removed()) {
      Matcher m = DECLARED.matcher(removed);
      if (m.matches() && m.group(1).replaceAll("\\s", "").equals(name)) {
        return true;
      }
    }
    return false;
  }

  private static Optional<PackageDeclaration> declaration(JavaSource file) {
    return file.syntax()
        .flatMap(u -> u.getPackageDeclaration())
        .filter(p -> p.getName().getBegin().isPresent());
  }
}
