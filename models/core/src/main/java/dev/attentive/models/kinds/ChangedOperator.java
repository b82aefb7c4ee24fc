package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A binary operator changed for its partner ({@code <} for {@code <=}, {@code &&} for {@code ||},
 * ...).
 */
public final class ChangedOperator implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.BINARY_OPERATOR;
  }

  @Override
  public String rule() {
    return "operator";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    CodeToken token = window.get(at);
    String swapped = JavaLexer.OPERATOR_SWAPS.get(token.text());
    if (swapped == null) {
      return Optional.empty();
    }
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.set(at, token.withText(swapped));
    return Optional.of(new Planted(tokens, at, token.text(), List.of(), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    String name = BugKind.className(repair, classes);
    if (name == null || !JavaLexer.OPERATOR_SWAPS.containsKey(name)) {
      return Optional.empty();
    }
    CodeToken token = window.tokens().get(tokenIndex);
    if (token.kind() != CodeToken.Kind.OPERATOR
        || !JavaLexer.OPERATOR_SWAPS.containsKey(token.text())) {
      return Optional.empty();
    }
    return Optional.of(Edit.replace(this, name, token.column(), token.endColumn(), name));
  }
}
