package dev.attentive.github.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteThrottleTest {

  @Test
  void writesOfOneInstallationAreSpacedFromTheEndOfThePreviousOne() throws Exception {
    FakeTicker ticker = new FakeTicker();
    WriteThrottle throttle = new WriteThrottle(Duration.ofSeconds(1), ticker);

    throttle.write(
        1L,
        () -> {
          ticker.advance(Duration.ofMillis(300)); // the request itself took 300 ms
          return null;
        });
    ticker.advance(Duration.ofMillis(400));
    throttle.write(1L, () -> null);
    throttle.write(2L, () -> null); // another installation has its own lane
    throttle.write(null, () -> null); // so has a token without installation

    assertThat(ticker.sleeps()).containsExactly(Duration.ofMillis(600));

    ticker.advance(Duration.ofSeconds(5));
    throttle.write(1L, () -> null);
    assertThat(ticker.sleeps()).hasSize(1);
  }

  @Test
  void aHoldDelaysTheNextWritesOfTheInstallation() throws Exception {
    FakeTicker ticker = new FakeTicker();
    WriteThrottle throttle = new WriteThrottle(Duration.ofSeconds(1), ticker);

    throttle.hold(3L, Duration.ofSeconds(30));
    throttle.write(3L, () -> null);
    throttle.write(4L, () -> null);

    assertThat(ticker.sleeps()).containsExactly(Duration.ofSeconds(30));
  }

  @Test
  void concurrentWritesOfOneInstallationNeverOverlapAndKeepTheirSpacing() throws Exception {
    WriteThrottle throttle = new WriteThrottle(Duration.ofMillis(20), Ticker.system());
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger maxInFlight = new AtomicInteger();
    List<long[]> spans = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      futures.add(
          pool.submit(
              () ->
                  throttle.write(
                      9L,
                      () -> {
                        long start = System.nanoTime();
                        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                        try {
                          Thread.sleep(5);
                        } catch (InterruptedException e) {
                          Thread.currentThread().interrupt();
                        }
                        inFlight.decrementAndGet();
                        spans.add(new long[] {start, System.nanoTime()});
                        return null;
                      })));
    }
    for (Future<?> f : futures) {
      f.get(10, TimeUnit.SECONDS);
    }
    pool.shutdown();

    assertThat(maxInFlight.get()).isEqualTo(1);
    List<long[]> sorted = new ArrayList<>(spans);
    sorted.sort((a, b) -> Long.compare(a[0], b[0]));
    for (int i = 1; i < sorted.size(); i++) {
      assertThat(sorted.get(i)[0] - sorted.get(i - 1)[1])
          .isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    }
  }
}
