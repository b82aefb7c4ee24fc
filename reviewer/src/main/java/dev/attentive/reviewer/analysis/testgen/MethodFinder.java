package dev.attentive.reviewer.analysis.testgen;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import com.github.javaparser.ast.type.Type;
import dev.attentive.reviewer.analysis.ChangedLines;
import dev.attentive.reviewer.analysis.testgen.TargetMethod.Kind;
import dev.attentive.reviewer.analysis.testgen.TargetMethod.Param;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds, with JavaParser, the public and package-private methods and constructors of a Java file
 * that a pull request added or changed (one of their lines is an added line) and that a test in the
 * same package can call without knowing more than the file: static methods; instance methods of a
 * non-generic, non-abstract top-level or static nested class that has a no-argument constructor;
 * constructors of such classes. Generic methods, abstract methods, {@code main} and methods of
 * local, anonymous, inner (non-static) classes, interfaces' default methods and enums' instance
 * methods are left out.
 */
public final class MethodFinder {

  private static final Map<String, Kind> PRIMITIVES =
      Map.of(
          "int",
          Kind.INT,
          "long",
          Kind.LONG,
          "short",
          Kind.SHORT,
          "byte",
          Kind.BYTE,
          "char",
          Kind.CHAR,
          "boolean",
          Kind.BOOLEAN,
          "double",
          Kind.DOUBLE,
          "float",
          Kind.FLOAT);
  private static final Map<String, Kind> BOXES =
      Map.of(
          "Integer",
          Kind.INT,
          "Long",
          Kind.LONG,
          "Short",
          Kind.SHORT,
          "Byte",
          Kind.BYTE,
          "Character",
          Kind.CHAR,
          "Boolean",
          Kind.BOOLEAN,
          "Double",
          Kind.DOUBLE,
          "Float",
          Kind.FLOAT);

  private MethodFinder() {}

  /** The result of looking at one file: the methods, or why there are none. */
  public record Found(CompilationUnit unit, List<TargetMethod> methods, String problem) {}

