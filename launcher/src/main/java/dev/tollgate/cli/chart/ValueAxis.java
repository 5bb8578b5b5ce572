package dev.tollgate.cli.chart;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The value scale of a chart: from a round number at or below min(0, smallest value) to one at or
 * above max(0, largest value), in round steps, so bars grow from zero and credits show below it.
 */
record ValueAxis(BigDecimal low, BigDecimal high, BigDecimal step) {
  private static final int TARGET_INTERVALS = 5;
  private static final int[] NICE_MULTIPLES_TENTHS = {10, 20, 25, 50, 100};
  private static final ValueAxis ALL_ZERO = new ValueAxis(BigDecimal.ZERO, BigDecimal.ONE, new BigDecimal("0.2"));

  static ValueAxis covering(List<Series> series) {
    BigDecimal smallest = BigDecimal.ZERO;
    BigDecimal largest = BigDecimal.ZERO;
    for (Series one : series) {
      for (BigDecimal value : one.values()) {
        smallest = smallest.min(value);
        largest = largest.max(value);
      }
    }
    BigDecimal span = largest.subtract(smallest);
    if (span.signum() == 0) {
      return ALL_ZERO;
    }
    BigDecimal step = niceStep(span.divide(BigDecimal.valueOf(TARGET_INTERVALS), MathContext.DECIMAL64));
    BigDecimal low = smallest.divide(step, 0, RoundingMode.FLOOR).multiply(step);
    BigDecimal high = largest.divide(step, 0, RoundingMode.CEILING).multiply(step);
    return new ValueAxis(low, high, step);
  }

  /** The smallest of 1, 2, 2.5, 5 or 10 times a power of ten that is at least {@code rough} (> 0). */
  static BigDecimal niceStep(BigDecimal rough) {
    int exponent = rough.precision() - rough.scale() - 1;
    BigDecimal tenthOfPower = BigDecimal.ONE.scaleByPowerOfTen(exponent - 1);
    for (int tenths : NICE_MULTIPLES_TENTHS) {
      BigDecimal candidate = tenthOfPower.multiply(BigDecimal.valueOf(tenths));
      if (candidate.compareTo(rough) >= 0) {
        return candidate.stripTrailingZeros();
      }
    }
    throw new IllegalStateException("no step found for " + rough);
  }

  List<BigDecimal> ticks() {
    List<BigDecimal> ticks = new ArrayList<>();
    for (BigDecimal tick = low; tick.compareTo(high) <= 0; tick = tick.add(step)) {
      ticks.add(tick);
    }
    return ticks;
  }

  /** Where {@code value} lies between the bottom and the top pixel of the plot. */
  double pixelOf(BigDecimal value, double bottomPixel, double topPixel) {
    BigDecimal fraction = value.subtract(low).divide(high.subtract(low), MathContext.DECIMAL64);
    return toPixel(fraction, bottomPixel, topPixel);
  }

  private static double toPixel(BigDecimal fraction, double bottomPixel, double topPixel) {
    return bottomPixel - fraction.doubleValue() * (bottomPixel - topPixel);
  }
}
