package dev.tollgate.analytics.writer.internal;

import java.time.Duration;

/** Capped exponential backoff: the first delay, doubled on each failure up to the cap. */
public final class Backoff {
  private final long firstMs;
  private final long maxMs;
  private int failures;

  public Backoff(Duration first, Duration max) {
    this.firstMs = first.toMillis();
    this.maxMs = Math.max(firstMs, max.toMillis());
  }

  /** Records a failure and returns how long to wait before the next attempt. */
  public long nextDelayMs() {
    int doublings = Math.min(failures, 30);
    failures++;
    return Math.min(maxMs, firstMs << doublings);
  }

  public int failures() {
    return failures;
  }

  public void reset() {
    failures = 0;
  }
}
