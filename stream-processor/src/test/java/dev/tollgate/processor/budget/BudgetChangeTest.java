package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetChangeTest {
  private static final Instant NOV_20 = Instant.parse("2026-11-20T12:00:00Z");

  @TempDir
  Path stateDir;

  @Test
  void shouldStartABudgetCreatedMidPeriodFromTheSpendAlreadyRecorded() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOV_20)) {
      // given spend before any budget exists, this month and last month
      budgets.spend("acme", "search", "u1", "chat", "30", Instant.parse("2026-11-01T00:00:00Z"));
      budgets.spend("acme", "search", "u2", "chat", "25.5", Instant.parse("2026-11-19T23:00:00Z"));
      budgets.spend("acme", "ads", "u1", "chat", "99", Instant.parse("2026-11-05T00:00:00Z"));
      budgets.spend("acme", "search", "u1", "chat", "99", Instant.parse("2026-10-31T23:59:59Z"));

      // when a monthly budget for team search is created
      budgets.apply("""
          [{"budget_id": "search", "scope": {"tenant_id": "acme", "team_id": "search"}, "period": "month", "limit_usd": "100"}]""");

      // then it starts at 55.5 and says at once that 50% is behind it
      BudgetStatus status = budgets.status("search");
      assertThat(status.getSpendUsd()).isEqualByComparingTo("55.5");
      assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId).containsExactly("search/2026-11/threshold-pct-50");
    }
  }

  @Test
  void shouldRaiseTheThresholdsALoweredLimitCrossesButNotRepeatOnesAlreadyRaised() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOV_20)) {
      // given a budget past 50%
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      budgets.spend("acme", "60", NOV_20);

      // when the limit is lowered to 70, then raised back to 100
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "70"}]""");
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");

      // then 75% of 70 was crossed once, and nothing is raised twice
      assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId)
          .containsExactly("b/2026-11/threshold-pct-50", "b/2026-11/threshold-pct-75");
      assertThat(budgets.status("b").getLimitUsd()).isEqualByComparingTo("100");
    }
  }

  @Test
  void shouldNotRaiseAgainWhenTheSameBudgetIsAppliedAgain() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOV_20)) {
      // given
      String budget = """
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""";
      budgets.apply(budget);
      budgets.spend("acme", "95", NOV_20);

      // when
      budgets.apply(budget);
      budgets.spend("acme", "1", NOV_20);

      // then
      assertThat(budgets.alerts("threshold")).hasSize(3);
    }
  }

  @Test
  void shouldRecountTheSpendWhenTheScopeChanges() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOV_20)) {
      // given a tenant budget with spend from two teams
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      budgets.spend("acme", "search", "u1", "chat", "30", NOV_20);
      budgets.spend("acme", "ads", "u1", "chat", "10", NOV_20);

      // when it is narrowed to team ads
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme", "team_id": "ads"}, "period": "month", "limit_usd": "100"}]""");

      // then
      assertThat(budgets.status("b").getSpendUsd()).isEqualByComparingTo("10");
    }
  }

  @Test
  void shouldDeleteTheStatusAndStopAlertingWhenABudgetIsRemoved() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOV_20)) {
      // given
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      assertThat(budgets.statuses()).containsKey("b");

      // when
      budgets.remove("b");
      budgets.spend("acme", "500", NOV_20);

      // then
      assertThat(budgets.statuses()).doesNotContainKey("b");
      assertThat(budgets.alerts()).isEmpty();
    }
  }

  @Test
  void shouldMoveABudgetToAnotherTenant() {
    try (BudgetFixture budgets = new BudgetFixture(stateDir, NOV_20)) {
      // given
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      budgets.spend("globex", "70", NOV_20);

      // when
      budgets.apply("""
          [{"budget_id": "b", "scope": {"tenant_id": "globex"}, "period": "month", "limit_usd": "100"}]""");
      budgets.spend("acme", "500", NOV_20.plus(Duration.ofMinutes(1)));

      // then
      assertThat(budgets.status("b").getSpendUsd()).isEqualByComparingTo("70");
      assertThat(budgets.status("b").getScope().getTenantId()).isEqualTo("globex");
      assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId).containsExactly("b/2026-11/threshold-pct-50");
    }
  }
}
