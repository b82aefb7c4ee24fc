package dev.attentive.conventions.rules;

import com.github.javaparser.Position;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Whether the repository writes {@code final} on declarations that could carry it: value {@code
 * final} or {@code not-final}. Only declarations that are never reassigned in their method are
 * counted (a reassigned one cannot be final, whatever the habit).
 *
 * <p>One comment per file (the first declaration, saying how many more there are).
 *
 * <p>Only {@code final} is enforced: in a codebase that always writes it, a new declaration without
 * it stands out and adding it is safe; in a codebase that never writes it, a {@code final} is
 * harmless extra information that no reviewer would ask to remove.
 */
abstract class FinalRule implements ConventionRule {

  static final String FINAL = "final";
  static final String NOT_FINAL = "not-final";

  /** One declaration that could be final: where {@code final} would go and what it declares. */
  record Candidate(boolean isFinal, List<String> names, Position insertAt, int line) {}

  private final String id;
  private final String plural;

  FinalRule(String id, String plural) {
    this.id = id;
    this.plural = plural;
  }

  @Override
  public String id() {
    return id;
  }

  /** The declarations of this kind in {@code unit}. */
  abstract List<Candidate> candidates(CompilationUnit unit);

  /** Names assigned (=, +=, ++, --) anywhere in each body declaration (method, initializer ...). */
  static Map<Node, Set<String>> assigned(CompilationUnit unit) {
    Map<Node, Set<String>> out = new IdentityHashMap<>();
    unit.findAll(AssignExpr.class)
        .forEach(a -> note(out, a, a.getTarget() instanceof NameExpr n ? n : null));
    unit.findAll(UnaryExpr.class)
        .forEach(
            u ->
                note(
                    out,
                    u,
                    u.getOperator().isPrefix() || u.getOperator().isPostfix()
                        ? u.getExpression() instanceof NameExpr n ? n : null
                        : null));
    return out;
  }

  private static void note(Map<Node, Set<String>> out, Node at, NameExpr name) {
    if (name == null) {
      return;
    }
    Node body = at.findAncestor(BodyDeclaration.class).map(Node.class::cast).orElse(null);
    if (body != null) {
      out.computeIfAbsent(body, b -> new HashSet<>()).add(name.getNameAsString());
    }
  }

  /** Whether any of {@code names} is assigned in the body declaration around {@code node}. */
  static boolean reassigned(Map<Node, Set<String>> assigned, Node node, List<String> names) {
    Node body = node.findAncestor(BodyDeclaration.class).map(Node.class::cast).orElse(null);
    Set<String> set = body == null ? Set.of() : assigned.getOrDefault(body, Set.of());
    return names.stream().anyMatch(set::contains);
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    file.syntax()
        .ifPresent(
            unit -> candidates(unit).forEach(c -> tally.add(c.isFinal() ? FINAL : NOT_FINAL)));
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        id,
        tally,
        v -> (FINAL.equals(v) ? "declares " : "does not declare ") + plural + " final",
        "never reassigned " + plural);
  }

  /** A removed line mentions {@code name} without {@code final}: the old code did not have it. */
  private static boolean removedWithoutFinal(Changes changes, String name) {
    return changes.removed().stream()
        .anyMatch(r -> Touched.mentions(r, name) && !Touched.mentions(r, FINAL));
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    if (!FINAL.equals(convention.value()) || file.syntax().isEmpty()) {
      return List.of();
    }
    // per line, right to left, so an insertion does not shift the ones still to come
    Map<Integer, TreeMap<Integer, List<String>>> missing = new TreeMap<>();
    for (Candidate c : candidates(file.syntax().get())) {
      if (c.isFinal()
          || c.insertAt().line != c.line()
          || !Touched.isNew(file, changes, c.line())
          || c.names().stream().anyMatch(n -> removedWithoutFinal(changes, n))) {
        continue;
      }
      missing.computeIfAbsent(c.line(), n -> new TreeMap<>()).put(c.insertAt().column, c.names());
    }
    List<Deviation> out = new ArrayList<>();
    missing.forEach(
        (n, columns) -> {
          String line = file.line(n);
          List<String> names = new ArrayList<>();
          for (Map.Entry<Integer, List<String>> e : columns.descendingMap().entrySet()) {
            int at = e.getKey() - 1;
            if (at < 0 || at > line.length()) {
              return;
            }
            line = line.substring(0, at) + "final " + line.substring(at);
            names.addAll(0, e.getValue());
          }
          out.add(
              new Deviation(
                  id,
                  n,
                  n,
                  "Not final: `" + String.join("`, `", names) + "`; " + convention.evidence() + ".",
                  line));
        });
    return Touched.once(out);
  }
}
