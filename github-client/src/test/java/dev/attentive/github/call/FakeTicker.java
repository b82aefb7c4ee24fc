package dev.attentive.github.call;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Time that moves only when slept (or advanced), recording every sleep. */
public final class FakeTicker implements Ticker {

  private long now = 1_000_000_000L;
  private final List<Duration> sleeps = new ArrayList<>();

  @Override
  public synchronized long nanoTime() {
    return now;
  }

  @Override
  public synchronized void sleep(Duration duration) {
    sleeps.add(duration);
    now += duration.toNanos();
  }

  public synchronized void advance(Duration duration) {
    now += duration.toNanos();
  }

  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }
}
