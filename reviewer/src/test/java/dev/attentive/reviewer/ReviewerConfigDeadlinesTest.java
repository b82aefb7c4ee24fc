package dev.attentive.reviewer;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The analyzer deadline properties as the service reads them. */
class ReviewerConfigDeadlinesTest {

  static ReviewerConfig read(Map<String, String> properties) {
    return new SmallRyeConfigBuilder()
        .withMapping(ReviewerConfig.class)
        // Quarkus's reading of "20s", "10m"
        .withConverter(Duration.class, 200, new DurationConverter())
        .withSources(new PropertiesConfigSource(properties, "test"))
        .build()
        .getConfigMapping(ReviewerConfig.class);
  }

  @Test
  void defaultsHoldWithNothingSet() {
    ReviewerConfig config = read(Map.of());
    assertThat(config.analyzerDeadline()).isEqualTo(Duration.ofSeconds(20));
    assertThat(config.analyzerDeadlines()).isEmpty();
    assertThat(config.analyzerThreads()).isEqualTo(8);
  }

  @Test
  void eachAnalyzerMayHaveItsOwnDeadline() {
    ReviewerConfig config =
        read(
            Map.of(
                "attentive.reviewer.analyzer-deadline", "5s",
                "attentive.reviewer.analyzer-deadlines.tests", "90s",
                "attentive.reviewer.analyzer-threads", "3"));
    assertThat(config.analyzerDeadline()).isEqualTo(Duration.ofSeconds(5));
    assertThat(config.analyzerDeadlines())
        .containsExactly(Map.entry("tests", Duration.ofSeconds(90)));
    assertThat(config.analyzerThreads()).isEqualTo(3);
  }
}
