package dev.attentive.conventions.rules;

import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.nodeTypes.NodeWithModifiers;
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

/**
 * {@code style/modifier/order}: whether declarations with two or more modifiers write them in the
 * order of the Java Language Specification ({@code public protected private abstract default static
 * sealed non-sealed final transient volatile synchronized native strictfp}, as Checkstyle's
 * ModifierOrder): value {@code jls} or {@code other}; only {@code jls} is enforced.
 *
 * <p>Check: a new declaration whose modifiers, all on one line with single spaces between them, are
 * out of order; the replacement puts them in order.
 */
public final class ModifierOrder implements ConventionRule {

  public static final String ID = "style/modifier/order";
  static final String JLS = "jls";
  static final String OTHER = "other";

  /** The JLS order; {@link Modifier.Keyword}'s own order differs (it puts default first). */
  private static final List<Modifier.Keyword> ORDER =
      List.of(
          Modifier.Keyword.PUBLIC,
          Modifier.Keyword.PROTECTED,
          Modifier.Keyword.PRIVATE,
          Modifier.Keyword.ABSTRACT,
          Modifier.Keyword.DEFAULT,
          Modifier.Keyword.STATIC,
          Modifier.Keyword.SEALED,
          Modifier.Keyword.NON_SEALED,
          Modifier.Keyword.FINAL,
          Modifier.Keyword.TRANSIENT,
          Modifier.Keyword.VOLATILE,
          Modifier.Keyword.SYNCHRONIZED,
          Modifier.Keyword.NATIVE,
          Modifier.Keyword.STRICTFP);

  private static final Comparator<Modifier> JLS_ORDER =
      Comparator.comparingInt(m -> rank(m.getKeyword()));

  @Override
  public String id() {
    return ID;
  }

  private static int rank(Modifier.Keyword k) {
    int i = ORDER.indexOf(k);
    return i < 0 ? ORDER.size() : i;
  }

  /** The modifier lists of two or more modifiers in the file. */
  private static List<NodeList<Modifier>> lists(JavaSource file) {
    List<NodeList<Modifier>> out = new ArrayList<>();
    file.syntax()
        .ifPresent(
            unit ->
                unit.walk(
                    Node.class,
                    n -> {
                      if (n instanceof NodeWithModifiers<?> w && w.getModifiers().size() >= 2) {
                        out.add(w.getModifiers());
                      }
                    }));
    return out;
  }

  private static boolean inOrder(NodeList<Modifier> modifiers) {
    for (int i = 1; i < modifiers.size(); i++) {
      if (JLS_ORDER.compare(modifiers.get(i - 1), modifiers.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  @Override
  public void observe(JavaSource file, Tally tally) {
    lists(file).forEach(m -> tally.add(inOrder(m) ? JLS : OTHER));
  }

  @Override
  public Convention conclude(Tally tally) {
    return Dominance.DECLARATIONS.conclude(
        ID,
        tally,
        v ->
            JLS.equals(v)
                ? "orders modifiers as the Java Language Specification does"
                : "orders modifiers its own way",
        "declarations with several modifiers");
  }

  @Override
  public List<Deviation> check(
      JavaSource file, Convention convention, RepositoryProfile profile, Changes changes) {
    if (!JLS.equals(convention.value())) {
      return List.of();
    }
    List<Deviation> out = new ArrayList<>();
    for (NodeList<Modifier> modifiers : lists(file)) {
      if (inOrder(modifiers)
          || modifiers.stream().anyMatch(m -> m.getBegin().isEmpty() || m.getEnd().isEmpty())) {
        continue;
      }
      int n = modifiers.get(0).getBegin().get().line;
      if (modifiers.stream().anyMatch(m -> m.getEnd().get().line != n)
          || !Touched.isNew(file, changes, n)) {
        continue;
      }
      String line = file.line(n);
      int from = modifiers.get(0).getBegin().get().column - 1;
      int to = modifiers.get(modifiers.size() - 1).getEnd().get().column;
      List<String> written = new ArrayList<>();
      modifiers.forEach(m -> written.add(m.getKeyword().asString()));
      if (to > line.length() || !line.substring(from, to).equals(String.join(" ", written))) {
        continue; // an annotation or a comment between them, or odd spacing
      }
      List<String> sorted =
          modifiers.stream().sorted(JLS_ORDER).map(m -> m.getKeyword().asString()).toList();
      out.add(
          new Deviation(
              ID,
              n,
              n,
              "Modifiers `"
                  + String.join(" ", written)
                  + "` out of order; "
                  + convention.evidence()
                  + ".",
              line.substring(0, from) + String.join(" ", sorted) + line.substring(to)));
    }
    return Touched.once(out);
  }
}
