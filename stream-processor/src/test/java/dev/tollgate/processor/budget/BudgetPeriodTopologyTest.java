package dev.tollgate.processor.budget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.Alert;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BudgetPeriodTopologyTest {
  @TempDir
  Path stateDir;

  @Test
  void shouldStartANewDayAtMidnightInTheBudgetsTimeZone() {
    // given a daily budget in India (UTC+05:30): its day starts at 18:30 UTC
    Instant wallClock = Instant.parse("2026-11-23T18:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, wallClock)) {
      budgets.apply("""
          [{"budget_id": "in-day", "scope": {"tenant_id": "acme"}, "period": "day", "timezone": "Asia/Kolkata", "limit_usd": "10"}]""");

      // when one event lands just before local midnight and one just after
      budgets.spend("acme", "6", Instant.parse("2026-11-23T18:29:59Z"));
      budgets.spend("acme", "6", Instant.parse("2026-11-23T18:30:00Z"));

      // then they count in different days, so no day reached 100%
      assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId)
          .containsExactly("in-day/2026-11-23/threshold-pct-50", "in-day/2026-11-24/threshold-pct-50");
      assertThat(budgets.status("in-day").getSpendUsd()).isEqualByComparingTo("6");
    }
  }

  @Test
  void shouldResetTheStatusWhenThePeriodRollsOverWithoutAnyEvent() {
    // given a daily budget in New York with spend today
    Instant wallClock = Instant.parse("2026-11-23T20:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, wallClock)) {
      budgets.apply("""
          [{"budget_id": "ny", "scope": {"tenant_id": "acme"}, "period": "day", "timezone": "America/New_York", "limit_usd": "10"}]""");
      budgets.spend("acme", "9", wallClock);
      BudgetStatus today = budgets.status("ny");

      // when the wall clock passes New York midnight (05:00 UTC)
      budgets.advance(Duration.ofHours(9));
      BudgetStatus tomorrow = budgets.status("ny");

      // then
      assertThat(today.getSpendUsd()).isEqualByComparingTo("9");
      assertThat(today.getPeriodEnd()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
      assertThat(tomorrow.getSpendUsd()).isEqualByComparingTo("0");
      assertThat(tomorrow.getState()).isEqualTo("ok");
      assertThat(tomorrow.getPeriodStart()).isEqualTo(Instant.parse("2026-11-24T05:00:00Z"));
    }
  }

  @Test
  void shouldRollWeeksOverOnMondayAndMonthsOnTheFirst() {
    // given a weekly and a monthly budget, wall clock on Sunday 2026-11-29
    Instant sunday = Instant.parse("2026-11-29T12:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, sunday)) {
      budgets.apply("""
          [{"budget_id": "week", "scope": {"tenant_id": "acme"}, "period": "week", "limit_usd": "10", "thresholds": [50]},
           {"budget_id": "month", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "10", "thresholds": [50]}]""");

      // when spend lands on Sunday, Monday 30 November and Tuesday 1 December
      budgets.spend("acme", "5", sunday);
      budgets.spend("acme", "5", Instant.parse("2026-11-30T00:00:00Z"));
      budgets.spend("acme", "5", Instant.parse("2026-12-01T00:00:00Z"));

      // then each period crosses 50% on its own
      assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId).containsExactly(
          "week/2026-W48/threshold-pct-50", "month/2026-11/threshold-pct-50", "week/2026-W49/threshold-pct-50",
          "month/2026-12/threshold-pct-50");
    }
  }

  @Test
  void shouldCountALateEventInThePeriodInWhichItHappened() {
    // given a monthly budget applied in October, now in November with spend of 20
    Instant october = Instant.parse("2026-10-20T00:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, october)) {
      budgets.apply("""
          [{"budget_id": "m", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      budgets.spend("acme", "45", Instant.parse("2026-10-25T00:00:00Z"));
      budgets.advance(Duration.ofDays(20));
      budgets.spend("acme", "20", Instant.parse("2026-11-09T00:00:00Z"));

      // when an event of 30 from 31 October arrives late
      budgets.spend("acme", "30", Instant.parse("2026-10-31T23:59:59Z"));

      // then October crosses 50% and 75% late, and November is unchanged
      assertThat(budgets.alerts("threshold")).extracting(Alert::getAlertId)
          .containsExactly("m/2026-10/threshold-pct-50", "m/2026-10/threshold-pct-75");
      assertThat(budgets.status("m").getSpendUsd()).isEqualByComparingTo("20");
    }
  }

  @Test
  void shouldNotCountEventsOlderThanTheRetention() {
    // given
    Instant now = Instant.parse("2026-11-23T00:00:00Z");
    try (BudgetFixture budgets = new BudgetFixture(stateDir, now.minus(Duration.ofDays(60)))) {
      budgets.apply("""
          [{"budget_id": "m", "scope": {"tenant_id": "acme"}, "period": "month", "limit_usd": "100"}]""");
      budgets.advance(Duration.ofDays(60));

      // when an event 40 days old arrives
      budgets.spend("acme", "80", now.minus(Duration.ofDays(40)));

      // then it is not judged against the budget
      assertThat(budgets.alerts()).isEmpty();
    }
  }
}
