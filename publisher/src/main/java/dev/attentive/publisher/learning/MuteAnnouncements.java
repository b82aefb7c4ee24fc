package dev.attentive.publisher.learning;

import dev.attentive.events.EventSerdes;
import dev.attentive.events.Feedback;
import dev.attentive.events.RepositoryLearning;
import dev.attentive.events.RepositoryLearning.RuleStats;
import dev.attentive.events.Review;
import dev.attentive.events.Topics;
import dev.attentive.publisher.review.ReviewPlan;
import dev.attentive.publisher.review.ReviewPlanner;
import dev.attentive.streams.Sink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The once-only announcement of a muted rule: after a review whose summary said the bar muted a
 * rule, the publisher writes a {@link Feedback.Type#MUTE_ANNOUNCED} feedback (in the transaction
 * that consumes the review), which the learner folds into {@code announced}. Until that learning
 * comes back through the global table, this instance remembers what it announced, so the reviews in
 * between do not say it again.
 */
public final class MuteAnnouncements {

  /** The publish processor's own sink node for {@link Topics#FEEDBACK}. */
  public static final Sink<Feedback> FEEDBACK =
      Sink.toTopic(Topics.FEEDBACK, EventSerdes.feedback()).viaNode("mute-announcements");

  private final Set<String> announced = ConcurrentHashMap.newKeySet();

  /** The id of the announcement of one mute: {@code <repository>/mute/<rule>/<mutedAt>}. */
  public static String id(String repository, String ruleId, Instant mutedAt) {
    return repository + "/mute/" + ruleId + "/" + mutedAt;
  }

  /** The learning with the mutes this instance has already announced marked as announced. */
  public RepositoryLearning pending(RepositoryLearning learning) {
    if (learning == null) {
      return null;
    }
    Map<String, RuleStats> rules = new HashMap<>(learning.rules());
    boolean changed = false;
    for (ReviewPlan.Muted m : ReviewPlanner.newlyMuted(learning)) {
      if (announced.contains(id(learning.repository(), m.ruleId(), m.stats().mutedAt()))) {
        RuleStats s = m.stats();
        rules.put(
            m.ruleId(),
            new RuleStats(
                s.accepted(), s.rejected(), s.neutral(), true, s.mutedAt(), true, s.lastAt()));
        changed = true;
      }
    }
    return changed
        ? new RepositoryLearning(
            learning.schemaVersion(),
            learning.repository(),
            rules,
            learning.ignored(),
            learning.kindThresholds(),
            learning.feedbackIds(),
            learning.updatedAt())
        : learning;
  }

  /**
   * The announcements a posted review made (its summary listed every newly muted rule of the
   * learning it was planned with), remembered here.
   */
  public List<Feedback> announce(Review review, RepositoryLearning learning, Instant at) {
    List<Feedback> feedback = new ArrayList<>();
    for (ReviewPlan.Muted m : ReviewPlanner.newlyMuted(learning)) {
      String id = id(review.repository(), m.ruleId(), m.stats().mutedAt());
      announced.add(id);
      feedback.add(
          new Feedback(
              Feedback.SCHEMA_VERSION,
              id,
              review.repository(),
              review.pullRequestNumber(),
              Feedback.Type.MUTE_ANNOUNCED,
              null,
              m.ruleId(),
              null,
              null,
              m.stats().acceptance(),
              null,
              null,
              0,
              0,
              review.headSha(),
              null,
              null,
              at));
    }
    return feedback;
  }
}
