package dev.tollgate.analytics.forecast;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * How far a forecast reaches: to the end of the current day, week (from Monday) or month, in a time
 * zone; the same calendar periods as budgets (DESIGN.md, "Budget").
 */
public enum Horizon {
  DAY,
  WEEK,
  MONTH;

  /** The period of this kind that holds {@code at}, in {@code zone}. */
  public CalendarPeriod periodAt(Instant at, ZoneId zone) {
    LocalDate day = at.atZone(zone).toLocalDate();
    LocalDate first = switch (this) {
      case DAY -> day;
      case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
    LocalDate next = switch (this) {
      case DAY -> first.plusDays(1);
      case WEEK -> first.plusWeeks(1);
      case MONTH -> first.plusMonths(1);
    };
    // atStartOfDay, not atTime(0, 0): where midnight falls in a DST gap the day starts later.
    return new CalendarPeriod(first.atStartOfDay(zone).toInstant(), next.atStartOfDay(zone).toInstant());
  }

  /** A budget's period: day, week or month. */
  public static Horizon ofBudgetPeriod(String period) {
    return switch (period) {
      case "day" -> DAY;
      case "week" -> WEEK;
      case "month" -> MONTH;
      default -> throw new IllegalArgumentException("period must be day, week or month, got \"" + period + "\"");
    };
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
