package dev.tollgate.cli.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BudgetPeriodTest {

  @Test
  void shouldEndADayAtTheNextMidnightOfTheBudgetsZone() {
    // given 23:30 UTC, already the next day in Berlin
    Instant now = Instant.parse("2026-11-20T23:30:00Z");

    // when / then
    assertThat(BudgetPeriod.endOfCurrent("day", "UTC", now)).isEqualTo("2026-11-21T00:00:00Z");
    assertThat(BudgetPeriod.endOfCurrent("day", "Europe/Berlin", now)).isEqualTo("2026-11-21T23:00:00Z");
  }

  @Test
  void shouldEndAWeekAtTheNextMondayEvenOnAMonday() {
    // given Monday 2026-11-16 and Sunday 2026-11-22
    Instant monday = Instant.parse("2026-11-16T00:00:00Z");
    Instant sunday = Instant.parse("2026-11-22T23:59:59Z");

    // when / then
    assertThat(BudgetPeriod.endOfCurrent("week", "UTC", monday)).isEqualTo("2026-11-23T00:00:00Z");
    assertThat(BudgetPeriod.endOfCurrent("week", "UTC", sunday)).isEqualTo("2026-11-23T00:00:00Z");
  }

  @Test
  void shouldEndAMonthAtTheFirstOfTheNextAcrossYearsAndDaylightSavingChanges() {
    assertThat(BudgetPeriod.endOfCurrent("month", "UTC", Instant.parse("2026-12-31T12:00:00Z")))
        .isEqualTo("2027-01-01T00:00:00Z");
    // April starts on summer time (UTC-4) in New York
    assertThat(BudgetPeriod.endOfCurrent("month", "America/New_York", Instant.parse("2026-03-15T12:00:00Z")))
        .isEqualTo("2026-04-01T04:00:00Z");
  }

  @Test
  void shouldStartTheNextDayWhenItsMidnightFallsIntoADaylightSavingGap() {
    // given São Paulo, where summer time began at midnight on 2018-11-04: that day started at 01:00 (UTC-2)
    Instant saturdayNoon = Instant.parse("2018-11-03T15:00:00Z");

    // when / then
    assertThat(BudgetPeriod.endOfCurrent("day", "America/Sao_Paulo", saturdayNoon)).isEqualTo("2018-11-04T03:00:00Z");
  }

  @Test
  void shouldRefuseAnUnknownPeriod() {
    assertThatThrownBy(() -> BudgetPeriod.endOfCurrent("year", "UTC", Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("period");
  }
}
