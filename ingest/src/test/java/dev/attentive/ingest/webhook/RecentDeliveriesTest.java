package dev.attentive.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecentDeliveriesTest {

  @Test
  void theSameBodyIsARedeliveryAnotherBodyAConflict() {
    RecentDeliveries recent = new RecentDeliveries(10);
    recent.stored("d1", "{\"a\":1}");

    assertThat(recent.conflicts("d1", "{\"a\":1}")).isFalse();
    assertThat(recent.conflicts("d1", "{\"a\":2}")).isTrue();
    assertThat(recent.conflicts("d2", "{\"a\":2}")).as("unknown id").isFalse();
  }

  @Test
  void theFirstBodyStaysTheOneRemembered() {
    RecentDeliveries recent = new RecentDeliveries(10);
    recent.stored("d1", "first");
    recent.stored("d1", "second");

    assertThat(recent.conflicts("d1", "first")).isFalse();
    assertThat(recent.conflicts("d1", "second")).isTrue();
  }

  @Test
  void theOldestAreForgottenPastTheCapacity() {
    RecentDeliveries recent = new RecentDeliveries(3);
    for (int i = 0; i < 5; i++) {
      recent.stored("d" + i, "body" + i);
    }

    assertThat(recent.size()).isEqualTo(3);
    assertThat(recent.conflicts("d0", "other")).as("forgotten").isFalse();
    assertThat(recent.conflicts("d4", "other")).isTrue();
    assertThatThrownBy(() -> new RecentDeliveries(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
