package dev.attentive.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlobCacheTest {

  @Test
  void keepsAtMostItsBytesDroppingTheLeastRecentlyUsed() {
    BlobCache cache = new BlobCache(10);
    cache.put("a", new byte[4]);
    cache.put("b", new byte[4]);
    assertThat(cache.get("a")).hasSize(4); // a is now the most recently used
    cache.put("c", new byte[4]);

    assertThat(cache.get("b")).as("least recently used").isNull();
    assertThat(cache.get("a")).isNotNull();
    assertThat(cache.get("c")).isNotNull();
    assertThat(cache.bytes()).isEqualTo(8);
  }

  @Test
  void keepsNothingLargerThanItselfAndNothingWhenOff() {
    BlobCache cache = new BlobCache(10);
    cache.put("big", new byte[11]);
    assertThat(cache.get("big")).isNull();

    BlobCache off = new BlobCache(0);
    off.put("a", new byte[1]);
    assertThat(off.get("a")).isNull();
    assertThat(off.bytes()).isZero();
  }
}
