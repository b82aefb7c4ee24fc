package dev.attentive.models.predict;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConstantDefinitionsTest {

  @Test
  void staticFinalFieldsWithALiteralAreConstants() {
    assertThat(ConstantDefinitions.definesConstant("  public static final int SCHEMA_VERSION = 1;"))
        .isTrue();
    assertThat(ConstantDefinitions.definesConstant("private final static long MAX = -1L; // why"))
        .isTrue();
    assertThat(ConstantDefinitions.definesConstant("static final int LIMIT = 1_000;")).isTrue();
  }

  @Test
  void everythingElseIsNot() {
    assertThat(ConstantDefinitions.definesConstant("    int i = 1;")).isFalse();
    assertThat(ConstantDefinitions.definesConstant("    final int i = 1;")).isFalse();
    assertThat(ConstantDefinitions.definesConstant("    if (size > 1) {")).isFalse();
    assertThat(ConstantDefinitions.definesConstant("static final int N = a + 1;")).isFalse();
    assertThat(ConstantDefinitions.definesConstant("    return count - 1;")).isFalse();
    assertThat(ConstantDefinitions.definesConstant(null)).isFalse();
  }
}
