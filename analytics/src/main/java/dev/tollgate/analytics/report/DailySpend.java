package dev.tollgate.analytics.report;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One UTC day: the model calls, and the adjustments dated that day. */
public record DailySpend(LocalDate day, Usage calls, BigDecimal adjustmentsUsd) {
  public BigDecimal netUsd() {
    return calls.costUsd().add(adjustmentsUsd);
  }
}
