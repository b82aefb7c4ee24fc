package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Another variable of the window used where one was meant. The repair is a pointer to the right
 * name elsewhere in the window, so it is planted only when that name occurs again there.
 */
public final class WrongVariable implements BugKind {

  @Override
  public MutationSite.Kind site() {
    return MutationSite.Kind.VARIABLE;
  }

  @Override
  public String rule() {
    return "variable";
  }

  @Override
  public Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context) {
    CodeToken token = window.get(at);
    String text = token.text();
    List<Integer> sameName = new ArrayList<>();
    Set<String> others = new TreeSet<>();
    for (int i = 0; i < window.size(); i++) {
      CodeToken t = window.get(i);
      if (t.kind() != CodeToken.Kind.IDENTIFIER || i == at) {
        continue;
      }
      if (t.text().equals(text)) {
        sameName.add(i);
      } else if (variableLike(window, i)) {
        others.add(t.text());
      }
    }
    if (sameName.isEmpty() || others.isEmpty()) {
      return Optional.empty();
    }
    List<String> choices = new ArrayList<>(others);
    List<CodeToken> tokens = new ArrayList<>(window);
    tokens.set(at, token.withText(choices.get(random.nextInt(choices.size()))));
    return Optional.of(new Planted(tokens, at, null, sameName, site()));
  }

  /** A lower-case identifier that is not a method name or a member access. */
  static boolean variableLike(List<CodeToken> tokens, int i) {
    String text = tokens.get(i).text();
    if (!Character.isLowerCase(text.charAt(0))) {
      return false;
    }
    if (i > 0 && tokens.get(i - 1).text().equals(".")) {
      return false;
    }
    return i + 1 >= tokens.size() || !tokens.get(i + 1).text().equals("(");
  }

  /** A pointer to another name, unless that name is the next argument: that repair is a swap. */
  @Override
  public Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes) {
    int target = Pointers.target(window, tokenIndex, repair, classes);
    if (target < 0 || Pointers.nextArgument(window, tokenIndex, target)) {
      return Optional.empty();
    }
    CodeToken token = window.tokens().get(tokenIndex);
    String name = window.tokens().get(target).text();
    return Optional.of(Edit.replace(this, name, token.column(), token.endColumn(), name));
  }
}
