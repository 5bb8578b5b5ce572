package dev.tollgate.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class HorizonTest {
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void shouldEndDayWeekAndMonthAtLocalMidnightOfTheZone() {
    // given 22:30 UTC on Tuesday 31 March 2026, which is already 1 April in Berlin
    Instant at = Instant.parse("2026-03-31T22:30:00Z");

    // when
    CalendarPeriod day = Horizon.DAY.periodAt(at, BERLIN);
    CalendarPeriod week = Horizon.WEEK.periodAt(at, BERLIN);
    CalendarPeriod month = Horizon.MONTH.periodAt(at, BERLIN);
    CalendarPeriod utcMonth = Horizon.MONTH.periodAt(at, ZoneOffset.UTC);

    // then
    assertThat(day).isEqualTo(new CalendarPeriod(Instant.parse("2026-03-31T22:00:00Z"), Instant.parse("2026-04-01T22:00:00Z")));
    assertThat(week).isEqualTo(new CalendarPeriod(Instant.parse("2026-03-29T22:00:00Z"), Instant.parse("2026-04-05T22:00:00Z")));
    assertThat(month).isEqualTo(new CalendarPeriod(Instant.parse("2026-03-31T22:00:00Z"), Instant.parse("2026-04-30T22:00:00Z")));
    assertThat(utcMonth).isEqualTo(new CalendarPeriod(Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z")));
  }

  @Test
  void shouldRunAWeekFromMondayAcrossTheTurnOfTheYear() {
    // given Thursday 31 December 2026
    Instant at = Instant.parse("2026-12-31T12:00:00Z");

    // when
    CalendarPeriod week = Horizon.WEEK.periodAt(at, ZoneOffset.UTC);
    CalendarPeriod month = Horizon.MONTH.periodAt(at, ZoneOffset.UTC);

    // then
    assertThat(week).isEqualTo(new CalendarPeriod(Instant.parse("2026-12-28T00:00:00Z"), Instant.parse("2027-01-04T00:00:00Z")));
    assertThat(month.end()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
  }

  @Test
  void shouldGiveDaysOf23And25HoursWhereDaylightSavingTimeChanges() {
    // when
    CalendarPeriod spring = Horizon.DAY.periodAt(Instant.parse("2026-03-29T10:00:00Z"), BERLIN);
    CalendarPeriod autumn = Horizon.DAY.periodAt(Instant.parse("2026-10-25T10:00:00Z"), BERLIN);
    CalendarPeriod march = Horizon.MONTH.periodAt(Instant.parse("2026-03-15T10:00:00Z"), BERLIN);

    // then
    assertThat(spring.length()).isEqualTo(Duration.ofHours(23));
    assertThat(autumn.length()).isEqualTo(Duration.ofHours(25));
    assertThat(march.length()).isEqualTo(Duration.ofDays(31).minusHours(1));
  }

  @Test
  void shouldStartADayAtItsFirstInstantWhereMidnightIsSkipped() {
    // given Beirut moves its clocks from 00:00 to 01:00 on 29 March 2026
    ZoneId beirut = ZoneId.of("Asia/Beirut");

    // when
    CalendarPeriod day = Horizon.DAY.periodAt(Instant.parse("2026-03-29T09:00:00Z"), beirut);

    // then
    assertThat(day.start()).isEqualTo(Instant.parse("2026-03-28T22:00:00Z"));
    assertThat(day.length()).isEqualTo(Duration.ofHours(23));
  }

  @Test
  void shouldStartPeriodsOnTheHalfHourInZonesWithHalfHourOffsets() {
    // when
    CalendarPeriod day = Horizon.DAY.periodAt(Instant.parse("2026-06-10T12:00:00Z"), ZoneId.of("Asia/Kolkata"));

    // then
    assertThat(day).isEqualTo(new CalendarPeriod(Instant.parse("2026-06-09T18:30:00Z"), Instant.parse("2026-06-10T18:30:00Z")));
  }

  @Test
  void shouldReadBudgetPeriodsAndRefuseOthers() {
    // when / then
    assertThat(Horizon.ofBudgetPeriod("week")).isEqualTo(Horizon.WEEK);
    assertThatThrownBy(() -> Horizon.ofBudgetPeriod("quarter"))
        .hasMessage("period must be day, week or month, got \"quarter\"");
  }
}
