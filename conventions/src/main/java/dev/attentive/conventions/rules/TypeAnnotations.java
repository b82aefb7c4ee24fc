package dev.attentive.conventions.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.util.List;

/**
 * {@code style/annotation/type}: placement of the marker annotations of classes, interfaces, enums,
 * records and annotation types; see {@link AnnotationPlacement}.
 */
public final class TypeAnnotations extends AnnotationPlacement {

  public static final String ID = "style/annotation/type";

  public TypeAnnotations() {
    super(ID, "types");
  }

  @Override
  List<? extends BodyDeclaration<?>> declarations(CompilationUnit unit) {
    return unit.findAll(TypeDeclaration.class).stream().map(t -> (BodyDeclaration<?>) t).toList();
  }
}
