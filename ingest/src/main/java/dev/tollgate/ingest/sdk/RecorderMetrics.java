package dev.tollgate.ingest.sdk;

/**
 * A snapshot of a recorder's counters. Every {@code record} call is counted once, in {@code recorded}
 * (taken into the buffer) or {@code dropped}; every recorded event ends in {@code sent},
 * {@code failed} or {@code invalid}, or is still {@code pending} (in the buffer or in flight).
 */
public record RecorderMetrics(long recorded, long sent, long failed, long invalid, long dropped, int queueDepth) {

  public long pending() {
    return recorded - sent - failed - invalid;
  }
}
