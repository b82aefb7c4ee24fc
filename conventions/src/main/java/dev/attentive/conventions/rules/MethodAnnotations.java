package dev.attentive.conventions.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.util.List;

/**
 * {@code style/annotation/method}: placement of the marker annotations of methods and constructors;
 * see {@link AnnotationPlacement}.
 */
public final class MethodAnnotations extends AnnotationPlacement {

  public static final String ID = "style/annotation/method";

  public MethodAnnotations() {
    super(ID, "methods");
  }

  @Override
  List<? extends BodyDeclaration<?>> declarations(CompilationUnit unit) {
    return unit.findAll(CallableDeclaration.class).stream()
        .map(c -> (BodyDeclaration<?>) c)
        .toList();
  }
}
