package dev.attentive.conventions.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import java.util.List;

/**
 * {@code style/annotation/field}: placement of the marker annotations of fields; see {@link
 * AnnotationPlacement}.
 */
public final class FieldAnnotations extends AnnotationPlacement {

  public static final String ID = "style/annotation/field";

  public FieldAnnotations() {
    super(ID, "fields");
  }

  @Override
  List<? extends BodyDeclaration<?>> declarations(CompilationUnit unit) {
    return unit.findAll(FieldDeclaration.class);
  }
}
