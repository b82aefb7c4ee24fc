package dev.attentive.events;

import java.time.Instant;

/**
 * What became of one comment Attentive posted (or a team's explicit word on a rule), exactly once
 * per (comment, type) — {@link #id()} is that identity, so a consumer can drop repeats. Written by
 * the publisher (outcomes) and by ingest (the {@code ignore}/{@code unignore} commands) to {@link
 * Topics#FEEDBACK}, keyed by repository ({@code owner/name}) so everything a repository taught
 * Attentive is on one partition, in order.
 *
 * @param id stable identity: {@code <repository>#<pr>/<fingerprint>/<type>} for outcomes (a
 *     thumbs-down by two people is one per person: the actor is appended), the command's delivery
 *     id for rule commands
 * @param fingerprint the suggestion's fingerprint; null for rule commands
 * @param ruleId the style rule's id, {@code model/<kind>}, {@code tests/...}
 * @param analyzer the analyzer that made the suggestion ({@code style}, {@code model}, {@code
 *     tests}, ...)
 * @param modelVersion the model's version for model suggestions, else null
 * @param confidence the suggestion's confidence when posted
 * @param kind the suggestion's kind (REPAIR, STYLE, TEST); null for rule commands
 * @param path the file the comment was on
 * @param line the comment's line on the head it was posted on
 * @param commentId GitHub's id of the posted comment; 0 for rule commands
 * @param commit for APPLIED / FIXED_OTHERWISE: the head that contains the change; for IGNORED the
 *     merged head
 * @param actor who did it (the reactor, replier, resolver, commander); null when nobody did
 * @param text reply text, or the command's arguments
 * @param at the payload's time
 */
public record Feedback(
    int schemaVersion,
    String id,
    String repository,
    int pullRequestNumber,
    Type type,
    String fingerprint,
    String ruleId,
    String analyzer,
    String modelVersion,
    double confidence,
    Suggestion.Kind kind,
    String path,
    int line,
    long commentId,
    String commit,
    String actor,
    String text,
    Instant at)
    implements Versioned {

  public static final int SCHEMA_VERSION = 1;

  public enum Type {
    /** A later head has the suggested replacement at that place (or GitHub's commit suggestion). */
    APPLIED(Verdict.ACCEPTED),
    /** The flagged line changed or disappeared in a later push, not as suggested. */
    FIXED_OTHERWISE(Verdict.ACCEPTED),
    /** 👍 on the comment. */
    THUMBS_UP(Verdict.ACCEPTED),
    /** 👎 on the comment. */
    THUMBS_DOWN(Verdict.REJECTED),
    /** A person resolved the thread with the line unchanged. */
    RESOLVED_WITHOUT_CHANGE(Verdict.REJECTED),
    /** The PR merged with the line unchanged and the thread open. */
    IGNORED(Verdict.REJECTED),
    /** A person opened a resolved thread again. */
    UNRESOLVED(Verdict.NEUTRAL),
    /** A person replied to the comment; the text is kept, the reply alone judges nothing. */
    REPLY(Verdict.NEUTRAL),
    /** {@code /attentive ignore <rule>}: the rule is not posted inline in this repository. */
    RULE_IGNORED(Verdict.NEUTRAL),
    /**
     * {@code /attentive unignore <rule>}: the rule is back, and its learned rejections forgotten.
     */
    RULE_UNIGNORED(Verdict.NEUTRAL),
    /**
     * A review summary said that the bar muted the rule (written by the publisher, id {@code
     * <repository>/mute/<rule>/<mutedAt>}), so later reviews do not say it again.
     */
    MUTE_ANNOUNCED(Verdict.NEUTRAL);

    private final Verdict verdict;

    Type(Verdict verdict) {
      this.verdict = verdict;
    }

    public Verdict verdict() {
      return verdict;
    }
  }

  /** What an outcome says about the suggestion. */
  public enum Verdict {
    ACCEPTED,
    REJECTED,
    NEUTRAL
  }

  /** The identity of an outcome on a posted comment (see {@link #id()}). */
  public static String outcomeId(
      String repository, int pullRequestNumber, String fingerprint, Type type, String actor) {
    String id = repository + "#" + pullRequestNumber + "/" + fingerprint + "/" + type;
    return type == Type.THUMBS_UP || type == Type.THUMBS_DOWN || type == Type.REPLY
        ? id + "/" + actor
        : id;
  }
}
