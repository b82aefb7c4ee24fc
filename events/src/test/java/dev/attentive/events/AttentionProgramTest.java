package dev.attentive.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AttentionProgramTest {

  @Test
  void defaultProgramBoostsAddedLinesDampsCommentsAndImportsAndMasksGeneratedCode() {
    AttentionProgram p = AttentionProgram.DEFAULT;
    assertThat(p.bias(AttentionProgram.ADDED | AttentionProgram.IDENTIFIER)).isEqualTo(1.0f);
    assertThat(p.bias(AttentionProgram.COMMENT)).isEqualTo(-1.0f);
    assertThat(p.bias(AttentionProgram.IMPORT | AttentionProgram.KEYWORD)).isEqualTo(-2.0f);
    assertThat(p.bias(AttentionProgram.ADDED | AttentionProgram.GENERATED))
        .isEqualTo(AttentionProgram.MASK);
    assertThat(p.bias(AttentionProgram.OPERATOR)).isZero();
  }

  @Test
  void aTeamProgramIsParsedAndItsBiasesAddUpWithinTheClamp() {
    AttentionProgram p =
        AttentionProgram.parse(
            """
        {"version": 1, "rules": [{"tokens": "literal", "bias": 6}, {"tokens": "added", "bias": 5},
         {"tokens": "context", "bias": -0.5}]}""");
    assertThat(p.bias(AttentionProgram.LITERAL | AttentionProgram.ADDED)).isEqualTo(8f);
    assertThat(p.bias(AttentionProgram.IDENTIFIER)).isEqualTo(-0.5f);
    assertThat(AttentionProgram.parse(p.toJson())).isEqualTo(p);
  }

  @Test
  void invalidProgramsSayWhatIsWrong() {
    assertThatThrownBy(() -> AttentionProgram.parse("{\"version\": 2, \"rules\": []}"))
        .hasMessageContaining("version must be 1");
    assertThatThrownBy(
            () -> AttentionProgram.parse("{\"version\": 1, \"rules\": [{\"tokens\": \"lines\"}]}"))
        .hasMessageContaining("rule 1: unknown tokens 'lines'");
    assertThatThrownBy(
            () ->
                AttentionProgram.parse(
                    "{\"version\": 1, \"rules\": [{\"tokens\": \"added\", " + "\"weight\": 1}]}"))
        .hasMessageContaining("unknown key 'weight'");
    assertThatThrownBy(
            () ->
                AttentionProgram.parse(
                    "{\"version\": 1, \"rules\": [{\"tokens\": \"added\", "
                        + "\"bias\": \"high\"}]}"))
        .hasMessageContaining("bias must be a number");
    assertThatThrownBy(() -> AttentionProgram.parse("not json"))
        .hasMessageContaining("not valid JSON");
  }
}
