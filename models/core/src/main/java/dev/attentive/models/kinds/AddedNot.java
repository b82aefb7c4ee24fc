package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** A condition negated by mistake; the repair deletes the {@code !}. */
public final class AddedNot implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.ADD_NOT;
  }

  @Override
  public String rule() {
    return "negation";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    CodeToken token = window.get(at);
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.add(
        at,
        new CodeToken(
            CodeToken.Kind.OPERATOR,
            "!",
            token.line(),
            token.column(),
            token.line(),
            token.column(),
            false));
    return Optional.of(new Planted(tokens, at, RepairClasses.DELETE_TOKEN, List.of(), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    CodeToken token = window.tokens().get(tokenIndex);
    if (!RepairClasses.DELETE_TOKEN.equals(BugKind.className(repair, classes))
        || !token.text().equals("!")) {
      return Optional.empty();
    }
    return Optional.of(Edit.replace(this, "(no !)", token.column(), token.endColumn(), ""));
  }

  @Override
  public String describe(String found, String fix) {
    return "this `!` looks wrong; did you mean it without the negation?";
  }
}
