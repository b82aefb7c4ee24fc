package dev.attentive.models.mining;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.util.Optional;

/**
 * Whether one edit of a Java file lies inside a single statement, before and after: the innermost
 * statement (not a block) that covers the edited lines in each version exists, has the same kind,
 * and the edit touches code, not only comments or blank space.
 */
public final class SingleStatementChange {

  private static final ParserConfiguration CONFIG =
      new ParserConfiguration()
          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)
          .setAttributeComments(false);

  private SingleStatementChange() {}

  /**
   * @param before the file before
   * @param after the file after
   * @param beforeFrom first edited line in {@code before}, 1-based; {@code beforeTo} last
   *     (inclusive; {@code beforeTo < beforeFrom} for an insertion)
   * @return the first line of the enclosing statement in {@code before}, when the edit is one
   *     statement's
   */
  public static Optional<Integer> statementLine(
      String before, String after, int beforeFrom, int beforeTo, int afterFrom, int afterTo) {
    Optional<CompilationUnit> old = parse(before);
    Optional<CompilationUnit> now = parse(after);
    if (old.isEmpty() || now.isEmpty()) {
      return Optional.empty();
    }
    return statementLine(old.get(), now.get(), beforeFrom, beforeTo, afterFrom, afterTo);
  }

  /**
   * The same on files already {@linkplain #parse parsed}: two releases of a file differ in many
   * edits, and each file is parsed once for all of them.
   */
  public static Optional<Integer> statementLine(
      CompilationUnit before,
      CompilationUnit after,
      int beforeFrom,
      int beforeTo,
      int afterFrom,
      int afterTo) {
    Optional<Statement> a = enclosing(before, beforeFrom, beforeTo);
    Optional<Statement> b = enclosing(after, afterFrom, afterTo);
    if (a.isEmpty() || b.isEmpty() || a.get().getClass() != b.get().getClass()) {
      return Optional.empty();
    }
    if (code(a.get()).equals(code(b.get()))) {
      return Optional.empty(); // only comments or layout changed
    }
    if (withoutStrings(a.get()).equals(withoutStrings(b.get()))) {
      return Optional.empty(); // only a message's text changed
    }
    return a.get().getBegin().map(p -> p.line);
  }

  /** The file's syntax tree, when it parses as Java 17. */
  public static Optional<CompilationUnit> parse(String source) {
    ParseResult<CompilationUnit> result = new JavaParser(CONFIG).parse(source);
    return result.isSuccessful() ? result.getResult() : Optional.empty();
  }

  /** The innermost non-block statement whose lines cover {@code from..to}. */
  private static Optional<Statement> enclosing(CompilationUnit unit, int from, int to) {
    Statement best = null;
    for (Statement s : unit.findAll(Statement.class)) {
      if (s instanceof BlockStmt || s.getRange().isEmpty()) {
        continue;
      }
      int begin = s.getRange().get().begin.line;
      int end = s.getRange().get().end.line;
      if (begin <= from && to <= end && (best == null || span(s) < span(best))) {
        best = s;
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    // The edit must be the statement's own, not a whole nested block inside it: a compound
    // statement (if, loop, try) qualifies only when the edit avoids its nested blocks.
    for (Node child : best.getChildNodes()) {
      if (child instanceof BlockStmt block
          && block.getRange().isPresent()
          && block.getRange().get().begin.line < from
          && to < block.getRange().get().end.line) {
        return Optional.empty();
      }
    }
    return Optional.of(best);
  }

  private static String withoutStrings(Statement s) {
    Statement copy = s.clone();
    copy.findAll(com.github.javaparser.ast.expr.StringLiteralExpr.class)
        .forEach(literal -> literal.setString(""));
    copy.findAll(com.github.javaparser.ast.expr.TextBlockLiteralExpr.class)
        .forEach(literal -> literal.setValue(""));
    return code(copy);
  }

  private static int span(Node n) {
    return n.getRange().map(r -> r.end.line - r.begin.line).orElse(Integer.MAX_VALUE);
  }

  /**
   * The statement's code without blank space (comments are not parsed into the tree, so they are
   * not in it either).
   */
  private static String code(Statement s) {
    return s.toString().replaceAll("\\s+", "");
  }
}
