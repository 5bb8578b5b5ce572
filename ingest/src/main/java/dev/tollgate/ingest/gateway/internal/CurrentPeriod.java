package dev.tollgate.ingest.gateway.internal;

import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;

/**
 * A budget's status as of now. The processor reports a budget when events reach it; a status whose
 * period has ended says nothing about the period now running, in which nothing has been counted yet:
 * that period starts with no spend.
 */
public final class CurrentPeriod {
  private CurrentPeriod() {}

  public static BudgetStatus asOf(BudgetStatus status, Instant now) {
    if (now.isBefore(status.getPeriodEnd())) {
      return status;
    }
    ZoneId zone = ZoneId.of(status.getTimezone());
    LocalDate start = start(status.getPeriod(), now.atZone(zone).toLocalDate());
    LocalDate end = switch (status.getPeriod()) {
      case "day" -> start.plusDays(1);
      case "week" -> start.plusWeeks(1);
      default -> start.plusMonths(1);
    };
    // Field by field: a builder copied from a record deep-copies it through Avro's class checks.
    return BudgetStatus.newBuilder()
        .setBudgetId(status.getBudgetId())
        .setScope(status.getScope())
        .setPeriod(status.getPeriod())
        .setTimezone(status.getTimezone())
        .setPeriodStart(start.atStartOfDay(zone).toInstant())
        .setPeriodEnd(end.atStartOfDay(zone).toInstant())
        .setSpendUsd(BigDecimal.ZERO.setScale(12))
        .setLimitUsd(status.getLimitUsd())
        .setPercent(BigDecimal.ZERO.setScale(12))
        .setState("ok")
        .setEnforcement(status.getEnforcement())
        .setDegradeToModel(status.getDegradeToModel())
        .setLastEventAt(null)
        .setUpdatedAt(status.getUpdatedAt())
        .build();
  }

  /** Day, week from Monday, or month, as budgets count them (DESIGN.md, "Budget"). */
  private static LocalDate start(String period, LocalDate today) {
    return switch (period) {
      case "day" -> today;
      case "week" -> today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      case "month" -> today.withDayOfMonth(1);
      default -> throw new IllegalArgumentException("period must be day, week or month, got \"" + period + "\"");
    };
  }
}
