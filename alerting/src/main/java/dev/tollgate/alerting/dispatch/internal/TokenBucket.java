package dev.tollgate.alerting.dispatch.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * A per-channel rate of {@code perMinute} notifications with a burst of as many, kept as the
 * theoretical arrival time of the next one (GCRA), in integer nanoseconds.
 */
public final class TokenBucket {
  private final long intervalNanos;
  private final long toleranceNanos;
  private long nextArrival = Long.MIN_VALUE;

  public TokenBucket(int perMinute) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("a rate must be at least 1 per minute, got " + perMinute);
    }
    this.intervalNanos = Duration.ofMinutes(1).toNanos() / perMinute;
    this.toleranceNanos = intervalNanos * (perMinute - 1L);
  }

  /** Takes one if the rate allows it now. */
  public boolean tryTake(Instant now) {
    long t = nanos(now);
    if (nextArrival != Long.MIN_VALUE && nextArrival - toleranceNanos > t) {
      return false;
    }
    take(now);
    return true;
  }

  /** Takes one whatever the rate says: urgent alerts count against the rate but never wait for it. */
  public void take(Instant now) {
    long t = nanos(now);
    nextArrival = Math.max(nextArrival == Long.MIN_VALUE ? t : nextArrival, t) + intervalNanos;
  }

  /** When {@link #tryTake} will next succeed. */
  public Instant nextFree(Instant now) {
    if (nextArrival == Long.MIN_VALUE) {
      return now;
    }
    long free = nextArrival - toleranceNanos;
    return free <= nanos(now) ? now : Instant.ofEpochSecond(0, free);
  }

  private static long nanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }
}
