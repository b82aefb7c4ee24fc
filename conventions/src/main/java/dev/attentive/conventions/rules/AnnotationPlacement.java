package dev.attentive.conventions.rules;

import com.github.javaparser.JavaToken;
import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.MarkerAnnotationExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.type.Type;
import dev.attentive.conventions.Changes;
import dev.attentive.conventions.ConventionRule;
import dev.attentive.conventions.Deviation;
import dev.attentive.conventions.Dominance;
import dev.attentive.conventions.JavaSource;
import dev.attentive.conventions.Tally;
import dev.attentive.events.Convention;
import dev.attentive.events.RepositoryProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where annotations go on one kind of declaration: value {@code own-line} (each annotation on its
 * own line above the declaration) or {@code same-line} (before the declaration on its line).
 *
 * <p>Only declarations whose leading annotations (those before the first modifier or keyword) are
 * all marker annotations are counted and checked: annotations with arguments
 * ({@code @SuppressWarnings("unchecked")}) are long and often sit on their own line in same-line
 * codebases, so they would blur the habit. A declaration that mixes both placements counts against
 * both and is never rewritten.
 *
 * <p>Check: a new declaration placed the other way, rewritten by splitting (each annotation on its
 * own line at the declaration's indent) or joining (annotation lines and the declaration line, all
 * added, into one). One comment per file: the first, saying how many more there are.
 */
abstract class AnnotationPlacement implements ConventionRule {

  static final String OWN_LINE = "own-line";
  static final String SAME_LINE = "same-line";
  static final String MIXED = "mixed";

  /** A declaration's leading marker annotations and where the rest of it starts. */
  record Placed(List<AnnotationExpr> annotations, Position rest) {

    String placement() {
      int last = -1;
      boolean sameLine = true;
      boolean ownLines = true;
      for (AnnotationExpr a : annotations) {
        int begin = a.getBegin().get().line;
        int end = a.getEnd().get().line;
        sameLine &= begin == rest.line && end == rest.line;
        ownLines &= begin > last && end < rest.line && begin == end;
        last = end;
      }
      return sameLine ? SAME_LINE : ownLines ? OWN_LINE : MIXED;
    }
  }

  private final String id;
  private final String plural;

  AnnotationPlacement(String id, String plural) {
    this.id = id;
    this.plural = plural;
  }

  @Override
  public String id() {
    return id;
  }

  /** The declarations of this kind. */
  abstract List<? extends BodyDeclaration<?>> declarations(CompilationUnit unit);

  /** Nullness annotations, type-use in most libraries (JSpecify, Checker Framework). */
  private static final Set<String> TYPE_USE =
      Set.of(
          "Nullable",
          "NonNull",
          "Nonnull",
          "NotNull",
          "CheckForNull",
          "PolyNull",
          "MonotonicNonNull",
          "NullableDecl",
          "ParametricNullness");

  /**
   * Annotations that annotate a type rather than a declaration ({@code @Nullable V get()}): they
   * sit next to the type whatever the team's placement habit, so a declaration carrying one is
   * neither counted nor checked. Known nullness names, and any annotation the file also puts on a
   * type argument, a parameter or a local.
   */
  private static Set<String> typeUse(CompilationUnit unit) {
    Set<String> out = new HashSet<>(TYPE_USE);
    unit.findAll(AnnotationExpr.class)
        .forEach(
            a -> {
              Node parent = a.getParentNode().orElse(null);
              if (parent instanceof Type
                  || parent instanceof Parameter
                  || parent instanceof VariableDeclarationExpr) {
                out.add(a.getName().getIdentifier());
              }
            });
    return out;
  }