  /**
   * Parses {@code source}; the changed callable methods in file order (problem set when it does not
   * parse).
   */
  public static Found find(String source, ChangedLines added) {
    ParserConfiguration configuration =
        new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
    ParseResult<CompilationUnit> parsed = new JavaParser(configuration).parse(source);
    if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
      String why =
          parsed.getProblems().isEmpty()
              ? "JavaParser cannot parse it"
              : parsed.getProblems().get(0).getVerboseMessage();
      return new Found(null, List.of(), why);
    }
    CompilationUnit unit = parsed.getResult().get();
    String pkg = unit.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    List<TargetMethod> out = new ArrayList<>();
    Map<String, Long> fields = finalIntFields(unit);
    for (TypeDeclaration<?> type : unit.getTypes()) {
      if (!type.isPrivate()) {
        collect(pkg, type, type.getNameAsString(), added, fields, out);
      }
    }
    out.sort(java.util.Comparator.comparingInt(TargetMethod::declarationLine));
    return new Found(unit, List.copyOf(out), null);
  }

  /**
   * How a test can build objects of the file's own classes (an enum's: its constants): per type
   * name (simple, and as written from another class: {@code Outer.Inner}), up to four expressions
   * calling its visible constructors and static factories whose parameters are primitives or
   * strings (once with zeros and empty strings, once with ones and "a").
   */
  public static Map<String, List<String>> builders(CompilationUnit unit) {
    Map<String, List<String>> out = new java.util.LinkedHashMap<>();
    if (unit == null) {
      return out;
    }
    for (TypeDeclaration<?> type : unit.getTypes()) {
      builders(type, type.getNameAsString(), out);
    }
    return out;
  }

  private static void builders(
      TypeDeclaration<?> type, String qualified, Map<String, List<String>> out) {
    if (type.isPrivate()) {
      return;
    }
    String simple = type.getNameAsString();
    Set<String> made = new LinkedHashSet<>();
    if (type instanceof EnumDeclaration e) {
      // An enum's values are its constants: the first few, as a test names them.
      e.getEntries().forEach(c -> made.add(qualified + "." + c.getNameAsString()));
    }
    if (constructible(type)) {
      if (type.getConstructors().isEmpty()) {
        made.add("new " + qualified + "()");
      }
      for (ConstructorDeclaration k : type.getConstructors()) {
        if (!k.isPrivate() && !k.isProtected()) {
          arguments(k.getParameters(), 0)
              .ifPresent(a -> made.add("new " + qualified + "(" + a + ")"));
          arguments(k.getParameters(), 1)
              .ifPresent(a -> made.add("new " + qualified + "(" + a + ")"));
        }
      }
    }
    for (MethodDeclaration m : type.getMethods()) {
      if (m.isStatic()
          && !m.isPrivate()
          && !m.isProtected()
          && m.getTypeParameters().isEmpty()
          && m.getType().asString().equals(simple)) {
        String call = qualified + "." + m.getNameAsString() + "(";
        arguments(m.getParameters(), 0).ifPresent(a -> made.add(call + a + ")"));
        arguments(m.getParameters(), 1).ifPresent(a -> made.add(call + a + ")"));
      }
    }
    if (!made.isEmpty()) {
      // By simple name and as parameters name it (member types are written through their outer
      // types: qualified(...)).
      out.putIfAbsent(simple, made.stream().limit(4).toList());
      out.putIfAbsent(qualified, made.stream().limit(4).toList());
    }
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested
          && (nested.isStatic() || !(nested instanceof ClassOrInterfaceDeclaration))) {
        builders(nested, qualified + "." + nested.getNameAsString(), out);
      }
    }
  }

  /** Arguments of primitive and string parameters: zeros (variant 0) or ones (variant 1). */
  private static Optional<String> arguments(NodeList<Parameter> params, int variant) {
    List<String> out = new ArrayList<>();
    for (Parameter p : params) {
      String type = p.getType().asString();
      String value =
          switch (type) {
            case "int", "Integer" -> variant == 0 ? "0" : "1";
            case "long", "Long" -> variant == 0 ? "0L" : "1L";
            case "short", "Short" -> variant == 0 ? "(short) 0" : "(short) 1";
            case "byte", "Byte" -> variant == 0 ? "(byte) 0" : "(byte) 1";
            case "double", "Double" -> variant == 0 ? "0.0" : "1.5";
            case "float", "Float" -> variant == 0 ? "0.0f" : "1.5f";
            case "boolean", "Boolean" -> variant == 0 ? "false" : "true";
            case "char", "Character" -> variant == 0 ? "'a'" : "'b'";
            case "String", "CharSequence" -> variant == 0 ? "\"\"" : "\"a\"";
            default -> null;
          };
      if (value == null || p.isVarArgs()) {
        return Optional.empty();
      }
      out.add(value);
    }
    return Optional.of(String.join(", ", out));
  }

  /**
   * The file's final fields initialised with an integer literal ({@code static final int LIMIT =
   * 5;}).
   */
  private static Map<String, Long> finalIntFields(CompilationUnit unit) {
    Map<String, Long> out = new java.util.HashMap<>();
    for (FieldDeclaration field : unit.findAll(FieldDeclaration.class)) {
      if (!field.isFinal()) {
        continue;
      }
      for (VariableDeclarator v : field.getVariables()) {
        v.getInitializer()
            .ifPresent(
                init -> {
                  Long value = integer(init);
                  if (value != null) {
                    out.put(v.getNameAsString(), value);
                  }
                });
      }
    }
    return out;
  }

  /** The value of an integer literal, possibly negated; null for anything else. */
  private static Long integer(Expression e) {
    boolean negative = false;
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS) {
      negative = true;
      e = u.getExpression();
    }
    try {
      if (e instanceof IntegerLiteralExpr i) {
        return negative ? -i.asNumber().longValue() : i.asNumber().longValue();
      } else if (e instanceof LongLiteralExpr l) {
        return negative ? -l.asNumber().longValue() : l.asNumber().longValue();
      }
    } catch (NumberFormatException ignored) {
      // out of range for JavaParser
    }
    return null;
  }

  private static void collect(
      String pkg,
      TypeDeclaration<?> type,
      String typeName,
      ChangedLines added,
      Map<String, Long> fields,
      List<TargetMethod> out) {
    boolean instantiable = instantiable(type);
    for (BodyDeclaration<?> member : type.getMembers()) {
      if (member instanceof TypeDeclaration<?> nested) {
        boolean isStatic =
            nested.isStatic()
                || !(nested instanceof ClassOrInterfaceDeclaration c)
                || c.isInterface()
                || type instanceof ClassOrInterfaceDeclaration t && t.isInterface();
        if (!nested.isPrivate() && !nested.isProtected() && isStatic) {
          collect(pkg, nested, typeName + "." + nested.getNameAsString(), added, fields, out);
        }
        continue;
      }
      if (!(member instanceof CallableDeclaration<?> callable) || !changed(callable, added)) {
        continue;
      }
      boolean inInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
      if (callable.isPrivate()
          || callable.isProtected() && !inInterface
          || callable.isAbstract()
          || !callable.getTypeParameters().isEmpty()) {
        continue;
      }
      if (callable instanceof MethodDeclaration method) {
        if (method.getBody().isEmpty() || isMain(method)) {
          continue;
        }
        if (!method.isStatic() && (!instantiable || inInterface)) {
          continue;
        }
        out.add(
            target(
                pkg,
                typeName,
                method,
                method.getNameAsString(),
                false,
                method.isStatic(),
                qualified(method.getType(), method),
                fields));
      } else if (callable instanceof ConstructorDeclaration constructor && constructible(type)) {
        out.add(
            target(
                pkg,
                typeName,
                constructor,
                constructor.getNameAsString(),
                true,
                false,
                "void",
                fields));
      }
    }
  }

  /** A class whose constructors a test can call: concrete and not generic. */
  private static boolean constructible(TypeDeclaration<?> type) {
    return type instanceof ClassOrInterfaceDeclaration c
        && !c.isInterface()
        && !c.isAbstract()
        && c.getTypeParameters().isEmpty();
  }

  /**
   * A class a test can instantiate with {@code new T()}: constructible, with a visible no-arg
   * constructor.
   */
  private static boolean instantiable(TypeDeclaration<?> type) {
    if (!constructible(type)) {
      return false;
    }
    List<ConstructorDeclaration> constructors = type.getConstructors();
    return constructors.isEmpty()
        || constructors.stream()
            .anyMatch(k -> k.getParameters().isEmpty() && !k.isPrivate() && !k.isProtected());
  }

  private static boolean changed(CallableDeclaration<?> callable, ChangedLines added) {
    if (callable.getRange().isEmpty()) {
      return false;
    }
    int begin = callable.getRange().get().begin.line;
    int end = callable.getRange().get().end.line;
    return !added.lines().subSet(begin, true, end, true).isEmpty();
  }

  private static boolean isMain(MethodDeclaration method) {
    return method.getNameAsString().equals("main")
        && method.isStatic()
        && method.getParameters().size() == 1;
  }

  private static TargetMethod target(
      String pkg,
      String typeName,
      CallableDeclaration<?> callable,
      String name,
      boolean constructor,
      boolean isStatic,
      String returnType,
      Map<String, Long> fields) {
    List<Param> params = new ArrayList<>();
    for (Parameter p : callable.getParameters()) {
      params.add(param(p));
    }
    Set<String> thrown = new LinkedHashSet<>();
    callable.getThrownExceptions().forEach(t -> thrown.add(simpleName(t.asString())));
    Set<Long> ints = new LinkedHashSet<>();
    Set<Double> doubles = new LinkedHashSet<>();
    Set<String> strings = new LinkedHashSet<>();
    Set<Character> chars = new LinkedHashSet<>();
    Set<String> nullChecked = new LinkedHashSet<>();
    Set<String> names = new LinkedHashSet<>();
    params.forEach(p -> names.add(p.name()));
    Node body =
        callable instanceof MethodDeclaration m
            ? m.getBody().orElse(null)
            : ((ConstructorDeclaration) callable).getBody();
    if (body != null) {
      body.findAll(ThrowStmt.class)
          .forEach(
              t -> {
                if (t.getExpression() instanceof ObjectCreationExpr created) {
                  thrown.add(created.getType().getNameAsString());
                }
              });
      for (IntegerLiteralExpr i : body.findAll(IntegerLiteralExpr.class)) {
        try {
          ints.add(negated(i) ? -i.asNumber().longValue() : i.asNumber().longValue());
        } catch (NumberFormatException ignored) {
          // a literal JavaParser cannot evaluate (Integer.MIN_VALUE's digits alone): the generator
          // has MIN anyway
        }
      }
      for (LongLiteralExpr l : body.findAll(LongLiteralExpr.class)) {
        try {
          ints.add(negated(l) ? -l.asNumber().longValue() : l.asNumber().longValue());
        } catch (NumberFormatException ignored) {
          // as above
        }
      }
      for (DoubleLiteralExpr d : body.findAll(DoubleLiteralExpr.class)) {
        try {
          doubles.add(negated(d) ? -d.asDouble() : d.asDouble());
        } catch (NumberFormatException ignored) {
          // hexadecimal floating point and the like
        }
      }
      body.findAll(NameExpr.class)
          .forEach(
              n -> {
                if (fields.containsKey(n.getNameAsString())
                    && !names.contains(n.getNameAsString())) {
                  ints.add(fields.get(n.getNameAsString()));
                }
              });
      body.findAll(FieldAccessExpr.class)
          .forEach(
              f -> {
                if (fields.containsKey(f.getNameAsString())) {
                  ints.add(fields.get(f.getNameAsString()));
                }
              });
      for (CharLiteralExpr c : body.findAll(CharLiteralExpr.class)) {
        try {
          chars.add(c.asChar());
        } catch (RuntimeException ignored) {
          // an escape JavaParser cannot evaluate
        }
      }
      body.findAll(StringLiteralExpr.class)
          .forEach(
              s -> {
                if (s.getValue().length() <= 40) {
                  strings.add(s.asString());
                }
              });
      body.findAll(BinaryExpr.class)
          .forEach(
              b -> {
                if (b.getOperator() == BinaryExpr.Operator.EQUALS
                    || b.getOperator() == BinaryExpr.Operator.NOT_EQUALS) {
                  nullCheckedName(b.getLeft(), b.getRight())
                      .filter(names::contains)
                      .ifPresent(nullChecked::add);
                  nullCheckedName(b.getRight(), b.getLeft())
                      .filter(names::contains)
                      .ifPresent(nullChecked::add);
                }
              });
      body.findAll(MethodCallExpr.class)
          .forEach(
              call -> {
                if (call.getNameAsString().equals("requireNonNull")
                    && call.getArguments().isNonEmpty()
                    && call.getArgument(0) instanceof NameExpr n
                    && names.contains(n.getNameAsString())) {
                  nullChecked.add(n.getNameAsString());
                  thrown.add("NullPointerException");
                }
              });
    }
    int line =
        callable
            .getName()
            .getRange()
            .map(r -> r.begin.line)
            .orElse(callable.getRange().map(r -> r.begin.line).orElse(1));
    return new TargetMethod(
        pkg,
        typeName,
        name,
        constructor,
        isStatic,
        List.copyOf(params),
        returnType,
        line,
        callable.getRange().map(r -> r.begin.line).orElse(line),
        callable.getRange().map(r -> r.end.line).orElse(line),
        List.copyOf(thrown),
        List.copyOf(ints),
        List.copyOf(doubles),
        List.copyOf(strings),
        List.copyOf(chars),
        Set.copyOf(nullChecked),
        callable.getDeclarationAsString(true, true, true));
  }

  private static boolean negated(Expression literal) {
    return literal
        .getParentNode()
        .filter(p -> p instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.MINUS)
        .isPresent();
  }

  private static Optional<String> nullCheckedName(Expression maybeName, Expression maybeNull) {
    return maybeName instanceof NameExpr n && maybeNull instanceof NullLiteralExpr
        ? Optional.of(n.getNameAsString())
        : Optional.empty();
  }

  static Param param(Parameter p) {
    Type type = p.getType();
    String written = qualified(type.asString(), p);
    if (p.isVarArgs()) {
      written = written + "[]";
      return new Param(p.getNameAsString(), written, Kind.ARRAY, false, qualified(type, p));
    }
    String element = elementOf(type);
    return new Param(
        p.getNameAsString(),
        written,
        kindOf(type),
        type instanceof ClassOrInterfaceType c && BOXES.containsKey(c.getNameAsString()),
        element == null ? null : qualified(element, p));
  }

  private static String qualified(Type type, Node context) {
    return qualified(type.asString(), context);
  }

  /**
   * A type as the generated test, another class of the same package, must write it: a member type
   * of an enclosing type is written through it ({@code Type} in {@code Feedback} becomes {@code
   * Feedback.Type}); the method's own code may name it simply, the test may not.
   */
  static String qualified(String written, Node context) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < written.length()) {
      int end = i;
      while (end < written.length() && Character.isJavaIdentifierPart(written.charAt(end))) {
        end++;
      }
      if (end == i) {
        out.append(written.charAt(i++));
        continue;
      }
      String name = written.substring(i, end);
      boolean scoped = i > 0 && written.charAt(i - 1) == '.';
      out.append(scoped ? name : memberPath(name, context) + name);
      i = end;
    }
    return out.toString();
  }

  /**
   * "Outer.Declaring." when {@code simple} is a member type of a type enclosing {@code context}.
   */
  private static String memberPath(String simple, Node context) {
    List<String> path = new ArrayList<>();
    boolean found = false;
    for (Optional<Node> at = context.getParentNode();
        at.isPresent();
        at = at.get().getParentNode()) {
      if (at.get() instanceof TypeDeclaration<?> enclosing) {
        if (!found
            && enclosing.getMembers().stream()
                .anyMatch(
                    m -> m instanceof TypeDeclaration<?> t && t.getNameAsString().equals(simple))) {
          found = true;
          path.clear();
        }
        path.add(0, enclosing.getNameAsString());
      }
    }
    return found ? String.join(".", path) + "." : "";
  }

  private static Kind kindOf(Type type) {
    if (type instanceof PrimitiveType primitive) {
      return PRIMITIVES.getOrDefault(primitive.asString(), Kind.OTHER);
    }
    if (type instanceof ArrayType) {
      return Kind.ARRAY;
    }
    if (type instanceof ClassOrInterfaceType c) {
      String name = c.getNameAsString();
      if (BOXES.containsKey(name)) {
        return BOXES.get(name);
      }
      return switch (name) {
        case "String", "CharSequence" -> Kind.STRING;
        case "List", "Collection", "Iterable" -> Kind.LIST;
        case "Set" -> Kind.SET;
        case "Map" -> Kind.MAP;
        case "Object" -> Kind.OBJECT;
        default -> Kind.OTHER;
      };
    }
    return Kind.OTHER;
  }

  private static String elementOf(Type type) {
    if (type instanceof ArrayType array) {
      return array.getComponentType().asString();
    }
    if (type instanceof ClassOrInterfaceType c) {
      Optional<NodeList<Type>> args = c.getTypeArguments();
      if (args.isPresent() && args.get().size() == 1) {
        return args.get().get(0).asString();
      }
    }
    return null;
  }

  private static String simpleName(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
