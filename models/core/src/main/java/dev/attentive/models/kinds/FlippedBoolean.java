package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** {@code true} where {@code false} was meant, or the other way round. */
public final class FlippedBoolean implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.BOOLEAN_LITERAL;
  }

  @Override
  public String rule() {
    return "literal";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    CodeToken token = window.get(at);
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.set(at, token.withText(token.text().equals("true") ? "false" : "true"));
    return Optional.of(new Planted(tokens, at, token.text(), List.of(), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    String name = BugKind.className(repair, classes);
    CodeToken token = window.tokens().get(tokenIndex);
    if (!("true".equals(name) || "false".equals(name)) || token.kind() != CodeToken.Kind.BOOLEAN) {
      return Optional.empty();
    }
    return Optional.of(Edit.replace(this, name, token.column(), token.endColumn(), name));
  }
}
