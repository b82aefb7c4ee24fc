package dev.attentive.github.call;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * GitHub's secondary rate limits for content creation (at most 80 requests a minute, and "make
 * requests serially, at least one second apart"): the writes of one installation run one at a time,
 * each starting at least {@code minInterval} after the previous one ended; after a rate-limit
 * answer the installation's writes are held for the time GitHub asked for. Shared by all stream
 * threads of this instance.
 */
public final class WriteThrottle {

  /** A write to GitHub. */
  @FunctionalInterface
  public interface Write<T> {
    T run() throws IOException;
  }

  private static final class Lane {
    final ReentrantLock lock = new ReentrantLock(true);

    /** Earliest start (ticker nanos) of the next write; only meaningful once {@code used}. */
    long nextStart;

    boolean used;
  }

  private final Duration minInterval;
  private final Ticker ticker;
  private final ConcurrentMap<Long, Lane> lanes = new ConcurrentHashMap<>();

  public WriteThrottle(Duration minInterval, Ticker ticker) {
    if (minInterval.isNegative()) {
      throw new IllegalArgumentException("minInterval must not be negative");
    }
    this.minInterval = minInterval;
    this.ticker = ticker;
  }

  /**
   * Runs a write for the installation (null: a token without installation) when its turn and
   * spacing allow.
   */
  public <T> T write(Long installationId, Write<T> write) throws IOException, InterruptedException {
    Lane lane = lane(installationId);
    lane.lock.lockInterruptibly();
    try {
      if (lane.used) {
        long wait = lane.nextStart - ticker.nanoTime();
        if (wait > 0) {
          ticker.sleep(Duration.ofNanos(wait));
        }
      }
      try {
        return write.run();
      } finally {
        lane.used = true;
        lane.nextStart = Math.max(lane.nextStart, ticker.nanoTime() + minInterval.toNanos());
      }
    } finally {
      lane.lock.unlock();
    }
  }

  /**
   * Holds the installation's next writes until {@code pause} from now (GitHub answered with a rate
   * limit).
   */
  public void hold(Long installationId, Duration pause) throws InterruptedException {
    Lane lane = lane(installationId);
    lane.lock.lockInterruptibly();
    try {
      long until = ticker.nanoTime() + pause.toNanos();
      lane.nextStart = lane.used ? Math.max(lane.nextStart, until) : until;
      lane.used = true;
    } finally {
      lane.lock.unlock();
    }
  }

  private Lane lane(Long installationId) {
    return lanes.computeIfAbsent(installationId == null ? -1L : installationId, id -> new Lane());
  }
}
