package dev.attentive.models.predict;

import dev.attentive.events.AttentionProgram;
import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.DeclaredTypes;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.kinds.Edit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Looks at the changed lines of a Java file with the model. Each changed line that holds a place a
 * known bug kind can live is read in its own window, in which it is the "added" line — exactly as
 * in training. A prediction becomes a finding only if it points at a token on that line, its
 * confidence clears the threshold, and the fixed file still parses.
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

  /**
   * Findings on {@code addedLines} of {@code source} with confidence above {@code threshold}, best
   * first (one threshold for every kind, no round trip).
   */
  public List<Finding> find(
      String source, Set<Integer> addedLines, AttentionProgram program, double threshold) {
    return find(source, addedLines, program, Posting.single(threshold));
  }

  /**
   * Findings on {@code addedLines} of {@code source} that {@code posting} lets through, best first:
   * above their kind's threshold, and with the round trip on, the repaired line read clean.
   */
  public List<Finding> find(
      String source, Set<Integer> addedLines, AttentionProgram program, Posting posting) {
    List<Finding> findings = new ArrayList<>();
    for (Finding f : scan(source, addedLines, program, posting.lowest())) {
      OptionalDouble threshold = posting.thresholdOf(f.kind());
      if (threshold.isPresent() && f.confidence() > threshold.getAsDouble()) {
        findings.add(f);
      }
    }
    if (posting.roundTrip() && !findings.isEmpty()) {
      double[] back = reread(source, findings, program);
      List<Finding> kept = new ArrayList<>();
      for (int i = 0; i < findings.size(); i++) {
        if (back[i] <= posting.thresholdOf(findings.get(i).kind()).getAsDouble()) {
          kept.add(findings.get(i));
        }
      }
      findings = kept;
    }
    findings.sort(Comparator.comparingDouble(Finding::confidence).reversed());
    return findings;
  }

  /**
   * Every finding the model makes on {@code addedLines} with confidence above {@code floor}
   * (evaluation sweeps thresholds over these), in line order. The floor spares the parse of the
   * repaired file for predictions that no threshold would post.
   */
  public List<Finding> scan(
      String source, Set<Integer> addedLines, AttentionProgram program, double floor) {
    Optional<LexedFile> lexed = lexer.lex(source);
    if (lexed.isEmpty()) {
      return List.of();
    }
    List<Candidate> candidates = candidates(lexed.get(), addedLines);
    List<Prediction> predictions = model.predictAll(inputs(candidates, program));
    String[] lines = source.split("\n", -1);
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < candidates.size(); i++) {
      decode(candidates.get(i), predictions.get(i), lines, floor).ifPresent(findings::add);
    }
    return findings;
  }

  /**
   * The round trip: for each finding of {@code source}, the confidence of the finding the model
   * makes reading its repaired line (the file with the repair made, that line as the added one); 0
   * when it calls the repaired line clean.
   */
  public double[] reread(String source, List<Finding> findings, AttentionProgram program) {
    String[] lines = source.split("\n", -1);
    double[] back = new double[findings.size()];
    List<Integer> read = new ArrayList<>();
    List<Candidate> candidates = new ArrayList<>();
    List<String[]> repaired = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Finding f = findings.get(i);
      String[] fixed = lines.clone();
      fixed[f.line() - 1] = f.replacement();
      Optional<LexedFile> lexed = lexer.lex(String.join("\n", fixed));
      if (lexed.isEmpty()) {
        continue;
      }
      List<Candidate> one = candidates(lexed.get(), Set.of(f.line()));
      if (!one.isEmpty()) {
        read.add(i);
        candidates.add(one.get(0));
        repaired.add(fixed);
      }
    }
    List<Prediction> predictions = model.predictAll(inputs(candidates, program));
    for (int c = 0; c < candidates.size(); c++) {
      back[read.get(c)] =
          decode(candidates.get(c), predictions.get(c), repaired.get(c), 0)
              .map(Finding::confidence)
              .orElse(0.0);
    }
    return back;
  }

  private List<Candidate> candidates(LexedFile file, Set<Integer> addedLines) {
    Map<Integer, List<Integer>> byLine = file.tokensByLine();
    DeclaredTypes declared = DeclaredTypes.of(file);
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
      candidates.add(
          new Candidate(line, cutter.encode(tokens, Set.of(line), file.generated(), declared)));
    }
    return candidates;
  }

  private static List<ReviewModel.Input> inputs(
      List<Candidate> candidates, AttentionProgram program) {
    return candidates.stream()
        .map(
            c ->
                ReviewModel.Input.of(
                    c.window().ids(), c.window().features(), c.window().types(), program))
        .toList();
  }

  private Optional<Finding> decode(
      Candidate candidate, Prediction prediction, String[] lines, double floor) {
    int location = prediction.location();
    if (location == 0) {
      return Optional.empty();
    }
    double confidence = prediction.confidence();
    Window window = candidate.window();
    int tokenIndex = window.tokenAt()[location];
    if (confidence <= floor || tokenIndex < 0 || window.firstPosition()[tokenIndex] != location) {
      return Optional.empty();
    }
    CodeToken token = window.tokens().get(tokenIndex);
    if (token.line() != candidate.line() || token.endLine() != token.line()) {
      return Optional.empty();
    }
    String original = lines[token.line() - 1];
    Optional<Edit> decoded = BugKinds.decode(window, tokenIndex, prediction.repair(), classes);
    if (decoded.isEmpty()) {
      return Optional.empty();
    }
    Edit edit = decoded.get();
    if (edit.kind().site() == MutationSite.Kind.INT_LITERAL
        && ConstantDefinitions.definesConstant(original)) {
      return Optional.empty();
    }
    String replacement = edit.apply(original);
    if (replacement == null
        || replacement.equals(original)
        || !parsesWith(lines, token.line(), replacement)) {
      return Optional.empty();
    }
    return Optional.of(
        new Finding(
            token.line(),
            original,
            replacement,
            confidence,
            edit.kind(),
            token.text(),
            edit.fix(),
            restedOn(prediction, window, location)));
  }

  private boolean parsesWith(String[] lines, int line, String replacement) {
    String[] fixed = lines.clone();
    fixed[line - 1] = replacement;
    return lexer.lex(String.join("\n", fixed)).isPresent();
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
