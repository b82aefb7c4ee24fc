package dev.attentive.models.data;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.JavaLexer;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plants exactly one single-statement bug of a ManySStuBs4J-like kind into the tokens of a window and says where it
 * is and what repairs it.
 */
public final class BugInjector {

  /** The bug: the window's tokens with it planted, the bug's token, and the repair (class or pointer tokens). */
  public record Planted(List<CodeToken> tokens, int bugToken, String repairClass, List<Integer> pointerTokens,
      MutationSite.Kind kind) {}

  private final RepairClasses classes;
  private final Map<String, List<String>> receiverMethods;

  public BugInjector(RepairClasses classes, Map<String, List<String>> receiverMethods) {
    this.classes = classes;
    this.receiverMethods = receiverMethods;
  }

  /**
   * Plants a bug at {@code site}, whose token is {@code at} in {@code window}; null when that site cannot take one
   * here (no alternative name in the window, literal out of range, ...).
   */
  public Planted plant(List<CodeToken> window, MutationSite site, int at, int other, Random random) {
    CodeToken token = window.get(at);
    List<CodeToken> tokens = new ArrayList<>(window);
    String text = token.text();
    switch (site.kind()) {
      case BINARY_OPERATOR: {
        String swapped = JavaLexer.OPERATOR_SWAPS.get(text);
        if (swapped == null) {
          return null;
        }
        tokens.set(at, token.withText(swapped));
        return new Planted(tokens, at, text, List.of(), site.kind());
      }
      case INT_LITERAL: {
        int value = Integer.parseInt(text);
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
        tokens.set(at, token.withText(Integer.toString(buggy)));
        return new Planted(tokens, at, repair, List.of(), site.kind());
      }
      case BOOLEAN_LITERAL: {
        tokens.set(at, token.withText(text.equals("true") ? "false" : "true"));
        return new Planted(tokens, at, text, List.of(), site.kind());
      }
      case VARIABLE: {
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
          return null;
        }
        List<String> choices = new ArrayList<>(others);
        tokens.set(at, token.withText(choices.get(random.nextInt(choices.size()))));
        return new Planted(tokens, at, null, sameName, site.kind());
      }
      case SWAP_ARGUMENTS: {
        if (other < 0) {
          return null;
        }
        CodeToken second = window.get(other);
        tokens.set(at, token.withText(second.text()));
        tokens.set(other, second.withText(text));
        return new Planted(tokens, at, null, List.of(other), site.kind());
      }
      case DROP_NOT: {
        if (!text.equals("!") || at + 1 >= window.size()) {
          return null;
        }
        tokens.remove(at);
        return new Planted(tokens, at, RepairClasses.INSERT_NOT, List.of(), site.kind());
      }
      case ADD_NOT: {
        tokens.add(at, new CodeToken(CodeToken.Kind.OPERATOR, "!", token.line(), token.column(), token.line(),
            token.column(), false));
        return new Planted(tokens, at, RepairClasses.DELETE_TOKEN, List.of(), site.kind());
      }
      case METHOD_NAME: {
        if (at < 2 || !classes.hasMethod(text)) {
          return null;
        }
        List<String> seen = receiverMethods.get(window.get(at - 2).text());
        if (seen == null) {
          return null;
        }
        List<String> choices = new ArrayList<>();
        for (String m : seen) {
          if (!m.equals(text) && classes.hasMethod(m)) {
            choices.add(m);
          }
        }
        if (choices.isEmpty()) {
          return null;
        }
        tokens.set(at, token.withText(choices.get(random.nextInt(choices.size()))));
        return new Planted(tokens, at, RepairClasses.METHOD_PREFIX + text, List.of(), site.kind());
      }
      default:
        return null;
    }
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
}
