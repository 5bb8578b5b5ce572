package dev.tollgate.analytics.writer.internal;

import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Counts what the writer wrote and reports it at info every few seconds. */
public final class Progress {
  private static final Logger log = LoggerFactory.getLogger("dev.tollgate.analytics.writer.progress");

  private final long everyMs;
  private long written;
  private long skipped;
  private long leftOut;
  private long writtenAtLastReport;
  private long lastReportAt;

  public Progress(long everyMs, long now) {
    this.everyMs = everyMs;
    this.lastReportAt = now;
  }

  public void written(int rows) {
    written += rows;
  }

  public void skipped() {
    skipped++;
  }

  /** A record that is not a readable priced event, or holds a value the table cannot store. */
  public void leftOut() {
    leftOut++;
  }

  public long written() {
    return written;
  }

  public void maybeReport(long now, LongSupplier lag) {
    if (now - lastReportAt < everyMs) {
      return;
    }
    long recent = written - writtenAtLastReport;
    long rate = recent * 1000 / Math.max(1, now - lastReportAt);
    log.info("wrote {} rows in the last {} s ({} rows/s); {} in total, {} already in ClickHouse and skipped, "
        + "{} left out as unreadable or not storable; lag {} records", recent, (now - lastReportAt) / 1000, rate, written,
        skipped, leftOut,
        lag.getAsLong());
    writtenAtLastReport = written;
    lastReportAt = now;
  }
}
