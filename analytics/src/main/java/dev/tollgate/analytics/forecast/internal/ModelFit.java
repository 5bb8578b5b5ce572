package dev.tollgate.analytics.forecast.internal;

/**
 * Fits an {@link HourlyModel} to whole days of a dimensionless hourly series ending at a cut: the
 * trend from daily totals, then the weekly profile and the level of the series brought to the cut's
 * level by that trend.
 */
public final class ModelFit {
  /** Below this |z| a trend is taken as noise and not extrapolated at all. */
  static final double TREND_IGNORED_BELOW_Z = 1;
  /** From this |z| on a trend is extrapolated in full; in between, in proportion. */
  static final double TREND_TRUSTED_FROM_Z = 3;

  private ModelFit() {}

  /** The model of {@code values[from, cut)}; the oldest hours that do not make a whole day are left out. */
  public static HourlyModel fit(double[] values, int[] slots, int from, int cut) {
    int days = (cut - from) / 24;
    return fit(values, slots, from, cut, SeasonalTrend.of(dailyTotals(values, cut - days * 24, days)));
  }

  /** As {@link #fit(double[], int[], int, int)}, with the trend given rather than measured. */
  public static HourlyModel fit(double[] values, int[] slots, int from, int cut, SeasonalTrend trend) {
    int days = (cut - from) / 24;
    if (days == 0) {
      return new HourlyModel(cut, 0, Profile.estimate(values, slots, from, cut), SeasonalTrend.NONE, 0);
    }
    int start = cut - days * 24;
    double growthPerHour = shrink(trend) / 24;
    double[] atCutLevel = values;
    if (growthPerHour != 0) {
      atCutLevel = values.clone();
      for (int i = start; i < cut; i++) {
        atCutLevel[i] = values[i] * Math.exp(growthPerHour * (cut - i - 0.5));
      }
    }
    return new HourlyModel(cut, days, Profile.estimate(atCutLevel, slots, start, cut), trend, growthPerHour);
  }

  /**
   * The slope to extrapolate. A slope that noise could have made, carried a month ahead, adds more error
   * than it removes, so it is dropped below |z| = 1, kept whole from |z| = 3 on, and scaled linearly
   * in between.
   */
  static double shrink(SeasonalTrend trend) {
    double size = Math.abs(trend.z());
    double weight = Math.min(1, Math.max(0, (size - TREND_IGNORED_BELOW_Z) / (TREND_TRUSTED_FROM_Z - TREND_IGNORED_BELOW_Z)));
    return weight * trend.slopePerDay();
  }

  static double[] dailyTotals(double[] values, int start, int days) {
    double[] totals = new double[days];
    for (int d = 0; d < days; d++) {
      double sum = 0;
      for (int i = start + 24 * d; i < start + 24 * (d + 1); i++) {
        sum += values[i];
      }
      totals[d] = sum;
    }
    return totals;
  }
}
