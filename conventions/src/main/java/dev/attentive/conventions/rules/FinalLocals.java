package dev.attentive.conventions.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code style/final/local}: {@code final} on local variables (statements and for-each variables)
 * that are initialized where declared and never reassigned; {@code for (int i ...)} and
 * try-with-resources variables (final anyway) are left out. Value and enforcement: {@link
 * FinalRule}.
 */
public final class FinalLocals extends FinalRule {

  public static final String ID = "style/final/local";

  public FinalLocals() {
    super(ID, "local variables");
  }

  @Override
  List<Candidate> candidates(CompilationUnit unit) {
    Map<Node, Set<String>> assigned = assigned(unit);
    List<Candidate> out = new ArrayList<>();
    for (VariableDeclarationExpr e : unit.findAll(VariableDeclarationExpr.class)) {
      Node parent = e.getParentNode().orElse(null);
      boolean forEach = parent instanceof ForEachStmt;
      if (!(parent instanceof ExpressionStmt) && !forEach) {
        continue;
      }
      List<String> names =
          e.getVariables().stream().map(VariableDeclarator::getNameAsString).toList();
      boolean initialized =
          forEach || e.getVariables().stream().allMatch(v -> v.getInitializer().isPresent());
      if (!initialized
          || reassigned(assigned, e, names)
          || e.getElementType().getBegin().isEmpty()
          || e.getBegin().isEmpty()) {
        continue;
      }
      out.add(
          new Candidate(
              e.isFinal(), names, e.getElementType().getBegin().get(), e.getBegin().get().line));
    }
    return out;
  }
}
