package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetAnomalyTest {
  private static final Instant START = Instant.parse("2026-11-23T10:00:00Z");
  private static final String ACME_MONTH = """
      [{"budget_id": "acme-month", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "50000"}]""";

  @TempDir
  Path stateDir;

  @Test
  void shouldRaiseOneAnomalyWithBothRatesWhenTheRecentRateFarExceedsItsBaseline() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, START)) {
      // given an hour and five minutes at $0.10 a minute ($6/h)
      budgets.apply(ACME_MONTH);
      spendEachMinute(budgets, 0, 65, "0.10");
      assertThat(budgets.alerts("anomaly")).isEmpty();

      // when $3 arrive in minute 65, then more for four minutes
      spendEachMinute(budgets, 65, 70, "3.00");

      // then one alert: the last five minutes ran at (4 × 0.10 + 3) × 12 = $40.80/h against $6/h
      List<Alert> anomalies = budgets.alerts("anomaly");
      assertThat(anomalies).hasSize(1);
      Alert anomaly = anomalies.get(0);
      assertThat(anomaly.getAlertId()).isEqualTo("acme-month/2026-11/anomaly-2026-11-23T11:05Z");
      assertThat(anomaly.getRecentRateUsdPerHour()).isEqualByComparingTo("40.8");
      assertThat(anomaly.getBaselineRateUsdPerHour()).isEqualByComparingTo("6");
      assertThat(anomaly.getSeverity()).isEqualTo("warning");
      assertThat(anomaly.getBudgetId()).isEqualTo("acme-month");
      assertThat(anomaly.getMessage()).contains("$40.80/h", "6.8× its baseline", "$6.00/h");
    }
  }

  @Test
  void shouldRaiseANewAnomalyOnlyAfterTheRateWentBackToNormal() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, START)) {
      // given a first surge, over after five calm minutes
      budgets.apply(ACME_MONTH);
      spendEachMinute(budgets, 0, 65, "0.10");
      spendEachMinute(budgets, 65, 70, "3.00");
      spendEachMinute(budgets, 70, 80, "0.10");

      // when a second surge, far above the baseline the first one raised
      spendEachMinute(budgets, 80, 82, "12.00");

      // then
      assertThat(budgets.alerts("anomaly")).extracting(Alert::getAlertId).containsExactly(
          "acme-month/2026-11/anomaly-2026-11-23T11:05Z", "acme-month/2026-11/anomaly-2026-11-23T11:20Z");
    }
  }

  @Test
  void shouldCallItCriticalWhenTheRecentRateWouldSpendTheRestOfTheBudgetBeforeThePeriodEnds() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, START)) {
      // given a small monthly budget and a steady start
      budgets.apply("""
          [{"budget_id": "small", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      spendEachMinute(budgets, 0, 65, "0.01");

      // when a surge of $2 a minute, a week before the month ends
      spendEachMinute(budgets, 65, 66, "2.00");

      // then
      assertThat(budgets.alerts("anomaly")).extracting(Alert::getSeverity).containsExactly("critical");
    }
  }

  @Test
  void shouldNotJudgeABudgetBeforeItsWholeBaselineWasObserved() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, START)) {
      // given a budget applied ten minutes ago
      budgets.apply(ACME_MONTH);
      spendEachMinute(budgets, 0, 10, "0.10");

      // when
      spendEachMinute(budgets, 10, 15, "50.00");

      // then
      assertThat(budgets.alerts("anomaly")).isEmpty();
    }
  }

  @Test
  void shouldNotWakeAnyoneForASurgeBelowTheMinimumRate() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, START)) {
      // given a tenth of a cent a minute
      budgets.apply(ACME_MONTH);
      spendEachMinute(budgets, 0, 65, "0.001");

      // when ten times that: $0.60/h, under the default $1/h
      spendEachMinute(budgets, 65, 70, "0.01");

      // then
      assertThat(budgets.alerts("anomaly")).isEmpty();
    }
  }

  @Test
  void shouldIgnoreLateEventsOlderThanTheBaselineAndHonourConfiguredThresholds() {
    // given a window of 2 minutes, a baseline of 10, a factor of 3 and no minimum rate
    AnomalySettings sensitive = new AnomalySettings(Duration.ofMinutes(2), Duration.ofMinutes(10), new BigDecimal("3"),
        BigDecimal.ZERO, Duration.ofSeconds(5));
    try (BudgetFixture budgets = new BudgetFixture(stateDir, START, sensitive, RejectSurgeSettings.DEFAULTS)) {
      budgets.apply(ACME_MONTH);
      spendEachMinute(budgets, 0, 12, "0.01");

      // when a late event from an hour ago carries a large amount
      budgets.spend("acme", "40", budgets.now().minus(Duration.ofHours(1)));
      budgets.advance(Duration.ofSeconds(5));

      // then it does not count as recent spend
      assertThat(budgets.alerts("anomaly")).isEmpty();

      // when three times the baseline rate arrives within the window
      spendEachMinute(budgets, 12, 13, "0.05");

      // then (0.01 + 0.05) per 2 min = $1.80/h against $0.60/h
      List<Alert> anomalies = budgets.alerts("anomaly");
      assertThat(anomalies).hasSize(1);
      assertThat(anomalies.get(0).getRecentRateUsdPerHour()).isEqualByComparingTo("1.8");
      assertThat(anomalies.get(0).getBaselineRateUsdPerHour()).isEqualByComparingTo("0.6");
      assertThat(anomalies.get(0).getAttributes()).containsEntry("window_minutes", "2").containsEntry("factor", "3");
    }
  }

  /** One event half a minute into each minute from {@code from} (inclusive) to {@code to}, then a check. */
  private static void spendEachMinute(BudgetFixture budgets, int from, int to, String cost) {
    for (int minute = from; minute < to; minute++) {
      Instant at = START.plus(Duration.ofMinutes(minute)).plusSeconds(30);
      budgets.advanceTo(at);
      budgets.spend("acme", cost, at);
      budgets.advanceTo(at.plusSeconds(10));
    }
  }
}
