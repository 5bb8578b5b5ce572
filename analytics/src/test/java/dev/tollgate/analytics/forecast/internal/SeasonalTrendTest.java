package dev.tollgate.analytics.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeasonalTrendTest {
  @Test
  void shouldMeasureExponentialGrowthAsARate() {
    // given 56 days growing by 10% a week
    double[] days = new double[56];
    for (int d = 0; d < days.length; d++) {
      days[d] = 100 * Math.pow(1.10, d / 7.0);
    }

    // when
    SeasonalTrend trend = SeasonalTrend.of(days);

    // then
    assertThat(trend.percentPerWeek()).isCloseTo(10, within(0.05));
    assertThat(trend.z()).isGreaterThan(7);
  }

  @Test
  void shouldNotTakeAWeeklyRhythmOrOneBurstForATrend() {
    // given weekdays at 100, weekends at 20, in a history that starts on a Saturday and has a burst day
    double[] days = new double[50];
    for (int d = 0; d < days.length; d++) {
      days[d] = (d % 7 < 2) ? 20 : 100;
    }
    days[45] = 5000;

    // when
    SeasonalTrend trend = SeasonalTrend.of(days);

    // then
    assertThat(trend.slopePerDay()).isZero();
    assertThat(Math.abs(trend.z())).isLessThan(1);
  }

  @Test
  void shouldFindNoClearTrendInNoiseAndGiveItsError() {
    // given
    SplittableRandom random = new SplittableRandom(4);
    double[] days = new double[56];
    for (int d = 0; d < days.length; d++) {
      days[d] = 100 * Math.exp(0.1 * random.nextGaussian());
    }

    // when
    SeasonalTrend trend = SeasonalTrend.of(days);

    // then
    assertThat(Math.abs(trend.z())).isLessThan(2);
    assertThat(trend.slopeError()).isBetween(0.0005, 0.003);
    assertThat(Math.abs(trend.slopePerDay())).isLessThan(3 * trend.slopeError());
  }

  @Test
  void shouldWantTwoWeeks() {
    // when / then
    assertThat(SeasonalTrend.of(new double[13])).isEqualTo(SeasonalTrend.NONE);
  }
}
