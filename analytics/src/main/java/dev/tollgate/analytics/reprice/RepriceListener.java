package dev.tollgate.analytics.reprice;

import java.time.Duration;

/** Told how a run gets on, e.g. to print progress. Called on the run's thread. */
public interface RepriceListener {
  /**
   * A day (or the part of one in the range) was scanned. {@code expected} is the number of calls the
   * range held when the run started, an estimate for how long the rest takes.
   */
  void scanned(RepriceRange day, long scanned, long changed, long expected, Duration elapsed);

  /** A step of the run that may take a while began, e.g. waiting for ClickHouse to delete old rows. */
  void step(String description);

  RepriceListener SILENT = new RepriceListener() {
    @Override
    public void scanned(RepriceRange day, long scanned, long changed, long expected, Duration elapsed) {}

    @Override
    public void step(String description) {}
  };
}
