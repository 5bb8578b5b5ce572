package dev.tollgate.analytics.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A month of spend (UTC) for all tenants or one: model calls, adjustments, and the calls broken down
 * by team, feature and model. Net spend = calls + adjustments, the figure the billing export's
 * tenant totals add up to.
 */
public record MonthlyReport(YearMonth month, Optional<String> tenant, Usage calls, List<Adjustment> adjustments,
    List<SpendLine> byTeam, List<SpendLine> byFeature, List<SpendLine> byModel, Instant asOf) {
  public static final int AVERAGE_SCALE = 12;

  public MonthlyReport {
    adjustments = List.copyOf(adjustments);
    byTeam = List.copyOf(byTeam);
    byFeature = List.copyOf(byFeature);
    byModel = List.copyOf(byModel);
  }

  public BigDecimal adjustmentsUsd() {
    return adjustments.stream().map(Adjustment::amountUsd).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public BigDecimal netUsd() {
    return calls.costUsd().add(adjustmentsUsd());
  }

  public Optional<BigDecimal> averageCostPerRequest() {
    return calls.requests() == 0 ? Optional.empty()
        : Optional.of(calls.costUsd().divide(BigDecimal.valueOf(calls.requests()), AVERAGE_SCALE, RoundingMode.HALF_EVEN));
  }

  /** A line's share of the calls' cost, in percent to one decimal; empty when the calls cost nothing. */
  public Optional<BigDecimal> share(SpendLine line) {
    return Shares.of(line.usage().costUsd(), calls.costUsd());
  }

  /**
   * The calls' cost at the end of the month if it goes on at the rate seen so far; for a month that is
   * over, what it came to, and nothing for a month not yet begun. Adjustments are not projected.
   */
  public Optional<BigDecimal> projectedCallsUsd() {
    ReportRange range = ReportRange.month(month);
    if (!asOf.isAfter(range.from())) {
      return Optional.empty();
    }
    if (!asOf.isBefore(range.to())) {
      return Optional.of(calls.costUsd());
    }
    long elapsed = Duration.between(range.from(), asOf).toSeconds();
    long whole = range.length().toSeconds();
    return Optional.of(calls.costUsd().multiply(BigDecimal.valueOf(whole))
        .divide(BigDecimal.valueOf(Math.max(1, elapsed)), 2, RoundingMode.HALF_EVEN));
  }
}
