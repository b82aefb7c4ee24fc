package dev.attentive.conventions.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code style/final/parameter}: {@code final} on the never reassigned parameters of methods and
 * constructors that have a body (an abstract or interface method's {@code final} means nothing);
 * lambda and catch parameters are left out. Value and enforcement: {@link FinalRule}.
 */
public final class FinalParameters extends FinalRule {

  public static final String ID = "style/final/parameter";

  public FinalParameters() {
    super(ID, "parameters");
  }

  @Override
  List<Candidate> candidates(CompilationUnit unit) {
    Map<Node, Set<String>> assigned = assigned(unit);
    List<Candidate> out = new ArrayList<>();
    for (CallableDeclaration<?> c : unit.findAll(CallableDeclaration.class)) {
      boolean hasBody =
          c instanceof ConstructorDeclaration
              || c instanceof MethodDeclaration m && m.getBody().isPresent();
      if (!hasBody) {
        continue;
      }
      Set<String> set = assigned.getOrDefault(c, Set.of());
      for (Parameter p : c.getParameters()) {
        if (set.contains(p.getNameAsString())
            || p.getType().getBegin().isEmpty()
            || p.getBegin().isEmpty()) {
          continue;
        }
        out.add(
            new Candidate(
                p.isFinal(),
                List.of(p.getNameAsString()),
                p.getType().getBegin().get(),
                p.getBegin().get().line));
      }
    }
    return out;
  }
}
