package dev.tollgate.analytics.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {
  @Test
  void shouldPlaceQuantilesAtPositionsOfNPlusOne() {
    // given nine values: the k-th has k/10 of the distribution below it
    double[] values = {9, 1, 8, 2, 7, 3, 6, 4, 5};

    // when / then
    assertThat(Stats.quantile(values, 0.1)).isEqualTo(1);
    assertThat(Stats.quantile(values, 0.25)).isEqualTo(2.5);
    assertThat(Stats.quantile(values, 0.5)).isEqualTo(5);
    assertThat(Stats.quantile(values, 0.95)).isEqualTo(9);
    assertThat(Stats.quantile(values, 0.01)).isEqualTo(1);
  }

  @Test
  void shouldGiveNormalQuantiles() {
    // when / then
    assertThat(Stats.normalQuantile(0.9)).isCloseTo(1.2815516, within(1e-6));
    assertThat(Stats.normalQuantile(0.975)).isCloseTo(1.9599640, within(1e-6));
    assertThat(Stats.normalQuantile(0.01)).isCloseTo(-2.3263479, within(1e-6));
    assertThat(Stats.normalQuantile(0.5)).isZero();
  }

  @Test
  void shouldMeasureMedianSpreadAndCorrelation() {
    // when / then
    assertThat(Stats.median(new double[] {3, 1, 2, 10})).isEqualTo(2.5);
    assertThat(Stats.mad(new double[] {1, 2, 3, 4, 100})).isEqualTo(1);
    assertThat(Stats.autocorrelation(new double[] {1, 1, 1, -1, -1, -1, 1, 1, 1, -1, -1, -1}, 1)).isGreaterThan(0.3);
    assertThat(Stats.autocorrelation(new double[] {1, -1, 1, -1, 1, -1}, 1)).isLessThan(-0.5);
  }
}
