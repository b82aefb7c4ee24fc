package dev.attentive.models.data;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.DeclaredTypes;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import dev.attentive.models.eval.RealFixEvaluation;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.kinds.Edit;
import dev.attentive.models.mining.RealFix;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Training windows from real fixes (issue 13, part 2), cut exactly as the reviewer cuts a changed
 * line ({@code BugFinder}: the line as the "added" one, no slack): the <b>buggy line</b> of each
 * fix whose developer's repair some kind can express, labelled with that repair; the <b>after-fix
 * lines</b>, correct code that looks like a bug was just there (hard negatives, location 0); and
 * <b>release lines</b> of the same file, sampled. Planted bugs stay the bulk of the data; these
 * teach what real bugs and real correct changes look like.
 *
 * @param buggyRepeat copies of each real buggy window (there are few: dozens against 100,000
 *     planted)
 * @param afterFixRepeat copies of each after-fix window
 * @param releaseLinesPerFix release lines sampled from each fix's file
 */
public record RealFixExamples(
    int buggyRepeat, int afterFixRepeat, int releaseLinesPerFix, long seed) {

  /** What was made, for the run's record. */
  public record Made(List<Example> examples, Map<String, Integer> counts) {}

  public Made from(
      List<RealFix> fixes, List<String> vocabulary, List<String> repairClasses, int maxLength) {
    WindowCutter cutter = new WindowCutter(new Vocabulary(vocabulary), maxLength);
    RepairClasses classes = new RepairClasses(repairClasses);
    JavaLexer lexer = new JavaLexer();
    Random random = new Random(seed);
    List<Example> out = new ArrayList<>();
    Map<String, Integer> counts = new TreeMap<>();
    for (RealFix fix : fixes) {
      String library = "real:" + fix.source();
      Optional<LexedFile> before = lexer.lex(fix.before());
      if (before.isEmpty()) {
        counts.merge("unlexable", 1, Integer::sum);
        continue;
      }
      DeclaredTypes beforeTypes = DeclaredTypes.of(before.get());
      if (fix.removedLines() == 1 && fix.added().size() == 1) {
        Example buggy = buggy(before.get(), beforeTypes, fix, cutter, classes, library);
        if (buggy != null) {
          counts.merge("buggy." + buggy.kind(), 1, Integer::sum);
          for (int i = 0; i < buggyRepeat; i++) {
            out.add(buggy);
          }
        } else {
          counts.merge("inexpressible", 1, Integer::sum);
        }
      }
      Optional<LexedFile> after = lexer.lex(fix.after());
      if (after.isPresent()) {
        DeclaredTypes afterTypes = DeclaredTypes.of(after.get());
        for (int i = 0; i < fix.added().size(); i++) {
          Example clean = clean(after.get(), afterTypes, fix.line() + i, cutter, library);
          if (clean != null) {
            counts.merge("afterFix", 1, Integer::sum);
            for (int r = 0; r < afterFixRepeat; r++) {
              out.add(clean);
            }
          }
        }
      }
      List<Integer> lines = new ArrayList<>(before.get().sitesByLine().keySet());
      lines.removeIf(l -> l >= fix.line() && l < fix.line() + fix.removedLines());
      Collections.shuffle(lines, random);
      int taken = 0;
      for (int line : lines) {
        if (taken >= releaseLinesPerFix) {
          break;
        }
        Example clean = clean(before.get(), beforeTypes, line, cutter, library);
        if (clean != null) {
          out.add(clean);
          taken++;
        }
      }
      counts.merge("release", taken, Integer::sum);
    }
    Collections.shuffle(out, random);
    return new Made(out, counts);
  }

  private static Example clean(
      LexedFile file, DeclaredTypes types, int line, WindowCutter cutter, String library) {
    if (!file.sitesByLine().containsKey(line)) {
      return null;
    }
    List<Integer> indices = cutter.select(file, file.tokensByLine(), line, 0);
    if (indices == null) {
      return null;
    }
    List<CodeToken> tokens = indices.stream().map(file.tokens()::get).toList();
    Window window = cutter.encode(tokens, Set.of(line), file.generated(), types);
    return new Example(
        window.ids(), window.features(), 0, new int[0], "clean", library, window.types());
  }

  /** The buggy line labelled with the first token whose repairs make the developer's line. */
  private static Example buggy(
      LexedFile file,
      DeclaredTypes types,
      RealFix fix,
      WindowCutter cutter,
      RepairClasses classes,
      String library) {
    int line = fix.line();
    if (!file.sitesByLine().containsKey(line)) {
      return null;
    }
    List<Integer> indices = cutter.select(file, file.tokensByLine(), line, 0);
    if (indices == null) {
      return null;
    }
    List<CodeToken> tokens = indices.stream().map(file.tokens()::get).toList();
    Window window = cutter.encode(tokens, Set.of(line), file.generated(), types);
    String original = fix.removed().get(0);
    String want = RealFixEvaluation.normalised(fix.added().get(0));
    for (int t = 0; t < tokens.size(); t++) {
      CodeToken token = tokens.get(t);
      if (token.line() != line || token.endLine() != line) {
        continue;
      }
      Set<Integer> repairs = new LinkedHashSet<>();
      BugKind kind = null;
      for (int repair = 0; repair < classes.size() + window.length(); repair++) {
        for (BugKind k : BugKinds.ALL) {
          Optional<Edit> edit = k.decode(window, t, repair, classes);
          if (edit.isPresent()) {
            String made = edit.get().apply(original);
            if (made != null && RealFixEvaluation.normalised(made).equals(want)) {
              repairs.add(repair);
              kind = kind == null ? k : kind;
            }
          }
        }
      }
      int location = window.firstPosition()[t];
      if (!repairs.isEmpty() && location > 0) {
        return new Example(
            window.ids(),
            window.features(),
            location,
            repairs.stream().mapToInt(Integer::intValue).toArray(),
            "real_" + kind.id(),
            library,
            window.types());
      }
    }
    return null;
  }
}
