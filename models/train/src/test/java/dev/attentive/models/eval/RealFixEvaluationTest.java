package dev.attentive.models.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.models.kinds.BugKind;
import dev.attentive.models.kinds.BugKinds;
import dev.attentive.models.mining.RealFix;
import dev.attentive.models.predict.Finding;
import dev.attentive.models.predict.KindThreshold;
import dev.attentive.models.predict.Posting;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-kind calibration on real correct lines and the numbers taken at a posting rule. */
class RealFixEvaluationTest {

  static final BugKind OPERATOR = kind("binary_operator");
  static final BugKind LITERAL = kind("int_literal");

  static BugKind kind(String id) {
    return BugKinds.ALL.stream().filter(k -> k.id().equals(id)).findFirst().orElseThrow();
  }

  static RealFixEvaluation.Read alarm(BugKind kind, double confidence, double back) {
    return new RealFixEvaluation.Read(
        new Finding(3, "a <= b;", "a < b;", confidence, kind, "<=", "<", List.of()), back);
  }

  static final RealFix FIX =
      new RealFix(
          "acme/widgets",
          "c1",
          "c0",
          "A.java",
          "fix",
          2,
          "x\nif (a <= b) {\n}\n",
          2,
          1,
          List.of("if (a < b) {"));

  /** 2,000 correct release lines: one false alarm per 1,000 allows two per kind. */
  static RealFixEvaluation.Scored validation(List<RealFixEvaluation.Read> release) {
    return new RealFixEvaluation.Scored("validation", List.of(), List.of(), release, 2000, 10);
  }

  @Test
  void eachKindGetsTheLowestThresholdThatKeepsItWithinTheBudget() {
    var scored =
        validation(
            List.of(
                alarm(OPERATOR, 0.95, 0),
                alarm(OPERATOR, 0.9, 0),
                alarm(OPERATOR, 0.85, 0),
                alarm(OPERATOR, 0.7, 0),
                alarm(LITERAL, 0.99, 0),
                alarm(LITERAL, 0.98, 0),
                alarm(LITERAL, 0.97, 0)));

    Map<String, KindThreshold> t = RealFixEvaluation.calibrate(scored, 1, false, (k, x) -> true);

    assertThat(t.get("binary_operator")).isEqualTo(new KindThreshold(0.85, true));
    assertThat(t.get("int_literal")).isEqualTo(new KindThreshold(0.97, true));
    // No alarm at all: the lowest threshold there is.
    assertThat(t.get("variable"))
        .isEqualTo(new KindThreshold(RealFixEvaluation.LOWEST_THRESHOLD, true));
    assertThat(t).hasSize(BugKinds.ALL.size());
  }

  @Test
  void theRoundTripLetsAThresholdGoLowerAndAKindWithoutUsefulRecallIsNotPosted() {
    var scored =
        validation(
            List.of(
                // Read back, the model would repair this one back: noise the round trip drops.
                alarm(OPERATOR, 0.95, 0.96),
                alarm(OPERATOR, 0.9, 0),
                alarm(OPERATOR, 0.85, 0),
                alarm(OPERATOR, 0.7, 0)));

    Map<String, KindThreshold> t =
        RealFixEvaluation.calibrate(scored, 1, true, (k, x) -> !k.equals("variable"));

    assertThat(t.get("binary_operator").threshold()).isEqualTo(0.7);
    assertThat(t.get("variable").posted()).isFalse();
  }

  @Test
  void theReportCountsExactFixesFalseAlarmsAndFixingDiffsWithARepair() {
    var bug =
        new RealFixEvaluation.Bug(
            FIX,
            2,
            "if (a < b) {",
            "binary_operator",
            List.of(
                new RealFixEvaluation.Read(
                    new Finding(
                        2, "if (a <= b) {", "if (a  <  b) {", 0.9, OPERATOR, "<=", "<", List.of()),
                    0)));
    var clean = new RealFixEvaluation.Fixing(FIX, 1, List.of(alarm(LITERAL, 0.9, 0)));
    var quiet = new RealFixEvaluation.Fixing(FIX, 1, List.of());
    var scored =
        new RealFixEvaluation.Scored(
            "test", List.of(bug), List.of(clean, quiet), List.of(alarm(OPERATOR, 0.6, 0)), 998, 1);

    var low = RealFixEvaluation.report(scored, Posting.single(0.5));
    assertThat(low.exact()).isEqualTo(1);
    assertThat(low.expressible()).isEqualTo(1);
    assertThat(low.falseAfter()).isEqualTo(1);
    assertThat(low.falseRelease()).isEqualTo(1);
    assertThat(low.diffsWithRepair()).isEqualTo(1);
    assertThat(low.afterLines() + low.releaseLines()).isEqualTo(1000);

    var muted =
        RealFixEvaluation.report(
            scored,
            new Posting(
                0.5,
                Map.of(
                    "binary_operator", new KindThreshold(0.95, true),
                    "int_literal", new KindThreshold(0.5, false)),
                false));
    assertThat(muted.exact()).isZero();
    assertThat(muted.falseAfter()).isZero();
    assertThat(muted.falseRelease()).isZero();
    assertThat(muted.diffsWithRepair()).isZero();
  }
}
