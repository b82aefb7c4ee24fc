package dev.attentive.conventions;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The block structure of a file, line by line, from its lexical view ({@link JavaLines}): brace and
 * parenthesis depth, where statements start, which line a line's indentation is measured from, and
 * every opening brace with the construct it opens. Layout rules learn and check only lines whose
 * place here is certain; a file whose braces or parentheses do not balance is not {@link #clean()}
 * and they say nothing about it.
 */
public final class Structure {

  /** What a brace block holds. */
  public enum Block {
    TOP,
    TYPE,
    ENUM,
    METHOD,
    CONTROL,
    LAMBDA,
    SWITCH,
    INITIALIZER,
    OTHER
  }

  /** How a line's indentation relates to its {@link Shape#reference()} line. */
  public enum Indent {
    /** Not measured: inside parentheses, a continuation, a case label, an initializer ... */
    NONE,
    /** One indentation unit deeper than the reference line (a statement in a block). */
    UNIT,
    /** As deep as the reference line (a closing brace and the line that opened its block). */
    SAME,
    /**
     * A case label: as deep as the other labels of its switch (whose line is the reference); how
     * deep that is varies between codebases, so it is never learned.
     */
    CASE
  }

  /**
   * One line's place in the structure.
   *
   * @param depth braces open at the line's start
   * @param parens parentheses and brackets open at the line's start, counted from the innermost
   *     brace block
   * @param statementStart whether a statement or declaration starts here (the previous code token
   *     ends one: {@code ;}, a brace, a case label, or a line of annotations)
   * @param indent how the indentation is measured, and from which line
   * @param reference the line the indentation is measured from (0 when {@code indent} is NONE)
   * @param block what the innermost block at the line's start holds
   * @param statementFirst the first line of the statement the line belongs to (0 when none)
   * @param firstContinuation whether this is the first continuation line of a wrapped statement
   *     (the statement started on the previous code line)
   * @param alignColumn for a first continuation, the column just after the parenthesis the previous
   *     line left open, or -1
   * @param verbatim whether the line is in a region kept out of the formatter ({@code
   *     // @formatter:off} ... {@code on}, {@code CHECKSTYLE:OFF}, {@code spotless:off}): layout
   *     rules neither learn from nor flag it
   */
  public record Shape(
      int number,
      int depth,
      int parens,
      boolean statementStart,
      Indent indent,
      int reference,
      Block block,
      int statementFirst,
      boolean firstContinuation,
      int alignColumn,
      boolean verbatim) {}

  /** The constructs whose brace placement is a convention. */
  public enum Construct {
    TYPE,
    METHOD,
    CONTROL,
    LAMBDA,
    OTHER
  }

  /**
   * An opening brace of a block (not of an array initializer).
   *
   * @param line where the brace is
   * @param column its index in the line
   * @param construct what it opens
   * @param ownLine whether the brace is the first code on its line (next-line style)
   * @param headerLine the line of the last code before the brace
   * @param statementFirst the first line of the statement the brace belongs to
   * @param inParens whether the block opens inside parentheses (a lambda or anonymous class in an
   *     argument)
   */
  public record Brace(
      int line,
      int column,
      Construct construct,
      boolean ownLine,
      int headerLine,
      int statementFirst,
      boolean inParens) {}

  /**
   * A closing brace followed by {@code else}, {@code catch} or {@code finally}.
   *
   * @param closeLine the line of the closing brace
   * @param keywordLine the line of the keyword (the same line when cuddled)
   */
  public record Cuddle(int closeLine, int keywordLine, String keyword) {}

  private static final Pattern ANNOTATIONS =
      Pattern.compile("\\s*(@(?!interface\\b)[\\w.]+\\s*(\\((?:[^()]|\\([^()]*\\))*\\))?\\s*)+");
  private static final Pattern CASE_LABEL = Pattern.compile("\\s*(case\\b|default\\s*(:|->)).*");

  /** Most characters of a statement's start kept to classify it. */
  private static final int HEADER_CAP = 400;

  private static final Pattern OFF =
      Pattern.compile("@formatter:off|CHECKSTYLE[:.]OFF|spotless:off|format:off");
  private static final Pattern ON =
      Pattern.compile("@formatter:on|CHECKSTYLE[:.]ON|spotless:on|format:on");
  private static final Pattern LABEL = Pattern.compile("\\w+");
  private static final Pattern MODIFIERS =
      Pattern.compile(
          "^((@(?!interface\\b)[\\w.]+(\\s*\\((?:[^()]|\\([^()]*\\))*\\))?"
              + "|(public|protected|private|static|final|abstract|sealed|non-sealed|strictfp|native"
              + "|default|transient|volatile)(?![\\w$-])|synchronized(?![\\w$]|\\s*\\())\\s*)*");
  private static final Pattern SWITCH_EXPRESSION = Pattern.compile("(?s).*\\bswitch\\s*\\(.*\\)");
  private static final Pattern TYPE_HEADER =
      Pattern.compile("(class|interface|enum|record|@\\s*interface)\\b.*", Pattern.DOTALL);
  private static final Pattern CONTROL_HEADER =
      Pattern.compile(
          "(if|else|for|while|do|try|catch|finally|switch|synchronized)\\b.*", Pattern.DOTALL);
  private static final Pattern METHOD_HEADER =
      Pattern.compile(
          "(<.*>\\s*)?([\\w.$]+(<.*>)?(\\[\\s*\\])*\\s+)?[\\w$]+\\s*\\(.*\\)(\\s*\\[\\s*\\])*"
              + "(\\s*throws\\s+[\\w.$<>,\\s]+)?",
          Pattern.DOTALL);

  private final List<Shape> shapes;
  private final List<Brace> braces;
  private final List<Cuddle> cuddles;
  private final boolean clean;

  private Structure(List<Shape> shapes, List<Brace> braces, List<Cuddle> cuddles, boolean clean) {
    this.shapes = List.copyOf(shapes);
    this.braces = List.copyOf(braces);
    this.cuddles = List.copyOf(cuddles);
    this.clean = clean;
  }

  /** Whether braces and parentheses balance and nothing is left open: only then is it read. */
  public boolean clean() {
    return clean;
  }

  /** Line {@code number}'s shape (1-based). */
  public Shape shape(int number) {
    return shapes.get(number - 1);
  }

  /** Whether line {@code number} is in a region kept out of the formatter. */
  public boolean verbatim(int number) {
    return shapes.get(number - 1).verbatim();
  }

  public List<Brace> braces() {
    return braces;
  }

  public List<Cuddle> cuddles() {
    return cuddles;
  }

  private static final class Open {
    final Block kind;
    final int opener;
    final Deque<int[]> savedParenStack;
    final int savedStatementFirst;
    final String savedHeader;
    int caseLine;
    boolean enumConstants;

    Open(Block kind, int opener, Deque<int[]> parenStack, int statementFirst, String header) {
      this.kind = kind;
      this.opener = opener;
      this.savedParenStack = parenStack;
      this.savedStatementFirst = statementFirst;
      this.savedHeader = header;
      this.enumConstants = kind == Block.ENUM;
    }
  }

  static Structure of(List<JavaLines.Line> lines) {
    List<Shape> shapes = new ArrayList<>(lines.size());
    List<Brace> braces = new ArrayList<>();
    List<Cuddle> cuddles = new ArrayList<>();
    Deque<Open> blocks = new ArrayDeque<>();
    Deque<int[]> parenStack = new ArrayDeque<>(); // {line, column} of each open ( or [
    boolean clean = true;
    char last = ';'; // the previous code token's last character; a file starts a statement
    char beforeLast = ';';
    int lastLine = 0; // the line of that token
    boolean afterLabel = false; // the previous code line ended a case label or a label
    boolean afterAnnotations = false; // the previous code line held only annotations
    int statementFirst = 0;
    StringBuilder header = new StringBuilder();
    int pendingClose = 0; // a line whose code ended with a closing brace at statement level
    boolean off = false; // inside a region kept out of the formatter
    boolean bracelessHeaderMeasured = false; // the last `if (...)` without braces was measured
    int lastOn = 0;
    for (JavaLines.Line line : lines) {
      if (ON.matcher(line.text()).find()) {
        lastOn = line.number();
      }
    }

    for (JavaLines.Line line : lines) {
      String code = line.code();
      int first = firstCode(code);
      Open top = blocks.peek();
      Block block = top == null ? Block.TOP : top.kind;
      int parens = parenStack.size();
      int depth = blocks.size();
      if (OFF.matcher(line.text()).find() && line.number() < lastOn) {
        off = true; // (an off that nothing turns on again is a slip, not a region)
      } else if (ON.matcher(line.text()).find()) {
        off = false;
      }
      boolean verbatim = off;
      if (first < 0) {
        shapes.add(
            new Shape(
                line.number(),
                blocks.size(),
                parens,
                false,
                Indent.NONE,
                0,
                block,
                0,
                false,
                -1,
                verbatim));
        continue;
      }
      boolean startsInCode = line.start() == JavaLines.Start.CODE;
      boolean statementStart =
          startsInCode
              && parens == 0
              && (last == ';' || last == '{' || last == '}' || afterLabel || afterAnnotations);
      boolean firstContinuation = false;
      int alignColumn = -1;
      String pending = head(header);
      boolean bodyOfBracelessControl =
          (last == ')' || last == 'e' || last == 'o')
              && CONTROL_HEADER.matcher(MODIFIERS.matcher(pending).replaceFirst("")).matches();
      boolean caseBody = pending.startsWith("case") || pending.startsWith("default");
      if (!statementStart
          && !bodyOfBracelessControl
          && !caseBody
          && startsInCode
          && statementFirst > 0
          && lastLine == statementFirst
          && block != Block.INITIALIZER
          && !(top != null && top.enumConstants)
          && code.charAt(first) != '{') {
        firstContinuation = true;
        int[] paren = parenStack.peek();
        if (paren != null && paren[0] == lastLine) {
          alignColumn = paren[1] + 1;
        }
      }
      if (statementStart) {
        statementFirst = line.number();
        if (!afterAnnotations) {
          header.setLength(0);
        }
      } else if (top != null && top.enumConstants && last == ',' && parens == 0 && startsInCode) {
        statementFirst = line.number(); // the next enum constant (its body indents from it)
        header.setLength(0);
      } else if (bodyOfBracelessControl
          && startsInCode
          && parens == 0
          && code.charAt(first) != '{') {
        // the body of `for (...)` without braces starts a statement whose own block (if any)
        // indents from it; its indentation is not measured (nested brace-less bodies vary)
        bracelessHeaderMeasured =
            statementFirst > 0
                && statementFirst <= shapes.size()
                && shapes.get(statementFirst - 1).indent() == Indent.UNIT;
        statementFirst = line.number();
        header.setLength(0);
      }
      if (pendingClose > 0) {
        String rest = code.substring(first);
        for (String keyword : new String[] {"else", "catch", "finally"}) {
          if (rest.startsWith(keyword)
              && (rest.length() == keyword.length()
                  || !Character.isJavaIdentifierPart(rest.charAt(keyword.length())))) {
            cuddles.add(new Cuddle(pendingClose, line.number(), keyword));
          }
        }
        pendingClose = 0;
      }
      Indent indent = Indent.NONE;
      int reference = 0;
      boolean caseLabel = block == Block.SWITCH && CASE_LABEL.matcher(code).matches();
      if (verbatim) {
        // a region the team keeps out of the formatter: nothing is measured
      } else if (startsInCode && code.charAt(first) == '}' && parens == 0 && top != null) {
        if (top.kind != Block.INITIALIZER && top.opener > 0) {
          indent = Indent.SAME;
          reference = top.opener;
        }
      } else if (caseLabel && statementStart && top != null && top.opener > 0) {
        indent = Indent.CASE;
        reference = top.opener;
      } else if (statementStart
          && top != null
          && !caseLabel
          // the else of a brace-less if is measured only when that if was
          && !(last == ';' && code.startsWith("else", first) && !bracelessHeaderMeasured)) {
        if (top.kind == Block.SWITCH) {
          if (top.caseLine > 0) {
            indent = Indent.UNIT;
            reference = top.caseLine;
          }
        } else if (top.kind != Block.INITIALIZER && top.opener > 0) {
          indent = Indent.UNIT;
          reference = top.opener;
        }
      }
      afterLabel = false;
      afterAnnotations = statementStart && !caseLabel && ANNOTATIONS.matcher(code).matches();

      for (int i = first; i < code.length(); i++) {
        char c = code.charAt(i);
        if (c == ' ' || c == '\t') {
          header.append(' ');
          continue;
        }
        top = blocks.peek();
        switch (c) {
          case '(', '[' -> {
            parenStack.push(new int[] {line.number(), i});
            header.append(c);
          }
          case ')', ']' -> {
            if (parenStack.isEmpty()) {
              clean = false;
            } else {
              parenStack.pop();
            }
            header.append(c);
          }
          case '{' -> {
            boolean inParens = !parenStack.isEmpty();
            Block kind;
            Construct construct;
            String head = head(header);
            if ((top != null && top.kind == Block.INITIALIZER)
                || last == '='
                || last == ']'
                || last == ','
                || last == '('
                || (last == '{' && inParens)) {
              kind = Block.INITIALIZER;
              construct = null;
            } else {
              construct = construct(head, last == '>' && beforeLast == '-', top, inParens);
              kind =
                  switch (construct) {
                    case TYPE -> head.matches("(?s).*\\benum\\b.*") ? Block.ENUM : Block.TYPE;
                    case METHOD -> Block.METHOD;
                    case LAMBDA -> Block.LAMBDA;
                    case CONTROL -> head.startsWith("switch") ? Block.SWITCH : Block.CONTROL;
                    case OTHER ->
                        anonymous(head) || (top != null && top.enumConstants)
                            ? Block.TYPE // an anonymous class or enum constant holds members
                            : SWITCH_EXPRESSION.matcher(head).matches()
                                ? Block.SWITCH
                                : Block.OTHER;
                  };
            }
            // a declaration or control statement indents from its first line (a wrapped header
            // changes nothing); an expression's block (lambda, anonymous class, initializer) and
            // a bare block indent from the line that holds the brace
            // (inside parentheses from the brace's line when that line starts the lambda or
            // anonymous class; an anonymous class or lambda on a continuation line outside
            // parentheses indents from either line, depending on the formatter: not measured)
            int opener;
            if (construct != null
                && construct != Construct.LAMBDA
                && construct != Construct.OTHER
                && !inParens) {
              opener = statementFirst;
            } else if (line.number() == statementFirst || i == first) {
              opener = line.number();
            } else if (inParens
                && (code.substring(0, i).contains("->")
                    || code.substring(0, i).matches(".*\\bnew\\b.*"))) {
              opener = line.number();
            } else {
              opener = 0;
            }
            if (construct != null) {
              braces.add(
                  new Brace(
                      line.number(),
                      i,
                      construct,
                      i == first,
                      i == first ? lastLine : line.number(),
                      statementFirst,
                      inParens));
            }
            blocks.push(new Open(kind, opener, parenStack, statementFirst, header.toString()));
            parenStack = new ArrayDeque<>();
            header.setLength(0);
          }
          case '}' -> {
            if (top == null || !parenStack.isEmpty()) {
              clean = false;
              blocks.poll();
            } else {
              blocks.pop();
              String after = code.substring(i + 1).trim();
              for (String keyword : new String[] {"else", "catch", "finally"}) {
                if (after.matches(keyword + "\\b.*")) {
                  cuddles.add(new Cuddle(line.number(), line.number(), keyword));
                }
              }
              parenStack = top.savedParenStack;
              header.setLength(0);
              if (!parenStack.isEmpty()) {
                // a block inside an expression (lambda, anonymous class): the statement goes on
                statementFirst = top.savedStatementFirst;
                header.append(top.savedHeader).append("{}");
              }
            }
          }
          case ';' -> {
            if (parenStack.isEmpty()) {
              header.setLength(0);
              if (top != null) {
                top.enumConstants = false;
              }
            } else {
              header.append(c);
            }
          }
          case ':' -> {
            String head = head(header);
            if (parenStack.isEmpty()
                && top != null
                && ((top.kind == Block.SWITCH
                        && !head.contains("->")
                        && (head.startsWith("case") || head.equals("default")))
                    || LABEL.matcher(head).matches())
                && !(i + 1 < code.length() && code.charAt(i + 1) == ':')
                && !(i > 0 && code.charAt(i - 1) == ':')) {
              if (top.kind == Block.SWITCH) {
                top.caseLine = statementFirst;
              }
              header.setLength(0);
              if (lastCode(code) == i) {
                afterLabel = true;
              }
            } else {
              header.append(c);
            }
          }
          case '>' -> {
            header.append(c);
            String head = head(header);
            if (i > 0
                && code.charAt(i - 1) == '-'
                && parenStack.isEmpty()
                && top != null
                && top.kind == Block.SWITCH
                && (head.startsWith("case") || head.startsWith("default"))) {
              top.caseLine = statementFirst;
            }
          }
          default -> header.append(c);
        }
        beforeLast = last;
        last = c;
        lastLine = line.number();
      }
      header.append(' ');
      if (header.length() > HEADER_CAP) {
        header.setLength(HEADER_CAP); // its start says what the statement is; keeps this linear
      }
      int end = lastCode(code);
      if (end >= 0 && code.charAt(end) == '}' && parenStack.isEmpty()) {
        pendingClose = line.number();
      }
      shapes.add(
          new Shape(
              line.number(),
              depth,
              parens,
              statementStart,
              indent,
              reference,
              block,
              statementFirst,
              firstContinuation && !verbatim,
              alignColumn,
              verbatim));
    }
    if (!blocks.isEmpty() || !parenStack.isEmpty()) {
      clean = false;
    }
    return new Structure(shapes, braces, cuddles, clean);
  }

  /** What a brace opens, from the code before it in its statement. */
  static Construct construct(String head, boolean arrow, Open enclosing, boolean inParens) {
    if (arrow) {
      return head.startsWith("case") || head.startsWith("default")
          ? Construct.OTHER
          : Construct.LAMBDA;
    }
    if (inParens) {
      return Construct.OTHER;
    }
    String stripped = MODIFIERS.matcher(head).replaceFirst("").trim();
    if (CONTROL_HEADER.matcher(stripped).matches()) {
      return Construct.CONTROL;
    }
    if (TYPE_HEADER.matcher(stripped).matches() && !stripped.contains("=")) {
      return Construct.TYPE;
    }
    if (enclosing != null
        && (enclosing.kind == Block.TYPE || enclosing.kind == Block.ENUM)
        && !enclosing.enumConstants
        && !stripped.contains("=")
        && !stripped.startsWith("new ")
        && !stripped.contains(" new ")
        && stripped.length() <= HEADER_CAP
        && METHOD_HEADER.matcher(stripped).matches()) {
      return Construct.METHOD;
    }
    return Construct.OTHER;
  }

  /** The statement's code so far, whitespace collapsed. */
  private static String head(StringBuilder header) {
    return header.toString().replaceAll("\\s+", " ").trim();
  }

  private static boolean anonymous(String head) {
    return head.startsWith("new ") || head.contains(" new ") || head.contains("(new ");
  }

  private static int firstCode(String code) {
    for (int i = 0; i < code.length(); i++) {
      if (code.charAt(i) != ' ' && code.charAt(i) != '\t') {
        return i;
      }
    }
    return -1;
  }

  private static int lastCode(String code) {
    for (int i = code.length() - 1; i >= 0; i--) {
      if (code.charAt(i) != ' ' && code.charAt(i) != '\t') {
        return i;
      }
    }
    return -1;
  }
}
