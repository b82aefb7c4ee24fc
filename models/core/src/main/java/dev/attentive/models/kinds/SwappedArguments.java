package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Two neighbouring arguments of a call in the wrong order; the repair points from the first at the
 * second.
 */
public final class SwappedArguments implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.SWAP_ARGUMENTS;
  }

  @Override
  public String rule() {
    return "swap";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    if (other < 0) {
      return Optional.empty();
    }
    CodeToken first = window.get(at);
    CodeToken second = window.get(other);
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.set(at, first.withText(second.text()));
    tokens.set(other, second.withText(first.text()));
    return Optional.of(new Planted(tokens, at, null, List.of(other), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    int target = Pointers.target(window, tokenIndex, repair, classes);
    if (target < 0 || !Pointers.nextArgument(window, tokenIndex, target)) {
      return Optional.empty();
    }
    CodeToken token = window.tokens().get(tokenIndex);
    CodeToken other = window.tokens().get(target);
    return Optional.of(
        new Edit(
            this,
            other.text() + ", " + token.text(),
            token.column(),
            token.endColumn(),
            other.text(),
            other.column(),
            other.endColumn(),
            token.text()));
  }

  @Override
  public String describe(String found, String fix) {
    return "the arguments look swapped; did you mean `" + fix + "`?";
  }
}
