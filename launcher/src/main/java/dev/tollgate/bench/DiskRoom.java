package dev.tollgate.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the local stack's data folder can hold a benchmark run. Every event a run publishes is kept
 * (topics for seven days, ClickHouse for good), and a broker whose disk fills stops serving all
 * partitions; refusing the run beforehand is kinder than leaving the stack down.
 */
public final class DiskRoom {
  /**
   * About 750 bytes of Kafka log (raw, priced, spend and dedup changelog records), 60 of ClickHouse
   * and 50 of the dedup store per event, rounded up for indexes and merges in flight.
   */
  static final long BYTES_PER_EVENT = 1024;
  /** Left free for everything else on the disk. */
  static final long MARGIN_BYTES = 2L << 30;

  private DiskRoom() {}

  /** Why a run of {@code events} (warm-up included) does not fit in {@code usableBytes}, if it does not. */
  static Optional<String> shortage(long events, long usableBytes, Path dataDir) {
    long needed = events * BYTES_PER_EVENT + MARGIN_BYTES;
    if (usableBytes >= needed) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "a run of %,d events needs about %.1f GB free under %s (1 KB per event, kept by Kafka and ClickHouse, "
            + "and 2 GB to spare); %.1f GB is free. Free some disk, or start the stack over empty: "
            + "./tollgate down, then remove %s/kafka, %s/clickhouse and %s/state",
        events, gigabytes(needed), dataDir, gigabytes(usableBytes), dataDir, dataDir, dataDir));
  }

  /** As {@link #shortage(long, long, Path)}, for the disk that holds {@code dataDir} (or its nearest existing parent). */
  public static Optional<String> shortage(long events, Path dataDir) throws IOException {
    Path existing = dataDir.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return Optional.empty();
    }
    return shortage(events, Files.getFileStore(existing).getUsableSpace(), dataDir);
  }

  private static double gigabytes(long bytes) {
    return bytes / 1e9;
  }
}
