package dev.tollgate.analytics.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HourlySeriesTest {
  private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

  @Test
  void shouldFillMissingHoursWithZeroAndSumExactly() {
    // given
    Map<Instant, BigDecimal> byHour = Map.of(T0.plusSeconds(3600), new BigDecimal("0.000000000001"),
        T0.plusSeconds(3 * 3600), new BigDecimal("12.5"));

    // when
    HourlySeries series = HourlySeries.of(T0, T0.plusSeconds(5 * 3600), byHour);

    // then
    assertThat(series.amounts()).containsExactly(BigDecimal.ZERO, new BigDecimal("0.000000000001"), BigDecimal.ZERO,
        new BigDecimal("12.5"), BigDecimal.ZERO);
    assertThat(series.total()).isEqualByComparingTo("12.500000000001");
    assertThat(series.sum(T0.plusSeconds(3600), T0.plusSeconds(3 * 3600))).isEqualByComparingTo("0.000000000001");
    assertThat(series.end()).isEqualTo(T0.plusSeconds(5 * 3600));
  }

  @Test
  void shouldDropTheHoursBeforeTheFirstSpend() {
    // given
    HourlySeries series = new HourlySeries(T0, List.of(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ONE, BigDecimal.ZERO));

    // when
    HourlySeries used = series.fromFirstSpend();

    // then
    assertThat(used.start()).isEqualTo(T0.plusSeconds(2 * 3600));
    assertThat(used.amounts()).containsExactly(BigDecimal.ONE, BigDecimal.ZERO);
    assertThat(used.end()).isEqualTo(series.end());
  }

  @Test
  void shouldRefuseHoursThatAreNotWholeOrOutsideTheSeries() {
    // given
    HourlySeries series = Hourly.flat(T0, 3, "1");

    // when / then
    assertThatThrownBy(() -> new HourlySeries(T0.plusSeconds(60), List.of()))
        .hasMessage("an hourly series starts on a whole hour, got 2026-05-01T00:01:00Z");
    assertThatThrownBy(() -> series.sum(T0, T0.plusSeconds(1800))).hasMessageContaining("cut on whole hours");
    assertThatThrownBy(() -> series.slice(T0, T0.plusSeconds(4 * 3600))).hasMessageContaining("is not within the series");
  }
}
