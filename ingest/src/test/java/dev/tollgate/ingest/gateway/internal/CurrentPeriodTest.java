package dev.tollgate.ingest.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tollgate.schemas.avro.BudgetScope;
import dev.tollgate.schemas.avro.BudgetStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CurrentPeriodTest {

  static BudgetStatus status(String period, String timezone, String start, String end) {
    return BudgetStatus.newBuilder()
        .setBudgetId("b1")
        .setScope(BudgetScope.newBuilder().setTenantId("acme").build())
        .setPeriod(period)
        .setTimezone(timezone)
        .setPeriodStart(Instant.parse(start))
        .setPeriodEnd(Instant.parse(end))
        .setSpendUsd(new BigDecimal("90").setScale(12))
        .setLimitUsd(new BigDecimal("100").setScale(12))
        .setPercent(new BigDecimal("90").setScale(12))
        .setState("warning")
        .setEnforcement("hard")
        .setLastEventAt(Instant.parse("2026-10-31T20:00:00Z"))
        .setUpdatedAt(Instant.parse("2026-10-31T20:00:01Z"))
        .build();
  }

  @Test
  void shouldKeepAStatusOfTheRunningPeriod() {
    // given
    BudgetStatus s = status("month", "UTC", "2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z");

    // when
    BudgetStatus now = CurrentPeriod.asOf(s, Instant.parse("2026-11-30T23:59:59Z"));

    // then
    assertThat(now).isSameAs(s);
  }

  @Test
  void shouldStartTheNextPeriodInTheBudgetsZoneWithNoSpend() {
    // given October's status of a Berlin month budget
    BudgetStatus october = status("month", "Europe/Berlin", "2026-09-30T22:00:00Z", "2026-10-31T23:00:00Z");

    // when asked in November
    BudgetStatus now = CurrentPeriod.asOf(october, Instant.parse("2026-11-20T10:00:00Z"));

    // then
    assertThat(now.getPeriodStart()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
    assertThat(now.getPeriodEnd()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
    assertThat(now.getSpendUsd()).isZero();
    assertThat(now.getPercent()).isZero();
    assertThat(now.getState()).isEqualTo("ok");
    assertThat(now.getLastEventAt()).isNull();
    assertThat(now.getLimitUsd()).isEqualByComparingTo("100");
  }

  @Test
  void shouldStartWeeksOnMonday() {
    // given
    BudgetStatus lastWeek = status("week", "UTC", "2026-11-09T00:00:00Z", "2026-11-16T00:00:00Z");

    // when asked on Friday 2026-11-20
    BudgetStatus now = CurrentPeriod.asOf(lastWeek, Instant.parse("2026-11-20T10:00:00Z"));

    // then
    assertThat(now.getPeriodStart()).isEqualTo(Instant.parse("2026-11-16T00:00:00Z"));
    assertThat(now.getPeriodEnd()).isEqualTo(Instant.parse("2026-11-23T00:00:00Z"));
  }
}
