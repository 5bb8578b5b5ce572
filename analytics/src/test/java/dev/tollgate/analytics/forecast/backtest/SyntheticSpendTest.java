package dev.tollgate.analytics.forecast.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tollgate.analytics.forecast.HourlySeries;
import dev.tollgate.analytics.forecast.PatternKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticSpendTest {
  private static final Instant START = Instant.parse("2025-06-02T00:00:00Z");

  @Test
  void shouldPriceEveryHourExactlyToTheMicroDollarWithinARealisticRange() {
    // when
    HourlySeries series = SyntheticSpend.generate(PatternKind.STEADY, START, 28 * 24, new SplittableRandom(5));

    // then
    assertThat(series.amounts()).allSatisfy(a -> assertThat(a.scale()).isLessThanOrEqualTo(6));
    assertThat(series.amounts()).allSatisfy(a -> assertThat(a).isPositive());
    BigDecimal perDay = series.total().divide(BigDecimal.valueOf(28), java.math.MathContext.DECIMAL64);
    assertThat(perDay).isBetween(new BigDecimal("10"), new BigDecimal("600"));
  }

  @Test
  void shouldBeTheSameForTheSameSeed() {
    // when
    HourlySeries first = SyntheticSpend.generate(PatternKind.SPIKY, START, 500, new SplittableRandom(8));
    HourlySeries again = SyntheticSpend.generate(PatternKind.SPIKY, START, 500, new SplittableRandom(8));
    HourlySeries other = SyntheticSpend.generate(PatternKind.SPIKY, START, 500, new SplittableRandom(9));

    // then
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void shouldGrowAndDeclineOverTheWeeks() {
    // when
    HourlySeries growing = SyntheticSpend.generate(PatternKind.GROWING, START, 8 * 168, new SplittableRandom(1));
    HourlySeries declining = SyntheticSpend.generate(PatternKind.DECLINING, START, 8 * 168, new SplittableRandom(1));

    // then the last week costs more, or less, than the first by at least 4% a week over seven weeks
    assertThat(lastWeekOverFirst(growing)).isGreaterThan(Math.pow(1.04, 7) * 0.95);
    assertThat(lastWeekOverFirst(declining)).isLessThan(Math.pow(0.96, 7) * 1.05);
  }

  @Test
  void shouldKeepSeasonalSpendInOfficeHours() {
    // when
    HourlySeries seasonal = SyntheticSpend.generate(PatternKind.SEASONAL, START, 168, new SplittableRandom(3));

    // then Monday 12:00 costs more than Monday 3:00 and Sunday 12:00
    assertThat(seasonal.at(12)).isGreaterThan(seasonal.at(3).multiply(BigDecimal.valueOf(2)));
    assertThat(seasonal.at(12)).isGreaterThan(seasonal.at(6 * 24 + 12).multiply(BigDecimal.valueOf(2)));
  }

  @Test
  void shouldRefuseToGenerateTooLittleHistory() {
    // when / then
    assertThatThrownBy(() -> SyntheticSpend.generate(PatternKind.TOO_LITTLE_HISTORY, START, 24, new SplittableRandom(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static double lastWeekOverFirst(HourlySeries series) {
    BigDecimal first = series.slice(START, START.plusSeconds(168 * 3600L)).total();
    BigDecimal last = series.slice(series.end().minusSeconds(168 * 3600L), series.end()).total();
    return last.doubleValue() / first.doubleValue();
  }
}
