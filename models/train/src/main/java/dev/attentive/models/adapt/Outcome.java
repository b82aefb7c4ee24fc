package dev.attentive.models.adapt;

import dev.attentive.events.Feedback;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the team made of one posted model comment, the unit a fine-tune fits on: the comment's rule,
 * the model's confidence when posted, its file, and the newest verdict it got.
 *
 * @param comment {@code <repository>#<pr>/<fingerprint>}
 * @param rule the model rule ({@code model/<rule>} without the prefix: {@code operator}, ...)
 * @param at the time of the verdict (held-back outcomes are the newest)
 */
public record Outcome(
    String comment, String rule, double confidence, String path, boolean accepted, Instant at) {

  /** The rule id prefix of the model's comments. */
  public static final String MODEL_RULE = "model/";

  /**
   * The outcomes of {@code repository}'s model comments, oldest first: repeats (same {@link
   * Feedback#id()}) dropped, neutral feedback and other analyzers' ignored, and per comment the
   * newest accepting or rejecting verdict kept (a 👍 after an ignore at merge is the team's last
   * word).
   */
  public static List<Outcome> of(String repository, List<Feedback> feedback) {
    Map<String, Feedback> unique = new LinkedHashMap<>();
    for (Feedback f : feedback) {
      if (f != null
          && f.id() != null
          && repository.equals(f.repository())
          && f.type() != null
          && f.type().verdict() != Feedback.Verdict.NEUTRAL
          && f.ruleId() != null
          && f.ruleId().startsWith(MODEL_RULE)
          && f.at() != null) {
        unique.putIfAbsent(f.id(), f);
      }
    }
    Map<String, Feedback> newest = new LinkedHashMap<>();
    for (Feedback f : unique.values()) {
      String comment = f.repository() + "#" + f.pullRequestNumber() + "/" + f.fingerprint();
      newest.merge(comment, f, (a, b) -> b.at().isAfter(a.at()) ? b : a);
    }
    List<Outcome> outcomes = new ArrayList<>();
    newest.forEach(
        (comment, f) ->
            outcomes.add(
                new Outcome(
                    comment,
                    f.ruleId().substring(MODEL_RULE.length()),
                    f.confidence(),
                    f.path(),
                    f.type().verdict() == Feedback.Verdict.ACCEPTED,
                    f.at())));
    outcomes.sort(Comparator.comparing(Outcome::at).thenComparing(Outcome::comment));
    return outcomes;
  }
}
