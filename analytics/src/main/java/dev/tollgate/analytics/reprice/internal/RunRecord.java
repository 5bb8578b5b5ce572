package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.reprice.RepriceRange;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Locale;

/**
 * A row of {@code reprice_runs}: one state of one run. Each new state is a new row with a higher
 * version; read with FINAL, the table shows each run's latest.
 */
public record RunRecord(String runId, int version, Status status, Instant startedAt, Instant finishedAt,
                        RepriceRange range, String catalogFingerprint, long eventsScanned, long eventsChanged,
                        BigDecimal oldCostUsd, BigDecimal newCostUsd, BigDecimal oldBaselineCostUsd,
                        BigDecimal newBaselineCostUsd, long corrections, String error) {

  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(12);

  /**
   * SCANNING: rows are being staged, nothing else changed yet. PUBLISHING: the scan is complete and
   * corrections are being sent. APPLYING: they are sent; ClickHouse is being changed. DONE: finished.
   * ABANDONED: the scan was interrupted and its staged rows dropped.
   */
  public enum Status {
    SCANNING, PUBLISHING, APPLYING, DONE, ABANDONED;

    public String text() {
      return name().toLowerCase(Locale.ROOT);
    }

    public static Status parse(String text) {
      return valueOf(text.toUpperCase(Locale.ROOT));
    }
  }

  public static RunRecord start(String runId, Instant startedAt, RepriceRange range, String catalogFingerprint) {
    return new RunRecord(runId, 1, Status.SCANNING, startedAt, null, range, catalogFingerprint, 0, 0,
        ZERO, ZERO, ZERO, ZERO, 0, "");
  }

  /** The same state recorded again, to show the run is alive. */
  public RunRecord heartbeat() {
    return next(status);
  }

  public RunRecord next(Status next) {
    return new RunRecord(runId, version + 1, next, startedAt, finishedAt, range, catalogFingerprint, eventsScanned,
        eventsChanged, oldCostUsd, newCostUsd, oldBaselineCostUsd, newBaselineCostUsd, corrections, "");
  }

  /** The same state, with what stopped the run: no process works on it any more. */
  public RunRecord failed(String why) {
    return new RunRecord(runId, version + 1, status, startedAt, finishedAt, range, catalogFingerprint, eventsScanned,
        eventsChanged, oldCostUsd, newCostUsd, oldBaselineCostUsd, newBaselineCostUsd, corrections,
        why == null || why.isBlank() ? "failed" : why);
  }

  public RunRecord scanned(long scanned, ChangeTally tally) {
    return new RunRecord(runId, version + 1, Status.PUBLISHING, startedAt, finishedAt, range, catalogFingerprint,
        scanned, tally.events(), tally.oldCostUsd(), tally.newCostUsd(), tally.oldBaselineCostUsd(),
        tally.newBaselineCostUsd(), corrections, "");
  }

  public RunRecord published(long sent) {
    return new RunRecord(runId, version + 1, Status.APPLYING, startedAt, finishedAt, range, catalogFingerprint,
        eventsScanned, eventsChanged, oldCostUsd, newCostUsd, oldBaselineCostUsd, newBaselineCostUsd, sent, "");
  }

  public RunRecord done(Instant at) {
    return new RunRecord(runId, version + 1, Status.DONE, startedAt, at, range, catalogFingerprint, eventsScanned,
        eventsChanged, oldCostUsd, newCostUsd, oldBaselineCostUsd, newBaselineCostUsd, corrections, "");
  }
}
