package dev.attentive.models.eval;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.kinds.Edit;
import dev.attentive.models.predict.ModelInfo;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which fixes the model's repair vocabulary can express: every repair the repair head could name at
 * every token of a line (in the window serving cuts for it), decoded and applied as serving would.
 */
public final class RepairSpace {

  private final RepairClasses classes;
  private final WindowCutter cutter;
  private final JavaLexer lexer = new JavaLexer();

  public RepairSpace(ModelInfo info) {
    this.classes = new RepairClasses(info.repairClasses());
    this.cutter = new WindowCutter(new Vocabulary(info.vocabulary()), info.hyper().maxLength());
  }

  /** The kind whose repair turns {@code line} of {@code source} into {@code fixed}, if any. */
  public Optional<BugKind> expressing(String source, int line, String fixed) {
    Optional<LexedFile> lexed = lexer.lex(source);
    if (lexed.isEmpty()) {
      return Optional.empty();
    }
    LexedFile file = lexed.get();
    Map<Integer, List<Integer>> byLine = file.tokensByLine();
    List<Integer> indices = cutter.select(file, byLine, line, 0);
    if (indices == null || !file.sitesByLine().containsKey(line)) {
      return Optional.empty();
    }
    List<CodeToken> tokens = indices.stream().map(file.tokens()::get).toList();
    Window window = cutter.encode(tokens, Set.of(line), file.generated());
    String original = source.split("\n", -1)[line - 1];
    String want = RealFixEvaluation.normalised(fixed);
    for (int t = 0; t < tokens.size(); t++) {
      CodeToken token = tokens.get(t);
      if (token.line() != line || token.endLine() != line) {
        continue;
      }
      for (int repair = 0; repair < classes.size() + window.length(); repair++) {
        for (BugKind kind : BugKinds.ALL) {
          Optional<Edit> edit = kind.decode(window, t, repair, classes);
          if (edit.isPresent()) {
            String made = edit.get().apply(original);
            if (made != null && RealFixEvaluation.normalised(made).equals(want)) {
              return Optional.of(kind);
            }
          }
        }
      }
    }
    return Optional.empty();
  }
}
