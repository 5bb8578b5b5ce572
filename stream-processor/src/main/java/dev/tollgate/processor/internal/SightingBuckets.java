package dev.tollgate.processor.internal;

import java.time.Duration;

/**
 * Half-horizon buckets of processing time under which first sightings are filed. A horizon spans
 * at most three of them, and the store keeps one bucket beyond the horizon so that the oldest
 * bucket a lookup reads is still there.
 */
record SightingBuckets(long horizonMs, long widthMs) {
  SightingBuckets(Duration horizon) {
    this(horizon.toMillis(), Math.max(1, horizon.toMillis() / 2));
  }

  long startOf(long timeMs) {
    return timeMs - Math.floorMod(timeMs, widthMs);
  }

  long oldestWithinHorizon(long nowMs) {
    return Math.max(0, nowMs - horizonMs);
  }

  Duration retention() {
    return Duration.ofMillis(horizonMs + widthMs);
  }

  Duration width() {
    return Duration.ofMillis(widthMs);
  }
}
