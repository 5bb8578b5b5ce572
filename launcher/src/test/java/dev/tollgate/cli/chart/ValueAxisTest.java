package dev.tollgate.cli.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueAxisTest {

  @Test
  void shouldStartAtZeroAndEndAtRoundNumberForPositiveValues() {
    // given
    List<Series> series = List.of(series("12.5", "87.123456789012", "40"));

    // when
    ValueAxis axis = ValueAxis.covering(series);

    // then
    assertThat(axis.ticks()).extracting(BigDecimal::toPlainString)
        .containsExactly("0", "20", "40", "60", "80", "100");
  }

  @Test
  void shouldReachBelowZeroForCredits() {
    // given
    List<Series> series = List.of(series("30", "-12.5", "55"));

    // when
    ValueAxis axis = ValueAxis.covering(series);

    // then
    assertThat(axis.low()).isLessThanOrEqualTo(new BigDecimal("-12.5"));
    assertThat(axis.high()).isGreaterThanOrEqualTo(new BigDecimal("55"));
    assertThat(axis.ticks()).extracting(BigDecimal::toPlainString).contains("0");
    assertThat(axis.ticks()).hasSizeBetween(3, 8);
  }

  @Test
  void shouldEndAtZeroWhenAllValuesAreNegative() {
    // given
    List<Series> series = List.of(series("-3", "-0.75"));

    // when
    ValueAxis axis = ValueAxis.covering(series);

    // then
    assertThat(axis.high()).isEqualByComparingTo("0");
    assertThat(axis.low()).isEqualByComparingTo("-3");
  }

  @Test
  void shouldUseUnitRangeWhenAllValuesAreZero() {
    // given
    List<Series> series = List.of(series("0", "0.000000000000"));

    // when
    ValueAxis axis = ValueAxis.covering(series);

    // then
    assertThat(axis.low()).isEqualByComparingTo("0");
    assertThat(axis.high()).isEqualByComparingTo("1");
    assertThat(axis.pixelOf(BigDecimal.ZERO, 500, 100)).isCloseTo(500, within(1e-9));
  }

  @Test
  void shouldPickRoundStepsForTinyAndHugeAmounts() {
    assertThat(ValueAxis.niceStep(new BigDecimal("0.000000000013"))).isEqualByComparingTo("0.00000000002");
    assertThat(ValueAxis.niceStep(new BigDecimal("2.1"))).isEqualByComparingTo("2.5");
    assertThat(ValueAxis.niceStep(new BigDecimal("5"))).isEqualByComparingTo("5");
    assertThat(ValueAxis.niceStep(new BigDecimal("7.3E+9"))).isEqualByComparingTo("1E+10");
  }

  @Test
  void shouldMapAxisEndsToPlotEdges() {
    // given
    ValueAxis axis = ValueAxis.covering(List.of(series("-50", "150")));

    // when
    double bottom = axis.pixelOf(axis.low(), 500, 100);
    double top = axis.pixelOf(axis.high(), 500, 100);
    double zero = axis.pixelOf(BigDecimal.ZERO, 500, 100);

    // then
    assertThat(bottom).isCloseTo(500, within(1e-9));
    assertThat(top).isCloseTo(100, within(1e-9));
    assertThat(zero).isBetween(100.0, 500.0).isNotEqualTo(500.0);
  }

  private static Series series(String... values) {
    return new Series("s", Arrays.stream(values).map(BigDecimal::new).toList());
  }
}
