package dev.attentive.ingest.profile;

import java.time.Instant;

/**
 * What the profile processor remembers per repository: the commit its last profile was learned at,
 * and when. Kept in the state store as {@code "<sha> <learnedAt>"}.
 */
record LearnedProfile(String sha, Instant learnedAt) {

  String encode() {
    return sha + " " + learnedAt;
  }

  /** The stored value, or null when there is none (or it cannot be read: then it is relearned). */
  static LearnedProfile decode(String stored) {
    if (stored == null) {
      return null;
    }
    int space = stored.indexOf(' ');
    try {
      return space < 0
          ? null
          : new LearnedProfile(
              stored.substring(0, space), Instant.parse(stored.substring(space + 1)));
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }
}
