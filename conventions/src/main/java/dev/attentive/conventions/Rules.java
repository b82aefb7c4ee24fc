package dev.attentive.conventions;

import dev.attentive.conventions.rules.TrailingWhitespace;
import java.util.List;

/**
 * Every convention Attentive learns and enforces, in priority order: where two rules flag the same
 * line, the earlier one's comment is posted.
 */
public final class Rules {

  private Rules() {}

  public static List<ConventionRule> all() {
    return List.of(new TrailingWhitespace());
  }
}
