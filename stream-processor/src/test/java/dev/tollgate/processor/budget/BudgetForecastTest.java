package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetForecastTest {
  private static final String MONTH_300 = """
      [{"budget_id": "m", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "300"}]""";

  @TempDir
  Path stateDir;

  @Test
  void shouldForecastTheBreachOnceWithWhenAndHowSure() {
    // given a 30-day month, a third gone, with 120 spent (the pace of 360)
    Instant nov11 = Instant.parse("2026-11-11T00:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, nov11.minus(Duration.ofDays(10)))) {
      budgets.apply(MONTH_300);
      budgets.advance(Duration.ofDays(10));

      // when
      budgets.spend("acme", "120", nov11.minusSeconds(1));
      budgets.spend("acme", "10", nov11.minusSeconds(1));

      // then one forecast: the limit is reached on day 25, and 10 of 25 days were seen
      List<Alert> forecasts = budgets.alerts("forecast");
      assertThat(forecasts).hasSize(1);
      Alert forecast = forecasts.get(0);
      assertThat(forecast.getAlertId()).isEqualTo("m/2026-11/forecast");
      assertThat(forecast.getProjectedSpendUsd()).isEqualByComparingTo("360");
      assertThat(forecast.getExpectedBreachAt()).isEqualTo(Instant.parse("2026-11-26T00:00:00Z"));
      assertThat(forecast.getConfidencePct()).isEqualTo(40);
      assertThat(forecast.getSeverity()).isEqualTo("warning");
      assertThat(forecast.getMessage()).contains("2026-11-26T00:00:00Z", "$360.00");
    }
  }

  @Test
  void shouldNotForecastAtAPaceThatStaysUnderTheLimit() {
    // given
    Instant nov16 = Instant.parse("2026-11-16T00:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, nov16)) {
      budgets.apply(MONTH_300);

      // when half the month is gone with 149 spent
      budgets.spend("acme", "149", nov16.minusSeconds(1));

      // then
      assertThat(budgets.alerts("forecast")).isEmpty();
    }
  }

  @Test
  void shouldNotForecastBeforeEnoughOfThePeriodWasSeen() {
    // given two days into the month (under the default 10%)
    Instant nov3 = Instant.parse("2026-11-03T00:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, nov3)) {
      budgets.apply(MONTH_300);

      // when a pace far over the limit
      budgets.spend("acme", "100", nov3.minusSeconds(1));

      // then
      assertThat(budgets.alerts("forecast")).isEmpty();
    }
  }
}
