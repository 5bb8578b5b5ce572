package dev.tollgate.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ForecasterTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final int WEEK = 168;
  private static final Instant WEDNESDAY_10 = Instant.parse("2026-05-13T10:00:00Z");

  @Test
  void shouldForecastAFlatSpendExactlyToTheEndOfDayWeekAndMonth() {
    // given eight weeks at $1.50 an hour, up to Wednesday 13 May 2026, 10:00 UTC
    HourlySeries history = Hourly.flat(WEDNESDAY_10.minusSeconds(3600L * 8 * WEEK), 8 * WEEK, "1.5");
    SpendOutlook outlook = new Forecaster().outlook(history, WEDNESDAY_10, UTC);

    // when
    Projection day = outlook.project(Horizon.DAY, new BigDecimal("15"));
    Projection week = outlook.project(Horizon.WEEK, new BigDecimal("87"));
    Projection month = outlook.project(Horizon.MONTH, new BigDecimal("447"));

    // then 14 hours, 4 days and 14 hours, 18 days and 14 hours are left
    assertThat(day.rest().expected()).isEqualByComparingTo("21.00");
    assertThat(day.projected()).isEqualByComparingTo("36.00");
    assertThat(day.low()).isEqualByComparingTo("36.00");
    assertThat(day.high()).isEqualByComparingTo("36.00");
    assertThat(week.rest().expected()).isEqualByComparingTo("165.00");
    assertThat(month.rest().expected()).isEqualByComparingTo("669.00");
    assertThat(month.projected()).isEqualByComparingTo("1116.00");
    assertThat(outlook.seasonality()).isEqualTo(Seasonality.HOUR_OF_WEEK);
    assertThat(outlook.ratePerHour()).isEqualByComparingTo("1.5");
  }

  @Test
  void shouldForecastOnlyThePartOfTheCurrentHourThatIsLeft() {
    // given
    HourlySeries history = Hourly.flat(WEDNESDAY_10.minusSeconds(3600L * 4 * WEEK), 4 * WEEK, "2");

    // when
    RestForecast rest = new Forecaster().outlook(history, WEDNESDAY_10.plusSeconds(1800), UTC)
        .rest(Instant.parse("2026-05-14T00:00:00Z"));

    // then 13 and a half hours
    assertThat(rest.expected()).isEqualByComparingTo("27.00");
    assertThat(rest.from()).isEqualTo(WEDNESDAY_10.plusSeconds(1800));
  }

  @Test
  void shouldKeepOfficeHoursOnLocalTimeAcrossTheChangeToSummerTime() {
    // given office hours in Berlin ($10 an hour, 9:00 to 17:00) for four weeks up to Monday
    // 30 March 2026, the day after clocks moved forward; it is 16:30 there
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    Instant now = Instant.parse("2026-03-30T14:30:00Z");
    Instant cut = Instant.parse("2026-03-30T14:00:00Z");
    HourlySeries history = Hourly.office(cut.minusSeconds(3600L * 4 * WEEK), 4 * WEEK, "10", berlin);

    // when
    Projection day = new Forecaster().outlook(history, now, berlin).project(Horizon.DAY, new BigDecimal("75"));

    // then half an hour of office time is left today, not the hour and a half that UTC hours would give
    assertThat(day.period().end()).isEqualTo(Instant.parse("2026-03-30T22:00:00Z"));
    assertThat(day.rest().expected()).isEqualByComparingTo("5.00");
    assertThat(day.projected()).isEqualByComparingTo("80.00");
  }

  @Test
  void shouldExtrapolateAClearTrend() {
    // given spend that grows by 10% a week, hour by hour, for eight weeks
    double perHour = Math.log(1.10) / WEEK;
    Instant start = WEDNESDAY_10.minusSeconds(3600L * 8 * WEEK);
    HourlySeries history = Hourly.series(start, 8 * WEEK, at -> growing(start, at, perHour));
    SpendOutlook outlook = new Forecaster().outlook(history, WEDNESDAY_10, UTC);

    // when
    RestForecast week = outlook.rest(Instant.parse("2026-05-18T00:00:00Z"));

    // then
    BigDecimal truth = Hourly.series(WEDNESDAY_10, 110, at -> growing(start, at, perHour)).total();
    assertThat(week.expected().doubleValue()).isCloseTo(truth.doubleValue(), within(truth.doubleValue() * 0.005));
    assertThat(outlook.growthPctPerWeek()).isCloseTo(10, within(0.3));
  }

  @Test
  void shouldFallBackToSimplerRhythmsAndIntervalsWithLessHistory() {
    // when
    SpendOutlook oneDay = officeOutlook(24);
    SpendOutlook threeDays = officeOutlook(3 * 24);
    SpendOutlook tenDays = officeOutlook(10 * 24);
    SpendOutlook nineteenDays = officeOutlook(19 * 24);
    SpendOutlook eightWeeks = officeOutlook(8 * WEEK);

    // then
    assertThat(oneDay.seasonality()).isEqualTo(Seasonality.FLAT);
    assertThat(threeDays.seasonality()).isEqualTo(Seasonality.HOUR_OF_DAY);
    assertThat(tenDays.seasonality()).isEqualTo(Seasonality.DAY_OF_WEEK);
    assertThat(eightWeeks.seasonality()).isEqualTo(Seasonality.HOUR_OF_WEEK);
    assertThat(threeDays.project(Horizon.DAY, BigDecimal.ZERO).rest().method()).isEqualTo(IntervalMethod.IN_SAMPLE);
    assertThat(nineteenDays.project(Horizon.DAY, BigDecimal.ZERO).rest().method()).isEqualTo(IntervalMethod.ROLLING_ORIGIN);
    assertThat(nineteenDays.project(Horizon.MONTH, BigDecimal.ZERO).rest().method()).isEqualTo(IntervalMethod.WIDENED);
    RestForecast month = eightWeeks.project(Horizon.MONTH, BigDecimal.ZERO).rest();
    assertThat(month.method()).isEqualTo(IntervalMethod.ROLLING_ORIGIN);
    assertThat(month.samples()).isGreaterThanOrEqualTo(5);
  }

  @Test
  void shouldWidenTheIntervalWithNoiseAndWithConfidence() {
    // given two scopes spending $5 an hour on average, one within a few percent, one wildly
    HourlySeries calm = noisy(0.05, 7);
    HourlySeries wild = noisy(0.6, 7);
    Instant endOfWeek = Instant.parse("2026-05-18T00:00:00Z");

    // when
    RestForecast calmWeek = new Forecaster().outlook(calm, WEDNESDAY_10, UTC).rest(endOfWeek);
    RestForecast wildWeek = new Forecaster().outlook(wild, WEDNESDAY_10, UTC).rest(endOfWeek);
    RestForecast wildWeekSure = new Forecaster(0.95).outlook(wild, WEDNESDAY_10, UTC).rest(endOfWeek);

    // then
    assertThat(relativeWidth(wildWeek)).isGreaterThan(3 * relativeWidth(calmWeek));
    assertThat(relativeWidth(wildWeekSure)).isGreaterThan(relativeWidth(wildWeek));
    assertThat(calmWeek.expected().doubleValue()).isCloseTo(110 * 5, within(110 * 5 * 0.03));
    for (RestForecast f : new RestForecast[] {calmWeek, wildWeek, wildWeekSure}) {
      assertThat(f.low()).isLessThanOrEqualTo(f.expected());
      assertThat(f.high()).isGreaterThanOrEqualTo(f.expected());
    }
  }

  @Test
  void shouldLearnOnlyFromTheHoursSinceTheScopeFirstSpent() {
    // given six weeks without spend, then two weeks at $2 an hour
    Instant start = WEDNESDAY_10.minusSeconds(3600L * 8 * WEEK);
    Instant firstSpend = WEDNESDAY_10.minusSeconds(3600L * 2 * WEEK);
    HourlySeries history = Hourly.series(start, 8 * WEEK, at -> at.isBefore(firstSpend) ? BigDecimal.ZERO : new BigDecimal("2"));

    // when
    SpendOutlook outlook = new Forecaster().outlook(history, WEDNESDAY_10, UTC);

    // then
    assertThat(outlook.historyDays()).isEqualTo(14);
    assertThat(outlook.history().start()).isEqualTo(firstSpend);
    assertThat(outlook.rest(Instant.parse("2026-05-14T00:00:00Z")).expected()).isEqualByComparingTo("28.00");
  }

  @Test
  void shouldForecastNothingForAScopeThatNeverSpent() {
    // given
    HourlySeries history = Hourly.flat(WEDNESDAY_10.minusSeconds(3600L * WEEK), WEEK, "0");

    // when
    Projection month = new Forecaster().outlook(history, WEDNESDAY_10, UTC).project(Horizon.MONTH, BigDecimal.ZERO);

    // then
    assertThat(month.projected()).isEqualByComparingTo("0");
    assertThat(month.high()).isEqualByComparingTo("0");
  }

  @Test
  void shouldRefuseAHistoryThatDoesNotReachTheCurrentHourAndAnOddConfidence() {
    // given
    HourlySeries history = Hourly.flat(WEDNESDAY_10.minusSeconds(3600L * WEEK), WEEK - 1, "1");

    // when / then
    assertThatThrownBy(() -> new Forecaster().outlook(history, WEDNESDAY_10, UTC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the history must end at 2026-05-13T10:00:00Z");
    assertThatThrownBy(() -> new Forecaster(0.3)).hasMessageContaining("confidence must be between 50% and 99%");
  }

  private static SpendOutlook officeOutlook(int hours) {
    return new Forecaster().outlook(Hourly.office(WEDNESDAY_10.minusSeconds(3600L * hours), hours, "10", UTC), WEDNESDAY_10, UTC);
  }

  /** $5 an hour on average, each day and each hour off by a log-normal factor of the given spread. */
  private static HourlySeries noisy(double spread, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] day = {1};
    return Hourly.series(WEDNESDAY_10.minusSeconds(3600L * 8 * WEEK), 8 * WEEK, at -> {
      if (at.getEpochSecond() % 86_400 == 0) {
        day[0] = Math.exp(spread * random.nextGaussian() - spread * spread / 2);
      }
      double hour = Math.exp(spread * random.nextGaussian() - spread * spread / 2);
      return BigDecimal.valueOf(5 * day[0] * hour).setScale(6, RoundingMode.HALF_EVEN);
    });
  }

  private static BigDecimal growing(Instant start, Instant at, double perHour) {
    return BigDecimal.valueOf(Math.exp(perHour * (at.getEpochSecond() - start.getEpochSecond()) / 3600)).setScale(9, RoundingMode.HALF_EVEN);
  }

  private static double relativeWidth(RestForecast f) {
    return f.high().subtract(f.low()).doubleValue() / f.expected().doubleValue();
  }
}
