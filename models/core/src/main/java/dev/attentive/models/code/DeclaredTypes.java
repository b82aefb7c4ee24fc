package dev.attentive.models.code;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The declared types of a file's variables, fields and parameters, read from its tokens: a name
 * whose previous token is a type ({@code int}, {@code Foo}, {@code List<Foo>}, {@code Foo[]}) and
 * whose next token ends a declarator ({@code = ; , ) :}). Wrong-variable bugs are two thirds of the
 * bug kinds and cannot be judged without types; the reviewer sees the whole changed file, so
 * declarations in the same file are what it can know. A name declared more than once takes the
 * nearest declaration above the line it is used on (else the first below).
 *
 * <p>The model reads a type as one of {@link #BUCKETS} ids (0: no type known): the type's simple
 * name, generics dropped, {@code []} kept, hashed.
 */
public final class DeclaredTypes {

  /** Type ids the model embeds: 0 is "no declared type", the rest hashed simple names. */
  public static final int BUCKETS = 1024;

  /** No types at all: every token reads 0. */
  public static final DeclaredTypes NONE = new DeclaredTypes(Map.of());

  private static final Set<String> PRIMITIVES =
      Set.of("int", "long", "short", "byte", "char", "boolean", "float", "double", "var");
  private static final Set<String> DECLARATOR_ENDS = Set.of("=", ";", ",", ")", ":");

  private record Declaration(int line, String type) {}

  private final Map<String, List<Declaration>> byName;

  private DeclaredTypes(Map<String, List<Declaration>> byName) {
    this.byName = byName;
  }

  public static DeclaredTypes of(LexedFile file) {
    return of(file.tokens());
  }

  public static DeclaredTypes of(List<CodeToken> tokens) {
    Map<String, List<Declaration>> byName = new HashMap<>();
    List<CodeToken> code = new ArrayList<>(tokens.size());
    for (CodeToken t : tokens) {
      if (t.kind() != CodeToken.Kind.COMMENT) {
        code.add(t);
      }
    }
    for (int i = 1; i + 1 < code.size(); i++) {
      CodeToken name = code.get(i);
      if (name.kind() != CodeToken.Kind.IDENTIFIER
          || name.inImport()
          || !DECLARATOR_ENDS.contains(code.get(i + 1).text())) {
        continue;
      }
      String type = typeBefore(code, i - 1);
      if (type != null) {
        byName
            .computeIfAbsent(name.text(), n -> new ArrayList<>())
            .add(new Declaration(name.line(), type));
      }
    }
    return new DeclaredTypes(byName);
  }

  /** The type ending at {@code end} (its simple name, {@code []} kept), or null when none does. */
  private static String typeBefore(List<CodeToken> code, int end) {
    String arrays = "";
    int i = end;
    while (i >= 1 && code.get(i).text().equals("]") && code.get(i - 1).text().equals("[")) {
      arrays += "[]";
      i -= 2;
    }
    if (i >= 0 && code.get(i).text().matches(">{1,3}")) {
      int depth = 0;
      for (; i >= 0; i--) {
        String text = code.get(i).text();
        if (text.matches(">{1,3}")) {
          depth += text.length();
        } else if (text.equals("<")) {
          depth--;
          if (depth == 0) {
            break;
          }
        } else if (text.equals(";") || text.equals("{") || text.equals("}")) {
          return null;
        }
      }
      i--;
    }
    if (i < 0) {
      return null;
    }
    CodeToken type = code.get(i);
    boolean primitive =
        type.kind() == CodeToken.Kind.KEYWORD && PRIMITIVES.contains(type.text())
            || type.text().equals("var");
    boolean named =
        type.kind() == CodeToken.Kind.IDENTIFIER && Character.isUpperCase(type.text().charAt(0));
    if (!primitive && !named) {
      return null;
    }
    // "new Foo(...)" and "(Foo) x" are not declarations; "Foo x" after a dot is a qualified type.
    if (i >= 1 && code.get(i - 1).text().equals("new")) {
      return null;
    }
    return type.text() + arrays;
  }

  /** The declared type of {@code name} as used on {@code line}, or null when not declared here. */
  public String typeOf(String name, int line) {
    List<Declaration> declarations = byName.get(name);
    if (declarations == null) {
      return null;
    }
    Declaration best = null;
    for (Declaration d : declarations) {
      if (d.line() <= line && (best == null || d.line() > best.line())) {
        best = d;
      }
    }
    return (best != null ? best : declarations.get(0)).type();
  }

  /** The model's id for the declared type of {@code token}: 0 when it has none. */
  public int idOf(CodeToken token) {
    if (token.kind() != CodeToken.Kind.IDENTIFIER) {
      return 0;
    }
    String type = typeOf(token.text(), token.line());
    return type == null ? 0 : bucket(type);
  }

  /** A type's id: 1 + its name's hash over the other buckets, stable across JVMs. */
  public static int bucket(String type) {
    int hash = 0;
    for (int c = 0; c < type.length(); c++) {
      hash = 31 * hash + type.charAt(c);
    }
    return 1 + Math.floorMod(hash, BUCKETS - 1);
  }
}
