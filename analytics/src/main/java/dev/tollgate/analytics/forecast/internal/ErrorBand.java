package dev.tollgate.analytics.forecast.internal;

import dev.tollgate.analytics.forecast.IntervalMethod;

/**
 * A prediction interval around a forecast sum, as bounds on log((actual + k) / (forecast + k)), where
 * k is a tenth of the sum that the level alone would give over the horizon. The logarithm makes the
 * interval a share of the forecast, as spend errors are; k keeps it finite where the forecast is
 * near zero (the night hours left of a day), where errors are better measured against the usual
 * spend than against a tiny expectation.
 *
 * @param centerLog how far the forecast is moved by the median of the errors (see
 *     {@link HorizonErrors#calibration}); 0 when they were not measured
 * @param samples how many measured errors the bounds rest on (0 for {@link IntervalMethod#IN_SAMPLE})
 */
public record ErrorBand(double lowLog, double centerLog, double highLog, IntervalMethod method, int samples) {
  public static final double OFFSET_SHARE = 0.1;

  public static double offset(double level, double hours) {
    return OFFSET_SHARE * level * hours;
  }

  /** The point forecast: the model's sum moved by the center. */
  public double center(double modelSum, double offset) {
    return Math.max(0, (modelSum + offset) * Math.exp(centerLog) - offset);
  }

  public double low(double modelSum, double offset) {
    return Math.max(0, Math.min(center(modelSum, offset), (modelSum + offset) * Math.exp(lowLog) - offset));
  }

  public double high(double modelSum, double offset) {
    return Math.max(center(modelSum, offset), (modelSum + offset) * Math.exp(highLog) - offset);
  }
}
