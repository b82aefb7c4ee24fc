package dev.attentive.publisher.review;

import static dev.attentive.publisher.review.Fixtures.MARKERS;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attentive.events.Suggestion;
import dev.attentive.events.Suggestion.Kind;
import dev.attentive.events.Suggestion.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarkersTest {

  @Test
  void markersRoundTrip() {
    String summary =
        "text "
            + MARKERS.fingerprint("fp-1")
            + "\n- x "
            + MARKERS.fingerprint("a1b2c3")
            + "\n\n"
            + MARKERS.delivery("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    assertThat(MARKERS.fingerprints(summary)).containsExactly("fp-1", "a1b2c3");
    assertThat(MARKERS.deliveries(summary)).containsExactly("72d3162e-cc78-11e3-81ab-4c9367dc0958");
    assertThat(MARKERS.fingerprints(null)).isEmpty();
  }

  @Test
  void aCommentsFingerprintIsTheMarkerAtItsEnd() {
    assertThat(MARKERS.trailingFingerprint("body\n\n<!-- attentive:fp=abc -->")).hasValue("abc");
    assertThat(MARKERS.trailingFingerprint("body\n\n<!-- attentive:fp=abc -->\n  "))
        .hasValue("abc");
    assertThat(MARKERS.trailingFingerprint("<!-- attentive:fp=abc --> then more text")).isEmpty();
    assertThat(MARKERS.trailingFingerprint("a human's comment")).isEmpty();
    assertThat(MARKERS.trailingFingerprint(null)).isEmpty();
  }

  @Test
  void idsAMarkerCannotCarryAreHashedTheSameWayEveryTime() {
    assertThat(MARKERS.delivery("a b -->"))
        .isEqualTo(MARKERS.delivery("a b -->"))
        .matches("<!-- attentive:delivery=[0-9a-f]{20} mac=[0-9a-f]{32} -->");
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
  void textDefusesCommentOpenersCodeSpansAndLinks() {
    assertThat(MarkdownText.inline("a <!-- b")).isEqualTo("a &lt;!-- b");
    assertThat(MarkdownText.inline(null)).isEmpty();
    assertThat(MarkdownText.inline("see [here](https://evil.example) ![i](x) \\ <b>"))
        .isEqualTo("see \\[here\\](https://evil.example) !\\[i\\](x) \\\\ &lt;b>");
    // code spans the text closes itself stay; a lone backtick cannot open one
    assertThat(MarkdownText.inline("`x` may be null; `` a`b `` too"))
        .isEqualTo("`x` may be null; `` a`b `` too");
    assertThat(MarkdownText.inline("a ` b ``")).isEqualTo("a \\` b \\`\\`");
    assertThat(MarkdownText.inline("`<!-- attentive:fp=a -->` [x]"))
        .doesNotContain("<!--")
        .doesNotContain("-->")
        .endsWith("` \\[x\\]");
  }

  @Test
  void blocksKeepFencedCodeAndTheReviewersFoldsButNothingElse() {
    String message =
        "Add <b>this</b> [test](https://x):\n<details><summary>T.java</summary>\n\n```java\n"
            + "List<String> a = b[0]; // <!-- attentive:fp=abc -->\n```\n</details>";
    assertThat(MarkdownText.block(message))
        .isEqualTo(
            "Add &lt;b>this&lt;/b> \\[test\\](https://x):\n<details><summary>T.java</summary>\n\n"
                + "```java\nList<String> a = b[0]; // <!-\u200B- attentive:fp=abc --\u200B>\n```\n"
                + "</details>");
    // a fence left open is closed, so it cannot take in the marker after the message
    assertThat(MarkdownText.block("a\n~~~~\ncode")).isEqualTo("a\n~~~~\ncode\n~~~~");
    assertThat(MarkdownText.oneLine(" a\n  <i>b</i> ")).isEqualTo("a &lt;i>b&lt;/i>");
  }

  @Test
  void codeSpansCannotBeClosedEarlyNorHoldACommentOpener() {
    assertThat(MarkdownText.code("src/A.java:12")).isEqualTo("`src/A.java:12`");
    assertThat(MarkdownText.code("a`b")).isEqualTo("``a`b``");
    assertThat(MarkdownText.code("`a``")).isEqualTo("``` `a`` ```");
    assertThat(MarkdownText.code("x<!-- attentive:fp=abc -->y"))
        .doesNotContain("<!--")
        .doesNotContain("-->")
        .isEqualTo("`x<!-\u200B- attentive:fp=abc --\u200B>y`");
    assertThat(MarkdownText.code("two\nlines")).isEqualTo("`two lines`");
  }

  @Test
  void onlyMarkersWithTheRightMacAreBelieved() {
    List<String> rejected = new ArrayList<>();
    Markers markers =
        new Markers("test-marker-secret-0123456789".getBytes(UTF_8), true, rejected::add);
    Markers other = new Markers("another-deployment-secret".getBytes(UTF_8), true, rejected::add);
    assertThat(MARKERS.fingerprint("fp-1")).matches("<!-- attentive:fp=fp-1 mac=[0-9a-f]{32} -->");

    String forged = other.fingerprint("fp-1") + " " + other.delivery("d-1");
    assertThat(markers.fingerprints(forged)).isEmpty();
    assertThat(markers.deliveries(forged)).isEmpty();
    assertThat(markers.trailingFingerprint("x\n\n" + other.fingerprint("fp-1"))).isEmpty();
    assertThat(markers.configProblemsIn(other.configProblems("h"))).isEmpty();
    // a MAC of one marker does not fit another value or kind
    String moved = MARKERS.fingerprint("fp-1").replace("fp=fp-1", "fp=fp-2");
    String kind = MARKERS.fingerprint("d-1").replace("attentive:fp=", "attentive:delivery=");
    assertThat(markers.fingerprints(moved)).isEmpty();
    assertThat(markers.deliveries(kind)).isEmpty();
    assertThat(rejected).hasSize(6).containsOnly(Markers.BAD_MAC);

    assertThat(markers.fingerprints(MARKERS.fingerprint("fp-1"))).containsExactly("fp-1");
    assertThat(markers.configProblemsIn(MARKERS.configProblems("h"))).containsExactly("h");
  }

  @Test
  void unsignedMarkersCountOnlyWhileAccepted() {
    List<String> rejected = new ArrayList<>();
    Markers strict =
        new Markers("test-marker-secret-0123456789".getBytes(UTF_8), false, rejected::add);
    String old = "x <!-- attentive:fp=a --> <!-- attentive:delivery=d -->";
    assertThat(MARKERS.fingerprints(old)).containsExactly("a");
    assertThat(MARKERS.deliveries(old)).containsExactly("d");
    assertThat(strict.fingerprints(old)).isEmpty();
    assertThat(strict.deliveries(old)).isEmpty();
    assertThat(strict.trailingFingerprint("x <!-- attentive:fp=a -->")).isEmpty();
    assertThat(rejected).containsExactly(Markers.UNSIGNED, Markers.UNSIGNED, Markers.UNSIGNED);
  }

  @Test
  void theSecretMustNotBeShort() {
    assertThatThrownBy(() -> new Markers("short".getBytes(UTF_8), true, r -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
