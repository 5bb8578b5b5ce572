package dev.tollgate.analytics.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The events a report covers: {@code occurred_at} in [from, to), in UTC. Reports read the rollups,
 * so a range starts and ends on a whole hour; on whole days the daily rollup is read.
 */
public record ReportRange(Instant from, Instant to) {
  public ReportRange {
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("the range must end after it starts, got " + from + " to " + to);
    }
    if (!from.truncatedTo(ChronoUnit.HOURS).equals(from) || !to.truncatedTo(ChronoUnit.HOURS).equals(to)) {
      throw new IllegalArgumentException("a range starts and ends on a whole hour (reports read the hourly and daily rollups), got "
          + from + " to " + to);
    }
  }

  public static ReportRange month(YearMonth month) {
    return new ReportRange(month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
        month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  /** A month as users write it, e.g. {@code 2026-11}. */
  public static YearMonth parseMonth(String text) {
    try {
      return YearMonth.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("--month must be a month such as 2026-11, got \"" + text + "\"");
    }
  }

  /**
   * From the user's {@code --from}/{@code --to}: a date (UTC; {@code --to} includes that day) or an
   * instant on a whole hour ({@code --to} excludes it).
   */
  public static ReportRange parse(String from, String to) {
    return new ReportRange(bound("--from", from, false), bound("--to", to, true));
  }

  private static Instant bound(String option, String text, boolean inclusiveDay) {
    try {
      LocalDate day = LocalDate.parse(text);
      return (inclusiveDay ? day.plusDays(1) : day).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException notADate) {
      try {
        return Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(option + " must be a date such as 2026-11-01 or an instant such as 2026-11-01T09:00:00Z, got \""
            + text + "\"");
      }
    }
  }

  public boolean wholeDays() {
    return from.truncatedTo(ChronoUnit.DAYS).equals(from) && to.truncatedTo(ChronoUnit.DAYS).equals(to);
  }

  public LocalDate firstDay() {
    return LocalDate.ofInstant(from, ZoneOffset.UTC);
  }

  /** The last day that the range touches. */
  public LocalDate lastDay() {
    return LocalDate.ofInstant(to.minusSeconds(1), ZoneOffset.UTC);
  }

  public Duration length() {
    return Duration.between(from, to);
  }

  /** The smallest range of whole days that holds this one. */
  public ReportRange toWholeDays() {
    return new ReportRange(firstDay().atStartOfDay().toInstant(ZoneOffset.UTC),
        lastDay().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
  }

  @Override
  public String toString() {
    return from + " to " + to;
  }
}
