package dev.tollgate.analytics.writer.internal;

/** Offsets {@code from} to {@code to}, both included, of one partition. */
public record OffsetRange(int partition, long from, long to) {
  public static OffsetRange from(int partition, long from) {
    return new OffsetRange(partition, from, Long.MAX_VALUE);
  }
}
