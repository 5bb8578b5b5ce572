package dev.tollgate.processor.budget.internal;

import dev.tollgate.processor.budget.AnomalySettings;
import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.Budget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert for an anomalous spend rate. Critical when, at the recent rate, the rest of the budget
 * would be gone before the period ends; a warning otherwise. Its id names the minute the episode
 * opened, so each episode is one alert.
 */
final class AnomalyAlert {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);
  private static final BigDecimal HOUR_MS = BigDecimal.valueOf(3_600_000L);

  private AnomalyAlert() {}

  static Alert of(AnomalyWatch.Finding finding, BudgetPeriod period, PeriodState state, AnomalySettings settings, Instant now) {
    Budget budget = finding.budget();
    AnomalyRates rates = finding.rates();
    BigDecimal recent = rates.recentUsdPerHour();
    BigDecimal baseline = rates.baselineUsdPerHour();
    String times = baseline.signum() == 0 ? "up from nothing"
        : recent.divide(baseline, 1, RoundingMode.HALF_EVEN).toPlainString() + "× its baseline";
    String message = String.format("%s: spend rate of %s over the last %d min is %s/h, %s of %s/h over the %d min before;"
            + " %s of the %s %s budget spent (%s)",
        budget.getBudgetId(), Scopes.describe(budget.getScope()), settings.window().toMinutes(), Money.usd(recent), times,
        Money.usd(baseline), settings.baseline().toMinutes(), Money.usd(state.spend()), Money.usd(budget.getLimitUsd()),
        budget.getPeriod(), period.label());
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("period", budget.getPeriod());
    attributes.put("timezone", budget.getTimezone());
    attributes.put("period_label", period.label());
    attributes.put("window_minutes", Long.toString(settings.window().toMinutes()));
    attributes.put("baseline_minutes", Long.toString(settings.baseline().toMinutes()));
    attributes.put("factor", settings.factor().toPlainString());
    return BudgetRules.base(budget, period, state, now, "anomaly", severity(budget, period, state, recent, now))
        .setAlertId(BudgetRules.alertId(budget, period, "anomaly-" + MINUTE.format(Instant.ofEpochMilli(finding.since()))))
        .setRecentRateUsdPerHour(recent)
        .setBaselineRateUsdPerHour(baseline)
        .setAttributes(attributes)
        .setMessage(message)
        .build();
  }

  private static String severity(Budget budget, BudgetPeriod period, PeriodState state, BigDecimal ratePerHour, Instant now) {
    BigDecimal left = budget.getLimitUsd().subtract(state.spend());
    long msLeft = Math.max(0, period.end().toEpochMilli() - now.toEpochMilli());
    BigDecimal spendUntilEnd = ratePerHour.multiply(BigDecimal.valueOf(msLeft)).divide(HOUR_MS, 12, RoundingMode.HALF_EVEN);
    return spendUntilEnd.compareTo(left) >= 0 ? "critical" : "warning";
  }
}
