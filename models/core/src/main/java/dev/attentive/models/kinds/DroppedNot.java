package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** A {@code !} left out; the repair inserts one before the flagged token. */
public final class DroppedNot implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.DROP_NOT;
  }

  @Override
  public String rule() {
    return "negation";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    if (!window.get(at).text().equals("!") || at + 1 >= window.size()) {
      return Optional.empty();
    }
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.remove(at);
    // The bug's token is now the negated operand, which took the removed token's index.
    return Optional.of(new Planted(tokens, at, RepairClasses.INSERT_NOT, List.of(), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    if (!RepairClasses.INSERT_NOT.equals(BugKind.className(repair, classes))) {
      return Optional.empty();
    }
    CodeToken token = window.tokens().get(tokenIndex);
    return Optional.of(
        Edit.replace(this, "!" + token.text(), token.column(), token.column() - 1, "!"));
  }

  @Override
  public String describe(String found, String fix) {
    return "a `!` looks missing here: did you mean `" + fix + "`?";
  }
}
