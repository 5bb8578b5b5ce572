package dev.tollgate.workload.history;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * What to generate: {@code events} events (adjustments included) of {@code month} (UTC), from
 * {@code tenants} tenants sharing {@code users} users. {@code now} bounds the current month: nothing
 * is generated after it, and a month that has not started yet is refused.
 */
public record HistorySpec(long events, YearMonth month, long seed, int tenants, int users, Instant now) {
  public static final int MAX_TENANTS = 999;
  public static final int MAX_USERS = 1_000_000;

  public HistorySpec {
    if (events < 1) {
      throw new IllegalArgumentException("--events must be at least 1, got " + events);
    }
    if (tenants < 1 || tenants > MAX_TENANTS) {
      throw new IllegalArgumentException("--tenants must be between 1 and " + MAX_TENANTS + ", got " + tenants);
    }
    if (users < tenants || users > MAX_USERS) {
      throw new IllegalArgumentException("--users must be between --tenants (" + tenants + ") and " + MAX_USERS + ", got " + users);
    }
    if (month.getYear() < 1970) {
      throw new IllegalArgumentException("--month must not be before 1970-01, got " + month);
    }
    if (!month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).isBefore(now)) {
      throw new IllegalArgumentException("--month " + month + " has not started yet (now is " + now + ")");
    }
  }

  /** First instant of the month. */
  public Instant start() {
    return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
  }

  /** Every event occurs before this instant: the month's end, or {@code now} in the current month. */
  public Instant end() {
    Instant monthEnd = month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    return monthEnd.isAfter(now) ? now : monthEnd;
  }

  /**
   * About one credit per 50,000 events, and at least three per tenant when there are enough events
   * for that not to swamp the calls.
   */
  public long adjustments() {
    return Math.max(events / 50_000, Math.min(3L * tenants, events / 100));
  }
}
