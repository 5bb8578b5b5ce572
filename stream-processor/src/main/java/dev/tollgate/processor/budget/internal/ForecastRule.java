package dev.tollgate.processor.budget.internal;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Optional;

/**
 * Projects the current period's spend at its average rate so far. Raises one alert per period when
 * the projection passes the limit before the period ends, once enough of the period has been seen
 * for the rate to mean something.
 *
 * <p>Confidence is the share of the horizon that was observed: the time elapsed in the period over
 * the time from the period start to the expected breach. A breach expected soon after a long
 * observation is near certain; one far away after a short observation is a guess.
 */
public final class ForecastRule {
  private static final int MONEY_SCALE = 12;
  private final BigDecimal minElapsedShare;

  /** @param minElapsedShare share of the period (0 to 1) that must have passed before projecting */
  public ForecastRule(BigDecimal minElapsedShare) {
    this.minElapsedShare = minElapsedShare;
  }

  public Optional<Alert> evaluate(Budget budget, BudgetPeriod period, PeriodState state, Instant now) {
    if (state.forecastFired() || !period.contains(now) || state.spend().signum() <= 0) {
      return Optional.empty();
    }
    BigDecimal limit = budget.getLimitUsd();
    if (state.spend().compareTo(limit) >= 0) {
      return Optional.empty();
    }
    long elapsed = now.toEpochMilli() - period.start().toEpochMilli();
    long length = period.lengthMs();
    boolean seenEnough = BigDecimal.valueOf(elapsed).compareTo(minElapsedShare.multiply(BigDecimal.valueOf(length))) >= 0;
    boolean projectsOver = state.spend().multiply(BigDecimal.valueOf(length))
        .compareTo(limit.multiply(BigDecimal.valueOf(elapsed))) > 0;
    if (!seenEnough || !projectsOver) {
      return Optional.empty();
    }
    return Optional.of(alert(budget, period, state, now, elapsed, length));
  }

  private static Alert alert(Budget budget, BudgetPeriod period, PeriodState state, Instant now, long elapsed, long length) {
    BigDecimal projected = state.spend().multiply(BigDecimal.valueOf(length))
        .divide(BigDecimal.valueOf(elapsed), MONEY_SCALE, RoundingMode.HALF_EVEN);
    long msToBreach = budget.getLimitUsd().multiply(BigDecimal.valueOf(elapsed))
        .divide(state.spend(), 0, RoundingMode.CEILING).longValueExact();
    Instant breachAt = period.start().plusMillis(msToBreach);
    int confidence = (int) Math.max(1, Math.min(99, (100 * elapsed + msToBreach / 2) / msToBreach));
    String message = String.format(
        "%s: at the rate so far, spend reaches the %s %s limit around %s, before the period ends at %s (projected %s; confidence %d%%) for %s, %s",
        budget.getBudgetId(), Money.usd(budget.getLimitUsd()), budget.getPeriod(), breachAt, period.end(),
        Money.usd(projected), confidence, Scopes.describe(budget.getScope()), period.label());
    return BudgetRules.base(budget, period, state, now, "forecast", "warning")
        .setAlertId(BudgetRules.alertId(budget, period, "forecast"))
        .setProjectedSpendUsd(projected)
        .setExpectedBreachAt(breachAt)
        .setConfidencePct(confidence)
        .setMessage(message)
        .build();
  }
}
