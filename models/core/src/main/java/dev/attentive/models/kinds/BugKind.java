package dev.attentive.models.kinds;

import dev.attentive.models.code.CodeToken;
import dev.attentive.models.code.MutationSite;
import dev.attentive.models.code.RepairClasses;
import dev.attentive.models.code.Window;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;

/**
 * One kind of single-statement bug, all in one class: how training plants it into a window, how
 * serving turns the model's repair back into an edit of the line, and how a review describes that
 * edit. {@link BugKinds#ALL} lists them.
 */
public interface BugKind {

  /** The kind of mutation site this bug is planted at. */
  MutationSite.Kind site();

  /**
   * The kind's name in data and in {@code attentive-model.json} ({@code binary_operator}, ...): the
   * site's name in lower case, as the dataset labels planted examples.
   */
  default String id() {
    return site().name().toLowerCase(Locale.ROOT);
  }

  /**
   * What a finding of this kind is called, the rule id's last part ({@code model/operator}); kinds
   * may share one.
   */
  String rule();

  /**
   * Plants the bug at token {@code at} of {@code window} ({@code other}: the site's second token,
   * or -1); empty when it cannot go there (no other name in the window, a literal out of range,
   * ...).
   */
  Optional<Planted> plant(
      List<CodeToken> window, int at, int other, Random random, PlantingContext context);

  /**
   * The edit that makes {@code repair} (a repair class id, or the class count plus a position for a
   * pointer) at token {@code tokenIndex} of {@code window}; empty when that repair is not this
   * kind's or does not fit the token.
   */
  Optional<Edit> decode(Window window, int tokenIndex, int repair, RepairClasses classes);

  /** The review's sentence for a finding: the flagged token and the fix the edit puts there. */
  default String describe(String found, String fix) {
    return "`" + found + "` here looks wrong; did you mean `" + fix + "`?";
  }

  /** The repair class a class repair names, or null for a pointer. */
  static String className(int repair, RepairClasses classes) {
    return repair < classes.size() ? classes.name(repair) : null;
  }
}
