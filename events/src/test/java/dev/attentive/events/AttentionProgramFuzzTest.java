package dev.attentive.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * Attention programs fuzzed (issue 16): any text or JSON tree gives a program whose biases are in
 * [-8, 8] or the mask, with known selectors, or an {@link IllegalArgumentException} saying what is
 * wrong.
 */
class AttentionProgramFuzzTest {

  private static final Duration LIMIT = Duration.ofSeconds(5);
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Set<String> SELECTORS =
      Set.of(
          "added",
          "context",
          "comment",
          "import",
          "literal",
          "identifier",
          "keyword",
          "operator",
          "separator",
          "generated",
          "all");

  @Property(tries = 300)
  void anyTextGivesASaneProgramOrAClearError(@ForAll("programText") String text) {
    try {
      sane(assertTimeoutPreemptively(LIMIT, () -> AttentionProgram.parse(text)));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  @Property(tries = 500)
  void anyJsonTreeGivesASaneProgramOrAClearError(@ForAll("programs") JsonNode tree) {
    try {
      sane(assertTimeoutPreemptively(LIMIT, () -> AttentionProgram.fromJson(tree)));
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }

  /**
   * Found by the property above: a NaN bias node passed the clamp as NaN (JSON text cannot say NaN;
   * a tree built by a caller can).
   */
  @Test
  void aNanBiasIsRefused() {
    ObjectNode program = NODES.objectNode().put("version", 1);
    program.putArray("rules").addObject().put("tokens", "added").put("bias", Double.NaN);

    assertThatThrownBy(() -> AttentionProgram.fromJson(program))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule 1: bias must be a number");
  }

  private static void sane(AttentionProgram program) {
    assertThat(program.version()).isEqualTo(AttentionProgram.FORMAT_VERSION);
    assertThat(program.rules()).hasSizeLessThanOrEqualTo(32);
    for (AttentionProgram.Rule rule : program.rules()) {
      assertThat(rule.tokens()).isIn(SELECTORS);
      assertThat(rule.bias()).isBetween(-8f, 8f);
    }
    for (int features = 0; features < 512; features++) {
      float bias = program.bias(features);
      assertThat(bias == AttentionProgram.MASK || (bias >= -8f && bias <= 8f))
          .as("bias %s for features %s", bias, features)
          .isTrue();
    }
  }

  @Provide
  static Arbitrary<String> programText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(100),
        Arbitraries.strings().withChars("{}[]\":,1.e-0 ").ofMaxLength(60),
        programs().map(JsonNode::toString).map(s -> s.substring(0, s.length() / 2)),
        programs().map(JsonNode::toString));
  }

  /** Mostly-valid programs with values of every JSON type (and NaN, infinities) in each place. */
  @Provide
  static Arbitrary<JsonNode> programs() {
    Arbitrary<JsonNode> rule =
        Combinators.combine(
                Arbitraries.oneOf(Arbitraries.of(SELECTORS).map(NODES::textNode), value()),
                Arbitraries.oneOf(
                    Arbitraries.doubles().between(-100, 100).map(NODES::numberNode), value()),
                Arbitraries.oneOf(Arbitraries.of(true, false).map(NODES::booleanNode), value()),
                Arbitraries.of("tokens", "bias", "mask", "weight"))
            .as(
                (tokens, bias, mask, extra) -> {
                  ObjectNode r = NODES.objectNode();
                  r.set("tokens", tokens);
                  r.set(extra, bias);
                  r.set("mask", mask);
                  return r;
                });
    Arbitrary<JsonNode> rules =
        Arbitraries.oneOf(
            rule.list().ofMaxSize(40).map(list -> NODES.arrayNode().addAll(list)), value());
    return Combinators.combine(
            Arbitraries.oneOf(Arbitraries.just(NODES.numberNode(1)), value()), rules)
        .as(
            (version, list) -> {
              ObjectNode program = NODES.objectNode();
              program.set("version", version);
              program.set("rules", list);
              return program;
            });
  }

  private static Arbitrary<JsonNode> value() {
    return Arbitraries.oneOf(
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e300, -0.0)
            .map(NODES::numberNode),
        Arbitraries.integers().map(NODES::numberNode),
        Arbitraries.strings().ofMaxLength(10).map(NODES::textNode),
        Arbitraries.just(NODES.nullNode()),
        Arbitraries.just(NODES.arrayNode()),
        Arbitraries.just(NODES.objectNode()),
        Arbitraries.of(List.of(NODES.booleanNode(true))).map(JsonNode.class::cast));
  }
}
