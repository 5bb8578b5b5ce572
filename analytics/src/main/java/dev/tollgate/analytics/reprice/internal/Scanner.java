package dev.tollgate.analytics.reprice.internal;

import dev.tollgate.analytics.report.internal.Sql;
import dev.tollgate.analytics.reprice.EventPricing;
import dev.tollgate.analytics.reprice.RepriceRange;
import dev.tollgate.schemas.avro.PricedUsageEvent;
import java.time.Instant;
import java.util.Optional;

/**
 * Re-prices the calls of one day: reads them with FINAL (one row per event), rebuilds each event,
 * prices it and hands on those whose cost, baseline cost or price entry changed. Adjustments carry
 * their own amount and are not read. A row priced at or after the run's start was written by the
 * live pipeline while the run went on, with the catalog of that moment, and is left alone: every row
 * the run replaces must be older than the run's start, which tells the versions apart.
 */
public final class Scanner {
  private final ClickHouseStream stream;
  private final EventColumns columns;
  private final String events;
  private final EventPricing pricing;

  public Scanner(ClickHouseStream stream, EventColumns columns, String database, EventPricing pricing) {
    this.stream = stream;
    this.columns = columns;
    this.events = database + ".usage_events";
    this.pricing = pricing;
  }

  /** What one day gave. */
  public record DayCount(long scanned, long changed) {}

  /** Receives each change, with the repriced row as a line to insert. */
  @FunctionalInterface
  public interface ChangeHandler {
    void changed(Change change, String repricedRow);
  }

  /** @param day within one UTC day */
  public DayCount scan(RepriceRange day, Instant runStart, ChangeHandler handler) {
    String cutoff = Tsv.dateTime(runStart);
    long[] counts = new long[2];
    stream.select("SELECT " + columns.selectList() + " FROM " + events + " FINAL"
        + " WHERE occurred_date = toDate(" + Sql.quote(day.firstDay().toString()) + ")"
        + " AND occurred_at >= " + Sql.dateTime(day.from()) + " AND occurred_at < " + Sql.dateTime(day.to())
        + " AND operation != 'adjustment'", line -> {
          EventRow row = new EventRow(columns, line);
          // Same fixed-width text, so the text order is the time order.
          if (row.raw("priced_at").compareTo(cutoff) >= 0) {
            return;
          }
          counts[0]++;
          changed(row, runStart).ifPresent(change -> {
            counts[1]++;
            handler.changed(change, row.repriced(change.after(), runStart));
          });
        });
    return new DayCount(counts[0], counts[1]);
  }

  private Optional<Change> changed(EventRow row, Instant runStart) {
    PriceOutcome before = row.outcome();
    PricedUsageEvent priced;
    try {
      priced = pricing.price(row.toEvent(), runStart);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot re-price event " + row.text("event_id") + ": " + e.getMessage(), e);
    }
    PriceOutcome after = PriceOutcome.of(priced);
    return after.sameAs(before) ? Optional.empty() : Optional.of(Change.of(row, before, after));
  }
}
