package dev.tollgate.analytics.writer.internal;

import java.util.Collection;
import java.util.OptionalLong;
import java.util.TreeSet;

/**
 * Decides where a partition is read from after an assignment. Offsets move only after ClickHouse
 * acknowledged a batch, but one insert spanning several monthly partitions is not atomic, so after
 * a crash ClickHouse may hold any part of the batches read after the committed offset.
 */
public final class ResumePlanner {
  private ResumePlanner() {}

  /** Replay from the committed offset, skipping exactly the offsets ClickHouse holds from there on. */
  public static ResumePoint afterCommit(long committed, Collection<Long> held) {
    TreeSet<Long> skip = new TreeSet<>();
    for (Long offset : held) {
      if (offset >= committed) {
        skip.add(offset);
      }
    }
    return new ResumePoint(committed, skip);
  }

  /**
   * Without a committed offset: after the highest offset ClickHouse holds, or from the start of
   * the log when it holds none or when the log no longer reaches back that far.
   */
  public static ResumePoint withoutCommit(OptionalLong highestHeld, long logStart) {
    long start = highestHeld.isPresent() ? Math.max(highestHeld.getAsLong() + 1, logStart) : logStart;
    return new ResumePoint(start, new TreeSet<>());
  }
}