  private List<Placed> placed(CompilationUnit unit) {
    Set<String> typeUse = typeUse(unit);
    List<Placed> out = new ArrayList<>();
    for (BodyDeclaration<?> d : declarations(unit)) {
      if (d.getAnnotations().isEmpty()) {
        continue;
      }
      List<AnnotationExpr> leading = new ArrayList<>();
      Optional<Position> rest = Optional.empty();
      // the declaration's tokens: annotations first, then the first modifier or keyword
      Optional<JavaToken> token = d.getTokenRange().map(r -> r.getBegin());
      List<AnnotationExpr> annotations = d.getAnnotations();
      int next = 0;
      while (token.isPresent()) {
        JavaToken t = token.get();
        if (next < annotations.size()
            && annotations.get(next).getTokenRange().isPresent()
            && annotations.get(next).getTokenRange().get().getBegin() == t) {
          leading.add(annotations.get(next));
          token = annotations.get(next).getTokenRange().get().getEnd().getNextToken();
          next++;
          continue;
        }
        if (t.getCategory().isWhitespaceOrComment()) {
          token = t.getNextToken();
          continue;
        }
        rest = t.getRange().map(r -> r.begin);
        break;
      }
      if (leading.isEmpty()
          || rest.isEmpty()
          || leading.stream()
              .anyMatch(
                  a ->
                      !(a instanceof MarkerAnnotationExpr)
                          || typeUse.contains(a.getName().getIdentifier())
                          || a.getBegin().isEmpty()
                          || a.getEnd().isEmpty())) {
        continue;
      }
      out.add(new Placed(leading, rest.get()));
    }
    return out;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    file.syntax().ifPresent(unit -> placed(unit).forEach(p -> tally.add(p.placement())));
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        id,
        tally,
        v ->
            OWN_LINE.equals(v)
                ? "puts annotations of " + plural + " on their own lines"
                : SAME_LINE.equals(v)
                    ? "puts annotations of " + plural + " on the declaration's line"
                    : "mixes annotation placements on " + plural,
        "annotated " + plural);
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    String want = convention.value();
    if (!(OWN_LINE.equals(want) || SAME_LINE.equals(want)) || file.syntax().isEmpty()) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (Placed p : placed(file.syntax().get())) {
      String is = p.placement();
      if (is.equals(want) || MIXED.equals(is)) {
        continue;
      }
      Deviation d =
          OWN_LINE.equals(want)
              ? split(file, changes, p, convention)
              : join(file, changes, p, convention);
      if (d != null) {
        out.add(d);
      }
    }
    return Touched.once(out);
  }

  /** {@code @A @B void f()} → one line per annotation, then the declaration, at its indent. */
  private Deviation split(JavaSource file, Changes changes, Placed p, Convention convention) {
    int n = p.rest().line;
    if (!Touched.isNew(file, changes, n)) {
      return null;
    }
    String line = file.line(n);
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    int first = p.annotations().get(0).getBegin().get().column - 1;
    if (first != indent.length() || indent.contains("\t") && indent.contains(" ")) {
      return null; // something before the annotation on its line: no safe rewrite
    }
    StringBuilder out = new StringBuilder();
    int at = first;
    for (AnnotationExpr a : p.annotations()) {
      int begin = a.getBegin().get().column - 1;
      int end = a.getEnd().get().column;
      if (!line.substring(at, begin).isBlank()) {
        return null; // a comment between annotations
      }
      out.append(indent).append(line, begin, end).append('\n');
      at = end;
    }
    int rest = p.rest().column - 1;
    if (!line.substring(at, rest).isBlank()) {
      return null;
    }
    out.append(indent).append(line.substring(rest));
    return deviation(n, n, "on their own lines", convention, out.toString());
  }

  /** {@code @A} / {@code void f()} on separate lines → {@code @A void f()}. */
  private Deviation join(JavaSource file, Changes changes, Placed p, Convention convention) {
    int first = p.annotations().get(0).getBegin().get().line;
    int n = p.rest().line;
    if (n - first != p.annotations().size()) {
      return null; // blank or comment lines between them
    }
    boolean anyNew = false;
    StringBuilder joined = new StringBuilder();
    for (int i = 0; i < p.annotations().size(); i++) {
      AnnotationExpr a = p.annotations().get(i);
      String line = file.line(first + i);
      if (!changes.contains(first + i) || !line.strip().equals(a.toString())) {
        return null;
      }
      anyNew |= Touched.isNew(file, changes, first + i);
      joined.append(line.strip()).append(' ');
    }
    String line = file.line(n);
    if (!changes.contains(n)
        || p.rest().column - 1 != line.length() - line.stripLeading().length()) {
      return null;
    }
    anyNew |= Touched.isNew(file, changes, n);
    if (!anyNew) {
      return null;
    }
    String indent = line.substring(0, p.rest().column - 1);
    return deviation(
        first, n, "on the declaration's line", convention, indent + joined + line.stripLeading());
  }

  private Deviation deviation(
      int start, int end, String where, Convention convention, String replacement) {
    return new Deviation(
        id,
        start,
        end,
        "Annotations of " + plural + " go " + where + "; " + convention.evidence() + ".",
        replacement);
  }
}
