package dev.attentive.github.call;

import java.time.Duration;

/** Monotonic time and sleeping, replaceable in tests. */
public interface Ticker {

  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  static Ticker system() {
    return new Ticker() {
      @Override
      public long nanoTime() {
        return System.nanoTime();
      }

      @Override
      public void sleep(Duration duration) throws InterruptedException {
        if (!duration.isNegative() && !duration.isZero()) {
          Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
        }
      }
    };
  }
}
