package dev.attentive.models.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.LexedFile;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Vocabulary;
import dev.attentive.models.code.Window;
import dev.attentive.models.code.WindowCutter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A bug kind's round trip: planted into a correct file it gives exactly the buggy file's tokens;
 * decoded on the buggy file at the planted token with the planted repair (what a perfect model
 * would answer), its edit gives back the correct line.
 */
final class RoundTrip {

  static final RepairClasses CLASSES = RepairClasses.withMethods(List.of("isEmpty", "size"));
  static final PlantingContext CONTEXT = new PlantingContext(CLASSES, Map.of());
  private static final JavaLexer LEXER = new JavaLexer();

  private RoundTrip() {}

  /** The registered kind of this class (the one serving decodes with). */
  static BugKind kind(Class<? extends BugKind> type) {
    return BugKinds.ALL.stream().filter(type::isInstance).findFirst().orElseThrow();
  }

  /** Plants {@code kind} at its site on {@code line} whose token reads {@code siteToken}. */
  static Planted plant(
      BugKind kind,
      String correct,
      String buggy,
      int line,
      String siteToken,
      PlantingContext context,
      Random random) {
    LexedFile file = LEXER.lex(correct).orElseThrow();
    MutationSite site =
        file.sitesByLine().getOrDefault(line, List.of()).stream()
            .filter(
                s ->
                    s.kind() == kind.site()
                        && file.tokens().get(s.token()).text().equals(siteToken))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no " + kind.site() + " site at " + siteToken));
    Planted planted =
        kind.plant(file.tokens(), site.token(), site.other(), random, context).orElseThrow();
    assertThat(planted.kind()).isEqualTo(kind.site());
    assertThat(texts(planted.tokens())).isEqualTo(texts(LEXER.lex(buggy).orElseThrow().tokens()));
    return planted;
  }

  /**
   * Decodes the planted repair on the buggy file as serving does and returns the line with the edit
   * made.
   */
  static String repair(BugKind kind, String buggy, Planted planted, int line) {
    LexedFile file = LEXER.lex(buggy).orElseThrow();
    Window window =
        new WindowCutter(
                new Vocabulary(List.of(Vocabulary.PAD, Vocabulary.CLS, Vocabulary.UNKNOWN)), 1024)
            .encode(file.tokens(), Set.of(line), false);
    int repair =
        planted.repairClass() != null
            ? CLASSES.id(planted.repairClass())
            : CLASSES.size() + window.firstPosition()[planted.pointerTokens().get(0)];
    assertThat(repair).isNotNegative();
    Edit edit = kind.decode(window, planted.bugToken(), repair, CLASSES).orElseThrow();
    assertThat(edit.kind()).isSameAs(kind);
    assertThat(BugKinds.decode(window, planted.bugToken(), repair, CLASSES)).contains(edit);
    return edit.apply(buggy.split("\n", -1)[line - 1]);
  }

  static String line(String source, int line) {
    return source.split("\n", -1)[line - 1];
  }

  private static List<String> texts(List<CodeToken> tokens) {
    return tokens.stream().map(CodeToken::text).toList();
  }
}
