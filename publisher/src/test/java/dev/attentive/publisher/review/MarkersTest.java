package dev.attentive.publisher.review;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import org.junit.jupiter.api.Test;

class MarkersTest {

  @Test
  void markersRoundTrip() {
    String summary =
        "text "
            + Markers.fingerprint("fp-1")
            + "\n- x "
            + Markers.fingerprint("a1b2c3")
            + "\n\n"
            + Markers.delivery("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    assertThat(Markers.fingerprints(summary)).containsExactly("fp-1", "a1b2c3");
    assertThat(Markers.deliveries(summary)).containsExactly("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    assertThat(Markers.fingerprints(null)).isEmpty();
  }

  @Test
  void aCommentsFingerprintIsTheMarkerAtItsEnd() {
    assertThat(Markers.trailingFingerprint("body\n\n<!-- attentive:fp=abc -->")).hasValue("abc");
    assertThat(Markers.trailingFingerprint("body\n\n<!-- attentive:fp=abc -->\n  "))
        .hasValue("abc");
    assertThat(Markers.trailingFingerprint("<!-- attentive:fp=abc --> then more text")).isEmpty();
    assertThat(Markers.trailingFingerprint("a human's comment")).isEmpty();
    assertThat(Markers.trailingFingerprint(null)).isEmpty();
  }

  @Test
  void idsAMarkerCannotCarryAreHashedTheSameWayEveryTime() {
    assertThat(Markers.delivery("a b -->"))
        .isEqualTo(Markers.delivery("a b -->"))
        .matches("<!-- attentive:delivery=[0-9a-f]{20} -->");
    Suggestion odd =
        new Suggestion(
            Kind.STYLE, "A.java", 1, 1, Severity.INFO, 0.5, "m", null, "s/r", "has space");
    assertThat(Markers.fingerprintOf(odd)).matches("[0-9a-f]{20}").isNotEqualTo("has space");
    Suggestion none =
        new Suggestion(
            Kind.STYLE, "A.java", 1, 1, Severity.INFO, 0.5, "message", null, "s/r", null);
    assertThat(Markers.fingerprintOf(none))
        .isEqualTo(Suggestion.fingerprint("A.java", "s/r", "message"));
    Suggestion normal =
        new Suggestion(Kind.STYLE, "A.java", 1, 1, Severity.INFO, 0.5, "m", null, "s/r", "0a1b");
    assertThat(Markers.fingerprintOf(normal)).isEqualTo("0a1b");
  }

  @Test
  void neutraliseDefusesCommentOpeners() {
    assertThat(Markers.neutralise("a <!-- b")).isEqualTo("a &lt;!-- b");
    assertThat(Markers.neutralise(null)).isEmpty();
  }
}
