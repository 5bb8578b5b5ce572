package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetThresholdTest {
  private static final Instant NOV_2 = Instant.parse("2026-11-02T09:00:00Z");
  private static final String MONTHLY_100 = """
      [{"budget_id": "acme-month", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""";

  @TempDir
  Path stateDir;
  private BudgetFixture budgets;

  @BeforeEach
  void start() {
    budgets = new BudgetFixture(stateDir, NOV_2);
  }

  @AfterEach
  void stop() {
    budgets.close();
  }

  @Test
  void shouldRaiseEachThresholdExactlyOnceWithSeverityRisingToTheLimit() {
    // given
    budgets.apply(MONTHLY_100);

    // when spend climbs past 50, 75, 90 and 100 percent, then keeps going
    for (String cost : List.of("30", "30", "20", "15", "10", "40", "0.000000000001")) {
      budgets.spend("acme", cost, NOV_2.plusSeconds(60));
    }

    // then
    List<Alert> alerts = budgets.alerts("threshold");
    assertThat(alerts).extracting(Alert::getAlertId).containsExactly(
        "acme-month/2026-11/threshold-pct-50", "acme-month/2026-11/threshold-pct-75",
        "acme-month/2026-11/threshold-pct-90", "acme-month/2026-11/threshold-pct-100");
    assertThat(alerts).extracting(Alert::getSeverity).containsExactly("info", "warning", "critical", "emergency");
    assertThat(alerts).extracting(a -> a.getSpendUsd().toPlainString())
        .containsExactly("60.000000000000", "80.000000000000", "95.000000000000", "105.000000000000");
    assertThat(alerts.get(3).getPeriodStart()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(alerts.get(3).getPeriodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(alerts.get(3).getMessage()).contains("acme-month", "$105.00", "$100.00", "100%");
  }

  @Test
  void shouldCrossSeveralThresholdsWithOneEventAndRaiseEachOfThem() {
    // given
    budgets.apply(MONTHLY_100);

    // when
    budgets.spend("acme", "92.5", NOV_2);

    // then
    assertThat(budgets.alerts("threshold")).extracting(a -> a.getThresholdPct().intValueExact()).containsExactly(50, 75, 90);
  }

  @Test
  void shouldRaiseAbsoluteAmountThresholds() {
    // given
    budgets.apply("""
        [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "1000",
          "thresholds": [100], "threshold_amounts_usd": ["250", "500.50"]}]""");

    // when
    budgets.spend("acme", "300", NOV_2);
    budgets.spend("acme", "200.50", NOV_2);

    // then
    List<Alert> alerts = budgets.alerts("threshold");
    assertThat(alerts).extracting(Alert::getAlertId).containsExactly("b/2026-11/threshold-usd-250", "b/2026-11/threshold-usd-500.5");
    assertThat(alerts.get(1).getThresholdUsd()).isEqualByComparingTo("500.50");
    assertThat(alerts.get(1).getThresholdPct()).isEqualByComparingTo("50.05");
  }

  @Test
  void shouldOnlyCountTheSpendOfTheBudgetsScope() {
    // given a budget on team search's chat feature
    budgets.apply("""
        [{"budget_id": "search-chat", "scope": {"tenant_id": "acme", "team_id": "search", "feature": "chat"},
          "period": "day", "limit_usd": "10"}]""");

    // when
    budgets.spend("acme", "search", "u1", "chat", "4", NOV_2);
    budgets.spend("acme", "search", "u2", "chat", "2", NOV_2);
    budgets.spend("acme", "search", "u1", "summarize", "100", NOV_2);
    budgets.spend("acme", "ads", "u1", "chat", "100", NOV_2);
    budgets.spend("globex", "search", "u1", "chat", "100", NOV_2);

    // then
    BudgetStatus status = budgets.status("search-chat");
    assertThat(status.getSpendUsd()).isEqualByComparingTo("6");
    assertThat(status.getPercent()).isEqualByComparingTo("60");
    assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId).containsExactly("search-chat/2026-11-02/threshold-pct-50");
  }

  @Test
  void shouldPublishStatesFromOkToBlockedForAHardBudget() {
    // given
    budgets.apply("""
        [{"budget_id": "hard", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100", "enforcement": "hard"}]""");

    // when / then
    budgets.spend("acme", "50", NOV_2);
    assertThat(budgets.status("hard").getState()).isEqualTo("ok");
    budgets.spend("acme", "40", NOV_2);
    assertThat(budgets.status("hard").getState()).isEqualTo("warning");
    budgets.spend("acme", "10", NOV_2);
    BudgetStatus blocked = budgets.status("hard");
    assertThat(blocked.getState()).isEqualTo("blocked");
    assertThat(blocked.getSpendUsd()).isEqualByComparingTo("100");
    assertThat(blocked.getLimitUsd()).isEqualByComparingTo("100");
    assertThat(blocked.getPeriodEnd()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
  }

  @Test
  void shouldTellTheGuardToDegradePastTheLastThresholdBelowTheLimit() {
    // given
    budgets.apply("""
        [{"budget_id": "soft", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100",
          "thresholds": [50, 80, 100], "degrade_to_model": "gpt-4o-mini"}]""");

    // when
    budgets.spend("acme", "79.99", NOV_2);
    String before = budgets.status("soft").getState();
    budgets.spend("acme", "0.01", NOV_2);
    BudgetStatus after = budgets.status("soft");

    // then
    assertThat(before).isEqualTo("ok");
    assertThat(after.getState()).isEqualTo("degrade");
    assertThat(after.getDegradeToModel()).isEqualTo("gpt-4o-mini");
  }

  @Test
  void shouldCountRefundsAgainstTheBudget() {
    // given
    budgets.apply(MONTHLY_100);
    budgets.spend("acme", "40", NOV_2);

    // when a credit note of -15 arrives
    budgets.spend("acme", "-15", NOV_2.plusSeconds(5));

    // then
    assertThat(budgets.status("acme-month").getSpendUsd()).isEqualByComparingTo("25");
    assertThat(budgets.alerts()).isEmpty();
  }

  @Test
  void shouldPublishStatusesOnlyAtTheStatusInterval() {
    // given
    budgets.apply(MONTHLY_100);
    budgets.statuses();

    // when many events arrive within one interval
    for (int i = 0; i < 50; i++) {
      budgets.spend("acme", "0.5", NOV_2);
    }
    budgets.advance(Duration.ofMillis(1));

    // then the next publication carries their total
    assertThat(budgets.status("acme-month").getSpendUsd()).isEqualByComparingTo("25");
  }
}
