package dev.attentive.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attentive.conventions.SampleBudget;
import dev.attentive.ingest.IngestConfig;
import io.smallrye.config.WithDefault;
import org.junit.jupiter.api.Test;

/** The service samples what {@code attentive profile --repo DIR} samples, unless told otherwise. */
class ProfileConfigDefaultsTest {

  @Test
  void theBudgetDefaultsAreTheConventionsModulesDefaults() throws Exception {
    assertThat(Long.parseLong(defaultOf("maxFiles"))).isEqualTo(SampleBudget.DEFAULT.maxFiles());
    assertThat(Long.parseLong(defaultOf("maxBytes"))).isEqualTo(SampleBudget.DEFAULT.maxBytes());
    assertThat(Long.parseLong(defaultOf("maxFileBytes")))
        .isEqualTo(SampleBudget.DEFAULT.maxFileBytes());
    assertThat(defaultOf("enabled")).isEqualTo("true");
    assertThat(defaultOf("maxAge")).isEqualTo("7d");
    assertThat(defaultOf("blobCacheBytes")).isEqualTo(String.valueOf(64L << 20));
  }

  private static String defaultOf(String method) throws NoSuchMethodException {
    return IngestConfig.Profiles.class.getMethod(method).getAnnotation(WithDefault.class).value();
  }
}
