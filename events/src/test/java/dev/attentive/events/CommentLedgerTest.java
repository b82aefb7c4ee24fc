package dev.attentive.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The publisher's ledger as it is stored: whole, and every outcome id kept once. */
class CommentLedgerTest {

  static CommentLedger.Entry entry(long commentId) {
    return new CommentLedger.Entry(
        commentId,
        "fp-" + commentId,
        "style/LineLength",
        "style",
        null,
        0.7,
        Suggestion.Kind.STYLE,
        "src/A.java",
        5,
        6,
        6,
        "  int a;",
        "a".repeat(40),
        "b".repeat(40),
        "PRRT_kw1",
        CommentLedger.State.OPEN);
  }

  @Test
  void itReadsBackAsItWasWritten() {
    CommentLedger ledger =
        CommentLedger.empty("o/r", 3)
            .withEntries(List.of(entry(11), entry(12)))
            .withHead("b".repeat(40), Instant.parse("2026-11-02T09:00:00Z"))
            .withOutcomes(List.of("o/r#3/fp-11/APPLIED"));
    JsonSerde<CommentLedger> serde = EventSerdes.commentLedger();

    assertThat(serde.deserialize("t", serde.serialize("t", ledger))).isEqualTo(ledger);
  }

  @Test
  void outcomeIdsAreKeptOnceAndCommentsFoundByTheirId() {
    CommentLedger ledger =
        CommentLedger.empty("o/r", 3)
            .withEntries(List.of(entry(11), entry(0)))
            .withOutcomes(List.of("x", "y", "x"))
            .withOutcomes(List.of("y", "z"));

    assertThat(ledger.outcomes()).containsExactly("x", "y", "z");
    assertThat(ledger.entry(11).fingerprint()).isEqualTo("fp-11");
    assertThat(ledger.entry(0)).as("a comment whose id was never read back").isNull();
    assertThat(ledger.entry(99)).isNull();
    assertThat(entry(11).at("src/B.java", 1, 2, null).anchored()).isFalse();
  }
}
