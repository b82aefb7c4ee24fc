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
 * Another method called on the same receiver ({@code list.size()} for {@code list.isEmpty()}):
 * planted only between methods the training corpus calls on a receiver of that name, and both among
 * the repair classes.
 */
public final class WrongMethod implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.METHOD_NAME;
  }

  @Override
  public String rule() {
    return "method";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    CodeToken token = window.get(at);
    String text = token.text();
    if (at < 2 || !context.classes().hasMethod(text)) {
      return Optional.empty();
    }
    List<String> seen = context.receiverMethods().get(window.get(at - 2).text());
    if (seen == null) {
      return Optional.empty();
    }
    List<String> choices = new ArrayList<>();
    for (String m : seen) {
      if (!m.equals(text) && context.classes().hasMethod(m)) {
        choices.add(m);
      }
    }
    if (choices.isEmpty()) {
      return Optional.empty();
    }
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.set(at, token.withText(choices.get(random.nextInt(choices.size()))));
    return Optional.of(
        new Planted(tokens, at, RepairClasses.METHOD_PREFIX + text, List.of(), site()));
  }

  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    String name = BugKind.className(repair, classes);
    CodeToken token = window.tokens().get(tokenIndex);
    if (name == null
        || !name.startsWith(RepairClasses.METHOD_PREFIX)
        || token.kind() != CodeToken.Kind.IDENTIFIER) {
      return Optional.empty();
    }
    String method = name.substring(RepairClasses.METHOD_PREFIX.length());
    return Optional.of(Edit.replace(this, method, token.column(), token.endColumn(), method));
  }
}
