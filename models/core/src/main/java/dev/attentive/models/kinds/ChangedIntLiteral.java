package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** An integer literal off by one, or 0 and 1 confused. */
public final class ChangedIntLiteral implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.INT_LITERAL;
  }

  @Override
  public String rule() {
    return "literal";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    CodeToken token = window.get(at);
    int value = Integer.parseInt(token.text());
    String repair;
    int buggy;
    if (value == 0) {
      buggy = 1;
      repair = "0";
    } else if (value == 1 && random.nextBoolean()) {
      buggy = 0;
      repair = "1";
    } else if (random.nextBoolean()) {
      buggy = value + 1;
      repair = RepairClasses.LITERAL_MINUS_ONE;
    } else {
      buggy = value - 1;
      repair = RepairClasses.LITERAL_PLUS_ONE;
    }
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.set(at, token.withText(Integer.toString(buggy)));
    return Optional.of(new Planted(tokens, at, repair, List.of(), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    String name = BugKind.className(repair, classes);
    CodeToken token = window.tokens().get(tokenIndex);
    if (name == null || token.kind() != CodeToken.Kind.NUMBER) {
      return Optional.empty();
    }
    switch (name) {
      case "0", "1":
        return Optional.of(Edit.replace(this, name, token.column(), token.endColumn(), name));
      case RepairClasses.LITERAL_PLUS_ONE, RepairClasses.LITERAL_MINUS_ONE:
        {
          if (!token.text().matches("[0-9]{1,6}")) {
            return Optional.empty();
          }
          int value =
              Integer.parseInt(token.text())
                  + (name.equals(RepairClasses.LITERAL_PLUS_ONE) ? 1 : -1);
          return value < 0
              ? Optional.empty()
              : Optional.of(
                  Edit.replace(
                      this,
                      Integer.toString(value),
                      token.column(),
                      token.endColumn(),
                      Integer.toString(value)));
        }
      default:
        return Optional.empty();
    }
  }
}
