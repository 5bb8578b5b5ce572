package dev.tollgate.cli.report;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/** The calendar periods of budgets (DESIGN.md, "Budget"): day, week from Monday, month, in the budget's zone. */
public final class BudgetPeriod {
  private BudgetPeriod() {}

  /** The exclusive end of the period that holds {@code now}: the next start of a day, week or month. */
  public static Instant endOfCurrent(String period, String timezone, Instant now) {
    ZoneId zone = ZoneId.of(timezone);
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate next = switch (period) {
      case "day" -> today.plusDays(1);
      case "week" -> today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
      case "month" -> today.withDayOfMonth(1).plusMonths(1);
      default -> throw new IllegalArgumentException("period must be day, week or month, got \"" + period + "\"");
    };
    // atStartOfDay, not atTime(0, 0): where midnight falls in a DST gap the day starts later.
    return next.atStartOfDay(zone).toInstant();
  }
}
