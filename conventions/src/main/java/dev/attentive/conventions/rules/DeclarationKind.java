package dev.attentive.conventions.rules;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Modifier;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.SimpleName;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.nodeTypes.NodeWithAnnotations;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.type.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The kinds of declared names that a repository may name differently, and how to find them. */
enum DeclarationKind {
  CONSTANT("constants"),
  ENUM_CONSTANT("enum constants"),
  STATIC_FIELD("static fields"),
  FIELD("instance fields"),
  LOCAL("local variables"),
  PARAMETER("parameters"),
  METHOD("methods"),
  TEST_METHOD("test methods"),
  TYPE("types");

  /**
   * A declared name and where it is written.
   *
   * @param scope the line of the type declaration that holds it (0 at top level): two fields of the
   *     same name in different nested classes do not collide
   */
  record Declared(String name, int line, int column, int scope) {}

  /** Names the language or a library fixes, whatever the team's style. */
  private static final Set<String> FIXED =
      Set.of("serialVersionUID", "serialPersistentFields", "_");

  private static final Set<String> BOXED =
      Set.of(
          "String",
          "Integer",
          "Long",
          "Short",
          "Byte",
          "Character",
          "Boolean",
          "Double",
          "Float",
          "java.lang.String");

  private static final Set<String> TEST_ANNOTATIONS =
      Set.of(
          "Test",
          "ParameterizedTest",
          "RepeatedTest",
          "TestFactory",
          "TestTemplate",
          "Property",
          "Example");

  private final String plural;

  DeclarationKind(String plural) {
    this.plural = plural;
  }

  String plural() {
    return plural;
  }

  /** Every name of this kind declared in {@code unit}, in source order. */
  List<Declared> find(CompilationUnit unit) {
    List<Declared> out = new ArrayList<>();
    switch (this) {
      case CONSTANT, STATIC_FIELD, FIELD ->
          unit.findAll(FieldDeclaration.class)
              .forEach(
                  f -> {
                    // not f.isStatic(): JavaParser calls a field of an anonymous class static
                    // when an interface method holds that class
                    boolean isStatic = f.hasModifier(Modifier.Keyword.STATIC) || inInterface(f);
                    boolean isFinal = f.hasModifier(Modifier.Keyword.FINAL) || inInterface(f);
                    for (VariableDeclarator v : f.getVariables()) {
                      DeclarationKind kind =
                          !isStatic
                              ? FIELD
                              : isFinal && constantType(v.getType()) ? CONSTANT : STATIC_FIELD;
                      if (kind == this) {
                        add(out, v.getName());
                      }
                    }
                  });
      case ENUM_CONSTANT ->
          unit.findAll(EnumConstantDeclaration.class).forEach(c -> add(out, c.getName()));
      case LOCAL ->
          unit.findAll(VariableDeclarationExpr.class)
              .forEach(e -> e.getVariables().forEach(v -> add(out, v.getName())));
      case PARAMETER ->
          unit.findAll(Parameter.class)
              .forEach(
                  p -> {
                    Node parent = p.getParentNode().orElse(null);
                    if (parent instanceof MethodDeclaration m && overrides(m)) {
                      return; // the overridden method named them
                    }
                    if (parent instanceof MethodDeclaration
                        || parent instanceof ConstructorDeclaration
                        || parent instanceof LambdaExpr
                        || parent instanceof CatchClause) {
                      add(out, p.getName());
                    }
                  });
      case METHOD, TEST_METHOD ->
          unit.findAll(MethodDeclaration.class)
              .forEach(
                  m -> {
                    if (overrides(m) || m.isNative()) {
                      return; // a supertype or a native library chose the name
                    }
                    if ((isTest(m) ? TEST_METHOD : METHOD) == this) {
                      add(out, m.getName());
                    }
                  });
      case TYPE -> unit.findAll(TypeDeclaration.class).forEach(t -> add(out, t.getName()));
    }
    return out;
  }

  /** Whether names of this kind live in small scopes (or overload), so they may repeat. */
  boolean scoped() {
    return this == LOCAL || this == PARAMETER || this == METHOD || this == TEST_METHOD;
  }

  private static void add(List<Declared> out, SimpleName name) {
    if (FIXED.contains(name.getIdentifier()) || name.getBegin().isEmpty()) {
      return;
    }
    int scope =
        name.getParentNode()
            .flatMap(d -> d.getParentNode())
            .flatMap(
                p ->
                    p instanceof TypeDeclaration<?>
                        ? Optional.of(p)
                        : p.findAncestor(TypeDeclaration.class))
            .flatMap(Node::getBegin)
            .map(b -> b.line)
            .orElse(0);
    out.add(
        new Declared(
            name.getIdentifier(), name.getBegin().get().line, name.getBegin().get().column, scope));
  }

  private static boolean inInterface(FieldDeclaration f) {
    Node parent = f.getParentNode().orElse(null);
    return parent instanceof AnnotationDeclaration
        || parent instanceof ClassOrInterfaceDeclaration c && c.isInterface();
  }

  /** Primitive, boxed or String: what a reader calls a constant (a Logger is not). */
  private static boolean constantType(Type type) {
    return type.isPrimitiveType() || BOXED.contains(type.asString());
  }

  static boolean overrides(NodeWithAnnotations<?> m) {
    return m.isAnnotationPresent("Override");
  }

  private static boolean isTest(MethodDeclaration m) {
    return m.getAnnotations().stream()
        .anyMatch(a -> TEST_ANNOTATIONS.contains(a.getName().getIdentifier()));
  }
}
