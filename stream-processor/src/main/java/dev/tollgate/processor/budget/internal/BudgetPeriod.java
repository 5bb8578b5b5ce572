package dev.tollgate.processor.budget.internal;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One calendar period of a budget, [start, end), in the budget's time zone. Days start at local
 * midnight (or the first instant of the day where DST skips midnight), weeks on Monday, months on
 * the first.
 */
public record BudgetPeriod(Instant start, Instant end, String label) {

  public static BudgetPeriod of(Instant at, String period, String timezone) {
    ZoneId zone = ZoneId.of(timezone);
    LocalDate day = at.atZone(zone).toLocalDate();
    return switch (period) {
      case "day" -> new BudgetPeriod(startOf(day, zone), startOf(day.plusDays(1), zone), day.toString());
      case "week" -> {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format("%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
            monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        yield new BudgetPeriod(startOf(monday, zone), startOf(monday.plusWeeks(1), zone), label);
      }
      case "month" -> {
        LocalDate first = day.withDayOfMonth(1);
        yield new BudgetPeriod(startOf(first, zone), startOf(first.plusMonths(1), zone), first.toString().substring(0, 7));
      }
      default -> throw new IllegalArgumentException("unknown period " + period);
    };
  }

  private static Instant startOf(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  public long lengthMs() {
    return end.toEpochMilli() - start.toEpochMilli();
  }
}
