package dev.attentive.models.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Feedback;
import dev.attentive.events.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GuardTest {

  /** Margins of a small set: the global model posts the four over zero (2 right, 2 false). */
  private static List<Guard.Item> items(double shiftOnFalse, double shiftOnRight) {
    List<Guard.Item> items = new ArrayList<>();
    double inf = Double.NEGATIVE_INFINITY;
    items.add(new Guard.Item(1.0, inf, shiftOnRight, true));
    items.add(new Guard.Item(0.5, inf, shiftOnRight, true));
    items.add(new Guard.Item(0.8, inf, shiftOnFalse, false));
    items.add(new Guard.Item(0.2, inf, shiftOnFalse, false));
    items.add(new Guard.Item(-0.5, inf, shiftOnFalse, false));
    items.add(new Guard.Item(-1.0, inf, shiftOnRight, true));
    return items;
  }

  @Test
  void anAdapterThatLowersTheFalseAlarmsIsNoWorse() {
    Guard.Measure m = Guard.measure("set", items(-1.0, 0));
    assertThat(m.globalRecallCount()).isEqualTo(2);
    assertThat(m.globalFalseAlarms()).isEqualTo(2);
    assertThat(m.falseAlarmsAtRecallGlobal()).isEqualTo(1);
    assertThat(m.falseAlarmsAtRecallAdapted()).isEqualTo(0);
    assertThat(m.recallAtFalseAlarmsAdapted()).isEqualTo(3);
    assertThat(m.noWorse()).isTrue();
    assertThat(m.problem()).isNull();
  }

  @Test
  void anAdapterThatRaisesTheFalseAlarmsOverTheRightOnesIsRefused() {
    Guard.Measure m = Guard.measure("set", items(+2.0, 0));
    assertThat(m.falseAlarmsAtRecallAdapted()).isGreaterThan(m.falseAlarmsAtRecallGlobal());
    assertThat(m.recallAtFalseAlarmsAdapted()).isLessThan(m.recallAtFalseAlarmsGlobal());
    assertThat(m.noWorse()).isFalse();
    assertThat(m.problem()).contains("false alarms at the global recall");
  }

  @Test
  void theRoundTripIsCheckedAtTheCut() {
    // Posted at cut 0 only if the repaired line reads under the cut too.
    List<Guard.Item> items =
        List.of(new Guard.Item(1.0, 0.5, 0, true), new Guard.Item(1.0, -0.5, 0, false));
    Guard.Measure m = Guard.measure("set", items);
    assertThat(m.servedPositivesGlobal()).isZero();
    assertThat(m.servedNegativesGlobal()).isEqualTo(1);
    // A cut at 0.5 lets both through: the positive is reachable at one false alarm.
    assertThat(m.recallAtFalseAlarmsGlobal()).isEqualTo(1);
  }

  @Test
  void outcomesAreOnePerCommentTheNewestVerdictNeutralAndRepeatsDropped() {
    Instant t = Instant.parse("2026-11-02T09:00:00Z");
    List<Feedback> feedback =
        List.of(
            feedback("o/r", 1, "f1", Feedback.Type.IGNORED, "model/operator", t),
            feedback("o/r", 1, "f1", Feedback.Type.THUMBS_UP, "model/operator", t.plusSeconds(5)),
            feedback("o/r", 1, "f1", Feedback.Type.THUMBS_UP, "model/operator", t.plusSeconds(5)),
            feedback("o/r", 1, "f2", Feedback.Type.REPLY, "model/operator", t),
            feedback("o/r", 2, "f3", Feedback.Type.THUMBS_DOWN, "style/LineLength", t),
            feedback("o/other", 2, "f4", Feedback.Type.THUMBS_DOWN, "model/literal", t),
            feedback(
                "o/r",
                3,
                "f5",
                Feedback.Type.RESOLVED_WITHOUT_CHANGE,
                "model/literal",
                t.minusSeconds(9)));
    List<Outcome> outcomes = Outcome.of("o/r", feedback);
    assertThat(outcomes).extracting(Outcome::rule).containsExactly("literal", "operator");
    assertThat(outcomes).extracting(Outcome::accepted).containsExactly(false, true);
  }

  static Feedback feedback(
      String repo, int pr, String fingerprint, Feedback.Type type, String rule, Instant at) {
    return new Feedback(
        Feedback.SCHEMA_VERSION,
        Feedback.outcomeId(repo, pr, fingerprint, type, "someone"),
        repo,
        pr,
        type,
        fingerprint,
        rule,
        rule.substring(0, rule.indexOf('/')),
        "attentive-v1",
        0.9,
        Suggestion.Kind.REPAIR,
        "src/main/java/A.java",
        3,
        7,
        null,
        "someone",
        null,
        at);
  }
}
