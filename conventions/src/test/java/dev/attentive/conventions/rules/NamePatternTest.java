package dev.attentive.conventions.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamePatternTest {

  @Test
  void wordsSplitOnHumpsUnderscoresAndAcronyms() {
    assertThat(NamePattern.words("maxSize")).containsExactly("max", "Size");
    assertThat(NamePattern.words("MAX_SIZE")).containsExactly("MAX", "SIZE");
    assertThat(NamePattern.words("HTTPServer")).containsExactly("HTTP", "Server");
    assertThat(NamePattern.words("utf8Bytes")).containsExactly("utf8", "Bytes");
    assertThat(NamePattern.words("mMaxSize")).containsExactly("Max", "Size");
  }

  @Test
  void convertsBetweenPatterns() {
    assertThat(NamePattern.UPPER_SNAKE.convert("maxSize")).isEqualTo("MAX_SIZE");
    assertThat(NamePattern.LOWER_CAMEL.convert("MAX_SIZE")).isEqualTo("maxSize");
    assertThat(NamePattern.UPPER_SNAKE.convert("HTTPServer")).isEqualTo("HTTP_SERVER");
    assertThat(NamePattern.UPPER_CAMEL.convert("http_server")).isEqualTo("HttpServer");
    assertThat(NamePattern.LOWER_SNAKE.convert("shouldFailWhenEmpty"))
        .isEqualTo("should_fail_when_empty");
    assertThat(NamePattern.M_PREFIXED.convert("count")).isEqualTo("mCount");
    assertThat(NamePattern.TEST_PREFIXED.convert("parsesDates")).isEqualTo("testParsesDates");
    assertThat(NamePattern.LOWER_CAMEL.convert("mCount")).isEqualTo("count");
  }

  @Test
  void aSeparatorBetweenDigitsCannotBeRewrittenInCamelCase() {
    assertThat(NamePattern.LOWER_CAMEL.convert("murmur3_32")).isNull();
    assertThat(NamePattern.LOWER_CAMEL.convert("UTF_8")).isNull();
    assertThat(NamePattern.CAMEL_UNDERSCORED.convert("fooBar")).isNull();
  }

  @Test
  void oneWordNamesFitSeveralPatterns() {
    assertThat(NamePattern.LOWER_CAMEL.fits("count")).isTrue();
    assertThat(NamePattern.LOWER_SNAKE.fits("count")).isTrue();
    assertThat(NamePattern.UPPER_SNAKE.fits("URL")).isTrue();
    assertThat(NamePattern.UPPER_CAMEL.fits("URL")).isTrue();
    assertThat(NamePattern.CAMEL_UNDERSCORED.fits("max_size")).isFalse();
    assertThat(NamePattern.M_PREFIXED.fits("mode")).isFalse();
  }
}
