package dev.attentive.streams;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The halt guard is armed only while the JVM shuts down: a Quarkus app stopped inside a JVM that
 * goes on (as between test classes) must not halt that JVM later (a CI fork died with exit 3).
 */
class BoundedShutdownTest {

  @Test
  void aLiveJvmIsNotShuttingDown() {
    assertThat(BoundedShutdown.jvmShuttingDown()).isFalse();
  }
}
