package dev.tollgate.analytics.forecast.internal;

import java.util.Arrays;

/** Dimensionless statistics of samples (ratios, log errors, shares); never money. */
public final class Stats {
  /** Scales a median absolute deviation to the standard deviation of a normal sample. */
  public static final double MAD_TO_SD = 1.4826;

  private Stats() {}

  public static double mean(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The sample standard deviation; 0 below two values. */
  public static double sd(double[] values) {
    if (values.length < 2) {
      return 0;
    }
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1));
  }

  /** The correlation of each value with the one {@code lag} later; 0 below {@code lag} + 2 values or without spread. */
  public static double autocorrelation(double[] values, int lag) {
    if (values.length < lag + 2) {
      return 0;
    }
    double mean = mean(values);
    double cross = 0;
    double squares = 0;
    for (int i = 0; i < values.length; i++) {
      squares += (values[i] - mean) * (values[i] - mean);
      if (i >= lag) {
        cross += (values[i] - mean) * (values[i - lag] - mean);
      }
    }
    return squares <= 0 ? 0 : cross / squares;
  }

  public static double median(double[] values) {
    if (values.length == 0) {
      return 0;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  /** The median absolute deviation from the median. */
  public static double mad(double[] values) {
    double median = median(values);
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - median);
    }
    return median(deviations);
  }

  /**
   * The p-quantile with plotting positions p(n+1) (Hyndman and Fan type 6): the k-th of n sorted
   * values is expected to have k/(n+1) of the distribution below it, so a few samples give a wider,
   * less overconfident interval than the usual (n-1)p+1 positions do.
   */
  public static double quantile(double[] values, double p) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to take a quantile of");
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double position = p * (sorted.length + 1);
    if (position <= 1) {
      return sorted[0];
    }
    if (position >= sorted.length) {
      return sorted[sorted.length - 1];
    }
    int below = (int) Math.floor(position);
    double fraction = position - below;
    return sorted[below - 1] + fraction * (sorted[below] - sorted[below - 1]);
  }

  /**
   * The standard normal quantile, by Acklam's rational approximation (relative error below 1.2e-9),
   * enough for interval widths.
   */
  public static double normalQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("a probability strictly between 0 and 1 is needed, got " + p);
    }
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    double low = 0.02425;
    if (p < low) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - low) {
      return -normalQuantile(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
}
