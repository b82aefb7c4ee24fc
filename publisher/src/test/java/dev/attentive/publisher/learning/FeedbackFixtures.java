package dev.attentive.publisher.learning;

import dev.attentive.events.Feedback;
import dev.attentive.events.Suggestion;
import java.time.Instant;

/** Feedback records as the publisher's outcomes and ingest's rule commands write them. */
final class FeedbackFixtures {

  static final String REPO = "octo-shop/cart";
  static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

  private FeedbackFixtures() {}

  /** An outcome on comment {@code n} of PR 7 for the rule, {@code n} days after {@link #T0}. */
  static Feedback outcome(String rule, Feedback.Type type, int n) {
    String fingerprint = "fp" + rule.hashCode() + "-" + n;
    return new Feedback(
        Feedback.SCHEMA_VERSION,
        Feedback.outcomeId(REPO, 7, fingerprint, type, "bob"),
        REPO,
        7,
        type,
        fingerprint,
        rule,
        rule.startsWith("model/") ? "model" : "style",
        rule.startsWith("model/") ? "v1" : null,
        0.8,
        rule.startsWith("model/") ? Suggestion.Kind.REPAIR : Suggestion.Kind.STYLE,
        "src/main/java/com/shop/Cart.java",
        10 + n,
        1000L + n,
        null,
        "bob",
        null,
        T0.plusSeconds(86_400L * n));
  }

  /** {@code /attentive ignore <rule>} or {@code unignore}, delivery {@code id}. */
  static Feedback command(String rule, Feedback.Type type, String id) {
    return new Feedback(
        Feedback.SCHEMA_VERSION,
        id,
        REPO,
        7,
        type,
        null,
        rule,
        null,
        null,
        0,
        null,
        null,
        0,
        0,
        null,
        "alice",
        rule,
        T0);
  }
}
