package dev.attentive.models.serve;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.data.Window;
import dev.attentive.models.data.WindowCutter;
import dev.attentive.events.AttentionProgram;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks at the changed lines of a Java file with the model. Each changed line that holds a place a known bug kind can
 * live is read in its own window, in which it is the "added" line — exactly as in training. A prediction becomes a
 * finding only if it points at a token on that line, its confidence clears the threshold, and the fixed file still
 * parses.
 */
public final class BugFinder {

  private final ReviewModel model;
  private final Vocabulary vocabulary;
  private final RepairClasses classes;
  private final WindowCutter cutter;
  private final JavaLexer lexer = new JavaLexer();
  private final int maxLinesPerFile;

  public BugFinder(ReviewModel model, int maxLinesPerFile) {
    this.model = model;
    this.vocabulary = new Vocabulary(model.info().vocabulary());
    this.classes = new RepairClasses(model.info().repairClasses());
    this.cutter = new WindowCutter(vocabulary, model.info().hyper().maxLength());
    this.maxLinesPerFile = maxLinesPerFile;
  }

  public double threshold() {
    return model.info().threshold();
  }

  private record Candidate(int line, Window window) {}

  /** Findings on {@code addedLines} of {@code source} with confidence above {@code threshold}, best first. */
  public List<Finding> find(String source, Set<Integer> addedLines, AttentionProgram program, double threshold) {
    Optional<LexedFile> lexed = lexer.lex(source);
    if (lexed.isEmpty()) {
      return List.of();
    }
    LexedFile file = lexed.get();
    Map<Integer, List<Integer>> byLine = file.tokensByLine();
    List<Candidate> candidates = new ArrayList<>();
    for (int line : new TreeSet<>(addedLines)) {
      if (candidates.size() >= maxLinesPerFile) {
        break;
      }
      if (!file.sitesByLine().containsKey(line)) {
        continue;
      }
      List<Integer> indices = cutter.select(file, byLine, line, 0);
      if (indices == null) {
        continue;
      }
      List<CodeToken> tokens = indices.stream().map(file.tokens()::get).toList();
      candidates.add(new Candidate(line, cutter.encode(tokens, Set.of(line), file.generated())));
    }
    List<ReviewModel.Input> inputs = candidates.stream()
        .map(c -> ReviewModel.Input.of(c.window().ids(), c.window().features(), program)).toList();
    List<Prediction> predictions = model.predictAll(inputs);
    String[] lines = source.split("\n", -1);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      decode(candidates.get(i), predictions.get(i), lines, threshold).ifPresent(findings::add);
    }
    findings.sort(Comparator.comparingDouble(Finding::confidence).reversed());
    return findings;
  }

  private Optional<Finding> decode(Candidate candidate, Prediction prediction, String[] lines, double threshold) {
    int location = prediction.location();
    if (location == 0) {
      return Optional.empty();
    }
    int repair = prediction.repair();
    double confidence = prediction.locationProbs()[location] * prediction.repairProbs()[repair];
    Window window = candidate.window();
    int tokenIndex = window.tokenAt()[location];
    if (confidence <= threshold || tokenIndex < 0 || window.firstPosition()[tokenIndex] != location) {
      return Optional.empty();
    }
    CodeToken token = window.tokens().get(tokenIndex);
    if (token.line() != candidate.line() || token.endLine() != token.line()) {
      return Optional.empty();
    }
    String original = lines[token.line() - 1];
    Edit edit = edit(window, tokenIndex, repair);
    if (edit == null) {
      return Optional.empty();
    }
    String replacement = edit.apply(original);
    if (replacement == null || replacement.equals(original) || !parsesWith(lines, token.line(), replacement)) {
      return Optional.empty();
    }
    return Optional.of(new Finding(token.line(), original, replacement, confidence, edit.kind(), token.text(),
        edit.fix(), restedOn(prediction, window, location)));
  }

  private boolean parsesWith(String[] lines, int line, String replacement) {
    String[] fixed = lines.clone();
    fixed[line - 1] = replacement;
    return lexer.lex(String.join("\n", fixed)).isPresent();
  }

  /** A change to one line: replace columns [from, to] (1-based, inclusive) with text, or swap two spans. */
  private record Edit(String kind, String fix, int from, int to, String text, int from2, int to2, String text2) {
    String apply(String line) {
      if (to > line.length() || (from2 > 0 && to2 > line.length())) {
        return null;
      }
      if (from2 > 0) {
        // Swap: replace the later span first so the earlier columns stay valid.
        return line.substring(0, from - 1) + text + line.substring(to, from2 - 1) + text2 + line.substring(to2);
      }
      return line.substring(0, from - 1) + text + line.substring(to);
    }
  }

  private Edit edit(Window window, int tokenIndex, int repair) {
    CodeToken token = window.tokens().get(tokenIndex);
    int from = token.column();
    int to = token.endColumn();
    if (repair < classes.size()) {
      String name = classes.name(repair);
      switch (name) {
        case "<", "<=", ">", ">=", "==", "!=", "&&", "||", "+", "-":
          return token.kind() == CodeToken.Kind.OPERATOR && JavaLexer.OPERATOR_SWAPS.get(token.text()) != null
              ? new Edit("operator", name, from, to, name, 0, 0, null) : null;
        case "true", "false":
          return token.kind() == CodeToken.Kind.BOOLEAN ? new Edit("literal", name, from, to, name, 0, 0, null)
              : null;
        case "0", "1":
          return token.kind() == CodeToken.Kind.NUMBER ? new Edit("literal", name, from, to, name, 0, 0, null)
              : null;
        case RepairClasses.LITERAL_PLUS_ONE, RepairClasses.LITERAL_MINUS_ONE: {
          if (token.kind() != CodeToken.Kind.NUMBER || !token.text().matches("[0-9]{1,6}")) {
            return null;
          }
          int value = Integer.parseInt(token.text()) + (name.equals(RepairClasses.LITERAL_PLUS_ONE) ? 1 : -1);
          return value < 0 ? null : new Edit("literal", Integer.toString(value), from, to, Integer.toString(value),
              0, 0, null);
        }
        case RepairClasses.INSERT_NOT:
          return new Edit("negation", "!" + token.text(), from, from - 1, "!", 0, 0, null);
        case RepairClasses.DELETE_TOKEN:
          return token.text().equals("!") ? new Edit("negation", "(no !)", from, to, "", 0, 0, null) : null;
        default:
          if (name.startsWith(RepairClasses.METHOD_PREFIX) && token.kind() == CodeToken.Kind.IDENTIFIER) {
            String method = name.substring(RepairClasses.METHOD_PREFIX.length());
            return new Edit("method", method, from, to, method, 0, 0, null);
          }
          return null;
      }
    }
    int position = repair - classes.size();
    int target = position < window.tokenAt().length ? window.tokenAt()[position] : -1;
    if (target < 0 || target == tokenIndex || token.kind() != CodeToken.Kind.IDENTIFIER) {
      return null;
    }
    CodeToken other = window.tokens().get(target);
    if (other.kind() != CodeToken.Kind.IDENTIFIER || other.text().equals(token.text())) {
      return null;
    }
    if (target == tokenIndex + 2 && window.tokens().get(tokenIndex + 1).text().equals(",")
        && other.line() == token.line()) {
      return new Edit("swap", other.text() + ", " + token.text(), from, to, other.text(), other.column(),
          other.endColumn(), token.text());
    }
    return new Edit("variable", other.text(), from, to, other.text(), 0, 0, null);
  }

  private static List<String> restedOn(Prediction prediction, Window window, int location) {
    float[] row = prediction.attentionFrom(location);
    List<Integer> positions = new ArrayList<>();
    for (int p = 1; p < row.length; p++) {
      if (window.tokenAt()[p] != window.tokenAt()[location]) {
        positions.add(p);
      }
    }
    positions.sort(Comparator.comparingDouble((Integer p) -> row[p]).reversed());
    List<String> tokens = new ArrayList<>();
    for (int p : positions) {
      String text = window.tokens().get(window.tokenAt()[p]).text();
      if (!tokens.contains(text) && text.length() <= 40) {
        tokens.add(text);
      }
      if (tokens.size() == 3) {
        break;
      }
    }
    return tokens;
  }
}
